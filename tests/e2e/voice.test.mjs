// Voice (issue 13 §2–§6) in Chromium, on phone-sized screens: a new citizen records a voice comment with a
// (fake) microphone and sends it; another, without JavaScript, uploads one with her phone's own recorder (a
// file input), after a text file renamed .ogg was refused with her text kept; both are held (new accounts);
// Nioro's moderator listens at 1.5×, writes a transcript and publishes one; anyone then plays it and finds
// it by its transcript. The mayor uploads a Bambara summary of the topic: it plays on the cached anonymous
// page, and is in the commune's podcast feed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { BASE, DEMO_PASSWORD, expectText, FAKE_MICROPHONE_ARGS, hydrated, newPage, open, registerCitizen, signIn, submit } from './helpers.mjs';
import { withBrowser } from './helpers.mjs';

withBrowser({ extraArgs: FAKE_MICROPHONE_ARGS });

const marker = Date.now().toString(36);
const TRANSCRIPT = `Nous voulons le forage près du marché ${marker}`;
let tmp;
let recordingFile;
let fakeOgg;
let topicPath;
let topicId;
/** the comments sent in the tests, for the later ones */
const sent = {};

function query(sql, ...args) {
  const db = new Database(process.env.BARO_E2E_DB, { readonly: true });
  try {
    return db.prepare(sql).get(...args);
  } finally {
    db.close();
  }
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-e2e-voice-'));
  // What a phone's recorder would hand the file input: an M4A (AAC), made here with ffmpeg.
  recordingFile = path.join(tmp, 'Enregistrement 12.m4a');
  execFileSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=4', '-c:a', 'aac', '-b:a', '64k', recordingFile]);
  fakeOgg = path.join(tmp, 'message.ogg');
  fs.writeFileSync(fakeOgg, 'Ceci est un texte, pas un enregistrement.\n'.repeat(30));
  const topic = query("SELECT id FROM topics WHERE title LIKE 'Un forage d''eau potable%' AND phase = 'open'");
  topicId = topic.id;
  topicPath = `/topics/${topicId}`;
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The latest comment of the account with this phone (typed "76 12 34 56", stored in E.164), and its recording. */
const commentOf = (typed) =>
  query('SELECT c.id, c.visibility, m.id AS mediaId, m.state FROM comments c JOIN users u ON u.id = c.author_id LEFT JOIN media m ON m.kind = ? AND m.subject_id = c.id WHERE u.phone = ? ORDER BY c.id DESC', 'comment', `+223${typed.replace(/\D/g, '')}`);

test('a new citizen records a voice comment and sends it, with no text [JS on, fake microphone]', async () => {
  const { context, page } = await newPage({ js: true });
  try {
    const phone = await registerCitizen(page, `Aminata ${marker}`, { js: true });
    await open(page, topicPath, { js: true });
    await page.check('#comment-form input[name="stance"][value="for"]');
    await page.click('#comment-form-audio-record');
    await page.locator('#comment-form-audio-timer').waitFor();
    await page.waitForFunction(() => /0:0[2-9]/.test(document.getElementById('comment-form-audio-timer')?.textContent ?? ''), undefined, { timeout: 15_000 });
    await page.click('#comment-form-audio-stop');
    // Listen before sending, then record again, then send.
    const preview = page.locator('#comment-form-audio-preview');
    await preview.waitFor();
    assert.match(await preview.getAttribute('src'), /^blob:/);
    await page.click('#comment-form-audio-again');
    await page.waitForFunction(() => /0:0[2-9]/.test(document.getElementById('comment-form-audio-timer')?.textContent ?? ''), undefined, { timeout: 15_000 });
    await page.click('#comment-form-audio-stop');
    await preview.waitFor();
    assert.equal(await page.locator('#comment-form-audio').evaluate((el) => el.files.length), 1);
    await submit(page, 'comment-form', { js: true });
    await page.waitForURL(/\?held=1#comment-\d+$/);
    const c = commentOf(phone);
    assert.equal(c.visibility, 'held');
    assert.equal(c.state, 'held');
    sent.recorded = { ...c, phone };
    // She hears her own recording while it waits; its length is written beside it.
    const player = page.locator(`#voice-${c.id}`);
    await player.waitFor();
    assert.equal(await player.locator('audio').getAttribute('preload'), 'none');
    assert.match(await player.locator('figcaption').textContent(), /\(0:0\d\)/);
    const own = await context.request.get(`${BASE}/media/${c.mediaId}.webm`, { headers: { Range: 'bytes=0-99' } });
    assert.equal(own.status(), 206);
    assert.equal((await fetch(`${BASE}/media/${c.mediaId}.webm`)).status, 403);
  } finally {
    await context.close();
  }
});

test('without JavaScript, a citizen uploads her phone’s recording; a text renamed .ogg is refused and her text kept [JS off]', async () => {
  const { context, page } = await newPage({ js: false });
  try {
    const phone = await registerCitizen(page, `Kadidia ${marker}`, { js: false });
    await open(page, topicPath, { js: false });
    // The file input opens the phone's recorder (capture) and takes any sound.
    const input = page.locator('#comment-form-audio');
    assert.equal(await input.getAttribute('accept'), 'audio/*');
    assert.notEqual(await input.getAttribute('capture'), null);
    await page.check('#comment-form input[name="stance"][value="question"]');
    await page.fill('#comment-form-body', `Et pour les femmes du marché ? ${marker}`);
    await input.setInputFiles(fakeOgg);
    await submit(page, 'comment-form', { js: false });
    await expectText(page.locator('#comment-form-audio-error'), /n’est pas un son|pas un enregistrement|not a sound/i);
    assert.equal(await page.locator('#comment-form-body').inputValue(), `Et pour les femmes du marché ? ${marker}`);

    await page.locator('#comment-form-audio').setInputFiles(recordingFile);
    await submit(page, 'comment-form', { js: false });
    await page.waitForURL(/\?held=1#comment-\d+$/);
    const c = commentOf(phone);
    assert.equal(c.visibility, 'held');
    assert.ok(c.mediaId);
    sent.uploaded = { ...c, phone };
  } finally {
    await context.close();
  }
});

test('Nioro’s moderator listens at 1.5×, writes a transcript and publishes the voice comment [JS on]', async () => {
  assert.ok(sent.recorded, 'the recorded comment');
  const { id, mediaId } = sent.recorded;
  const { context, page } = await newPage({ js: true });
  try {
    await signIn(page, 'moderation.nioro@baro.ml', DEMO_PASSWORD, { js: true });
    await open(page, '/moderation?type=comment', { js: true });
    const item = page.locator(`#queue-voice-${mediaId}`);
    await item.waitFor();
    await item.locator('button', { hasText: '1,5×' }).click();
    assert.equal(await item.locator('audio').evaluate((a) => a.playbackRate), 1.5);
    const heard = await context.request.get(`${BASE}/media/${mediaId}.webm`, { headers: { Range: 'bytes=0-99' } });
    assert.equal(heard.status(), 206);
    await page.fill(`#transcript-${mediaId}-transcript`, TRANSCRIPT);
    await submit(page, `transcript-${mediaId}`, { js: true });
    await page.waitForURL(/transcribed=1/);
    await hydrated(page);
    await submit(page, `approve-comment-${id}`, { js: true });
    await page.waitForURL(/done=1/);
    assert.equal(commentOf(sent.recorded.phone).state, 'published');
  } finally {
    await context.close();
  }
});

test('another citizen plays the published voice comment, reads its transcript, and finds it by search [JS on]', async () => {
  assert.ok(sent.recorded, 'the recorded comment');
  const { id, mediaId } = sent.recorded;
  const { context, page } = await newPage({ js: true });
  try {
    await open(page, topicPath, { js: true });
    const player = page.locator(`#voice-${id}`);
    await player.waitFor();
    await expectText(player.locator('.transcript'), TRANSCRIPT);
    const played = await player.locator('audio').evaluate(async (audio) => {
      audio.muted = true;
      await audio.play();
      await new Promise((r) => setTimeout(r, 800));
      return { currentTime: audio.currentTime, src: audio.currentSrc };
    });
    assert.ok(played.currentTime > 0.3, `played to ${played.currentTime}`);
    assert.match(played.src, new RegExp(`/media/${mediaId}\\.webm$`));
    const publicFile = await fetch(`${BASE}/media/${mediaId}.webm`);
    assert.equal(publicFile.status, 200);
    assert.equal(publicFile.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    await open(page, `/search?q=${encodeURIComponent(`marché ${marker}`)}`, { js: true });
    assert.ok((await page.locator(`a[href*="#comment-${id}"]`).count()) >= 1, 'the search finds the comment by its transcript');
  } finally {
    await context.close();
  }
});

test('the mayor uploads a Bambara summary: it plays on the cached page and is in the commune’s podcast [JS off]', async () => {
  const { context, page } = await newPage({ js: false });
  try {
    await signIn(page, 'maire.nioro@baro.ml', DEMO_PASSWORD, { js: false });
    await open(page, topicPath, { js: false });
    await Promise.all([page.waitForURL(/\/summaries$/), page.click('#record-summary')]);
    await page.selectOption('#sum-summary', 'topic');
    await page.selectOption('#sum-language', 'bm');
    await page.locator('#sum-audio').setInputFiles(recordingFile);
    await submit(page, 'summary-form', { js: false });
    await page.waitForURL(/\?recorded=1$/);
    const row = query("SELECT id, size_bytes AS size FROM media WHERE kind = 'topic_summary' AND subject_id = ? AND language = 'bm' AND state = 'published'", topicId);
    assert.ok(row, 'published');
  } finally {
    await context.close();
  }
  // Anonymous readers get the cached page: refreshed on publish, with one player per language.
  const { context: anon, page: reader } = await newPage({ js: false });
  try {
    const row = query("SELECT id, size_bytes AS size FROM media WHERE kind = 'topic_summary' AND subject_id = ? AND language = 'bm'", topicId);
    await open(reader, `/bm${topicPath}`, { js: false });
    const spoken = reader.locator('#spoken-summary-bm audio');
    assert.equal(await spoken.count(), 1);
    assert.equal(await spoken.getAttribute('src'), `/media/${row.id}.webm`);
    assert.equal(await spoken.getAttribute('preload'), 'none');
    await open(reader, topicPath, { js: false });
    assert.equal(await reader.locator('#spoken-summary-bm audio').count(), 1);
    const rss = await fetch(`${BASE}/feeds/nioro-du-sahel.rss`);
    assert.equal(rss.status, 200);
    assert.match(rss.headers.get('content-type'), /^application\/rss\+xml/);
    const xml = await rss.text();
    assert.match(xml, new RegExp(`<enclosure url="[^"]+/media/${row.id}\\.webm" length="${row.size}" type="audio/webm"/>`));
  } finally {
    await anon.close();
  }
});

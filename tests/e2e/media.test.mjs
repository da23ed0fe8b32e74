// Recordings under `next start`: the start-up check says voice is on (its self-test runs file-type,
// music-metadata and ffmpeg inside the production server bundle); a published recording streams and seeks in
// Chromium through byte ranges; a held one is heard only by its author and the commune's moderators.
// Until voice comments exist (issue 13, later wave), the recordings are arranged directly in the server's
// database and MEDIA_DIR, transcoded by the same ffmpeg command as lib/media/transcode.ts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { BASE, DEMO_PASSWORD, newPage, signIn, withBrowser } from './helpers.mjs';

withBrowser();

const js = false;
const dbFile = process.env.BARO_E2E_DB;
const mediaDir = process.env.BARO_E2E_MEDIA_DIR;
const serverLog = process.env.BARO_E2E_SERVER_LOG;

/** A 5-second recording, stored as lib/media stores it; returns its row id. */
function arrangeRecording({ ownerPhone, state, frequency }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-e2e-media-'));
  try {
    const out = path.join(tmp, 'out.webm');
    execFileSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=5`,
      '-ac', '1', '-ar', '48000', '-c:a', 'libopus', '-b:a', '24k', '-vbr', 'constrained', '-fflags', '+bitexact', '-flags:a', '+bitexact', '-f', 'webm', out]);
    const bytes = fs.readFileSync(out);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    fs.mkdirSync(path.join(mediaDir, sha.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(mediaDir, sha.slice(0, 2), `${sha}.webm`), bytes);
    const db = new Database(dbFile);
    try {
      db.pragma('busy_timeout = 5000');
      const owner = db.prepare('SELECT id, commune_id FROM users WHERE phone = ?').get(ownerPhone);
      const r = db
        .prepare(`INSERT INTO media (owner_id, commune_id, kind, subject_id, state, sha256, mime, size_bytes, duration_ms, source_format)
                  VALUES (?, ?, 'comment', 1, ?, ?, 'audio/webm', ?, 5000, 'wav')`)
        .run(owner.id, owner.commune_id, state, sha, bytes.length);
      return { id: Number(r.lastInsertRowid), size: bytes.length, sha };
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A request with the browser context's cookies (its session). */
async function fetchAs(context, url, headers = {}) {
  const r = await context.request.get(url, { headers });
  const h = r.headers();
  return { status: r.status(), cache: h['cache-control'], range: h['content-range'], bytes: (await r.body()).length };
}

describe('recordings', () => {
  test('at start, the server says voice is on (ffmpeg found, self-test passed)', async () => {
    const deadline = Date.now() + 20_000;
    let log = '';
    while (Date.now() < deadline) {
      log = fs.readFileSync(serverLog, 'utf8');
      if (/\[baro\] voice: (on|OFF)/.test(log)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.match(log, /\[baro\] voice: on \(ffmpeg \S+, recordings in /);
  });

  test('a published recording plays and seeks in Chromium, served by ranges and cached for a year', async () => {
    const rec = arrangeRecording({ ownerPhone: '+22376000001', state: 'published', frequency: 440 });
    const url = `${BASE}/media/${rec.id}.webm`;

    const whole = await fetch(url);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('content-type'), 'audio/webm');
    assert.equal(whole.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(whole.headers.get('etag'), `"${rec.sha}"`);
    assert.equal(whole.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await whole.arrayBuffer()).byteLength, rec.size);
    const part = await fetch(url, { headers: { range: 'bytes=10-19' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 10-19/${rec.size}`);
    assert.equal((await part.arrayBuffer()).byteLength, 10);
    const past = await fetch(url, { headers: { range: `bytes=${rec.size}-` } });
    assert.equal(past.status, 416);
    assert.equal(past.headers.get('content-range'), `bytes */${rec.size}`);
    await past.arrayBuffer();
    assert.equal((await fetch(`${BASE}/media/999999.webm`)).status, 404);

    const { context, page } = await newPage({ js: true });
    try {
      await page.goto(`${BASE}/`);
      const played = await page.evaluate(async (src) => {
        const audio = new Audio();
        audio.preload = 'metadata';
        audio.muted = true;
        const once = (name) => new Promise((resolve, reject) => {
          audio.addEventListener(name, resolve, { once: true });
          audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}`)), { once: true });
        });
        const meta = once('loadedmetadata');
        audio.src = src;
        await meta;
        const seeked = once('seeked');
        audio.currentTime = 3.5;
        await seeked;
        await audio.play();
        await new Promise((r) => setTimeout(r, 300));
        return { duration: audio.duration, currentTime: audio.currentTime, canPlay: audio.canPlayType('audio/webm; codecs=opus') };
      }, url);
      assert.ok(Math.abs(played.duration - 5) < 0.2, `duration ${played.duration}`);
      assert.ok(played.currentTime >= 3.5, `playing from ${played.currentTime}`);
      assert.equal(played.canPlay, 'probably');
    } finally {
      await context.close();
    }
  });

  test('a held recording: refused to visitors and other citizens, heard by its author and the commune’s moderator', async () => {
    const rec = arrangeRecording({ ownerPhone: '+22376000001', state: 'held', frequency: 660 });
    const url = `${BASE}/media/${rec.id}.webm`;
    const anonymous = await fetch(url, { headers: { range: 'bytes=0-1' } });
    assert.equal(anonymous.status, 403);
    assert.equal(anonymous.headers.get('cache-control'), 'no-store');
    await anonymous.arrayBuffer();

    for (const [who, identifier, expected] of [
      ['another citizen (Moussa)', '76000002', 403],
      ['its author (Awa)', '76000001', 206],
      ['the moderator of Nioro (Sira)', 'moderation.nioro@baro.ml', 206],
    ]) {
      const { context, page } = await newPage({ js });
      try {
        await signIn(page, identifier, DEMO_PASSWORD, { js });
        const r = await fetchAs(context, url, { range: 'bytes=0-1' });
        assert.equal(r.status, expected, who);
        if (expected === 206) {
          assert.equal(r.cache, 'private, no-store', who);
          assert.equal(r.range, `bytes 0-1/${rec.size}`, who);
          assert.equal(r.bytes, 2, who);
        }
      } finally {
        await context.close();
      }
    }
  });
});

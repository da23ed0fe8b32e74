import fs from 'node:fs';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import FeedParser from 'feedparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { comments, media, moderations, topics, type User } from '@/db/schema';
import { postComment } from '@/lib/comments/create-comment';
import { deleteComment } from '@/lib/comments/delete-comment';
import { commentSection } from '@/lib/comments/views';
import { topicAsCommentSubject } from '@/lib/comments/subject';
import { canReadMedia } from '@/lib/media/access';
import { MediaPipeline } from '@/lib/media/pipeline';
import { setTranscript } from '@/lib/media/transcript';
import { minutesRecordingOf, recordMinutes } from '@/lib/meetings/minutes-recording';
import { moderateContent } from '@/lib/moderation/moderate-content';
import { reportContent } from '@/lib/moderation/report-content';
import { updateModerationRules } from '@/lib/moderation/settings';
import { moderationQueuePage } from '@/lib/moderation/views';
import { summaryFeed } from '@/lib/open-data/feeds';
import { podcastFeed } from '@/lib/open-data/podcast';
import { recordProjectVoice } from '@/lib/projects/voice-description';
import { searchContent } from '@/lib/search/queries';
import { inclusionDashboard } from '@/lib/stats/dashboard';
import { changeTopicPhase } from '@/lib/topics/change-phase';
import { recordSpokenSummary, removeSpokenSummary, spokenSummariesOf } from '@/lib/topics/spoken-summary';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, type TestDb } from '../helpers/db';
import { filesUnder, mediaFootprint, tempDir, tone } from '../helpers/media';

/**
 * Issue 13 §2–§7 on a real database and real ffmpeg: voice comments and their moderation, transcripts in
 * search, spoken summaries, a project told by voice, recorded minutes, the podcast feed (read back by a
 * feed parser) and voice in the inclusion figures.
 */

let fixtures: string;
let speech: Buffer;
let speech2: Buffer;
let t: TestDb;
let dir: string;
let pipeline: MediaPipeline;
let kayes: number;
let mayor: User;
let moderator: User;
let awa: User;
let fanta: User;
let topicId: number;

const NOW = CONSULTATION.during;

beforeAll(() => {
  fixtures = tempDir('baro-voice-fixtures');
  speech = fs.readFileSync(tone(fixtures, 'speech.webm', 3, ['-c:a', 'libopus', '-b:a', '32k']));
  speech2 = fs.readFileSync(tone(fixtures, 'speech2.m4a', 2, ['-c:a', 'aac', '-b:a', '64k'], { frequency: 660 }));
});
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

beforeEach(async () => {
  t = makeTestDb();
  dir = tempDir('baro-voice-media');
  pipeline = new MediaPipeline({ dir });
  kayes = t.communeId('kayes');
  mayor = await addUser(t, { displayName: 'Le maire', communeId: kayes, grants: [{ role: 'official', communeId: kayes }] });
  moderator = await addUser(t, { displayName: 'Modératrice', communeId: kayes, grants: [{ role: 'moderator', communeId: kayes }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: kayes, gender: 'woman', birthYear: 2000 });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: kayes, gender: 'woman', birthYear: 1990 });
  topicId = addTopic(t, { authorId: mayor.id, communeId: kayes }).id;
});
afterEach(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const as = (u: User | null) => (u ? actorOf(t.db, u.id) : null);
const ctx = (u: User | null) => ({ db: t.db, actor: as(u), now: NOW });
const file = (bytes: Buffer, name = 'recording.webm') => new File([new Uint8Array(bytes)], name, { type: 'audio/webm' });
const opts = () => ({ mediaDir: dir, pipeline, now: NOW });

function voiceComment(u: User, body = '', f: File = file(speech), extra: Record<string, string> = {}) {
  return postComment(t.db, as(u), { topicId: String(topicId), stance: 'for', body, ...extra }, f, opts());
}

const recordingOf = (commentId: number) => t.db.select().from(media).where(and(eq(media.kind, 'comment'), eq(media.subjectId, commentId))).get()!;

describe('voice comments (§2) and their moderation (§4)', () => {
  it('a newcomer’s voice comment without text is held; a moderator listens, writes a transcript and publishes it; everyone hears it', async () => {
    const r = await voiceComment(awa);
    expect(r).toMatchObject({ ok: true, value: { held: true } });
    if (!r.ok) return;
    const rec = recordingOf(r.value.commentId);
    expect(rec).toMatchObject({ state: 'held', communeId: kayes, ownerId: awa.id });
    expect(t.db.select().from(moderations).where(eq(moderations.contentId, r.value.commentId)).get()).toMatchObject({ contentType: 'comment', holdReason: 'voice' });
    // Held: its author and the commune's moderators hear it, nobody else.
    expect(canReadMedia(as(awa), rec)).toBe(true);
    expect(canReadMedia(as(moderator), rec)).toBe(true);
    expect(canReadMedia(as(fanta), rec)).toBe(false);
    expect(canReadMedia(null, rec)).toBe(false);

    // In the queue, with its recording; the moderator writes what it says and publishes it.
    const queue = moderationQueuePage({ db: t.db, actor: as(moderator), now: NOW }, {});
    if ('forbidden' in queue) throw new Error('queue refused');
    expect(queue.items.find((i) => i.contentId === r.value.commentId)).toMatchObject({ holdReason: 'voice', recording: { id: rec.id, durationMs: rec.durationMs }, mayAct: true });
    expect(setTranscript(ctx(awa), { mediaId: String(rec.id), transcript: 'Mon propre texte' })).toEqual({ ok: false, error: 'forbidden' });
    expect(setTranscript(ctx(moderator), { mediaId: String(rec.id), transcript: 'Il faut un forage près du marché des femmes' })).toMatchObject({ ok: true, value: { topicId } });
    expect(moderateContent(t.db, as(moderator), { contentType: 'comment', contentId: String(r.value.commentId), action: 'approve' }, NOW)).toMatchObject({ ok: true });

    const published = recordingOf(r.value.commentId);
    expect(published.state).toBe('published');
    expect(canReadMedia(null, published)).toBe(true);
    const section = commentSection({ db: t.db, actor: null, now: NOW }, topicAsCommentSubject(t.db.select().from(topics).where(eq(topics.id, topicId)).get()!, NOW), {});
    expect(section.comments[0]).toMatchObject({ body: '', voice: { id: rec.id, durationMs: rec.durationMs, transcript: 'Il faut un forage près du marché des femmes' } });
    // The transcript is found by search, with the comment.
    expect(searchContent(t.db, 'marché femmes').map((h) => [h.kind, h.refId])).toContainEqual(['comment', r.value.commentId]);
    expect(auditRows(t.db, 'media.transcript')).toHaveLength(1);
  });

  it('an account with 3 published contributions is heard at once; the commune may hold every recording, or treat them like text', async () => {
    for (const body of ['Premier avis sur le forage', 'Deuxième avis, sur le prix', 'Troisième avis, sur le lieu']) {
      t.db.insert(comments).values({ topicId, authorId: fanta.id, stance: 'for', body, visibility: 'visible' }).run();
    }
    expect(await voiceComment(fanta)).toMatchObject({ ok: true, value: { held: false } });
    const admin = await addUser(t, { displayName: 'Admin', grants: [{ role: 'admin' }] });
    const rules = { communeId: String(kayes), mode: 'flagged', newAccountCount: '2', reportThreshold: '3' };
    expect(updateModerationRules(t.db, as(admin), { ...rules, voiceMode: 'all', voiceNewAccountCount: '3' })).toMatchObject({ ok: true });
    expect(await voiceComment(fanta, '', file(speech2, 'x.m4a'))).toMatchObject({ ok: true, value: { held: true } });
    expect(updateModerationRules(t.db, as(admin), { ...rules, voiceMode: 'same_as_text', voiceNewAccountCount: '3' })).toMatchObject({ ok: true });
    expect(await voiceComment(awa, 'Avec du texte aussi')).toMatchObject({ ok: true, value: { held: false } });
    // The mayor holds a role: never held by the voice policy.
    expect(updateModerationRules(t.db, as(admin), { ...rules, voiceMode: 'all', voiceNewAccountCount: '3' })).toMatchObject({ ok: true });
    expect(await voiceComment(mayor, '', file(speech), { parentId: '' })).toMatchObject({ ok: true, value: { held: false } });
  });

  it('a reply can be a recording too; text stays required without one', async () => {
    const first = await voiceComment(fanta, 'Un avis écrit');
    if (!first.ok) throw new Error('first');
    expect(await voiceComment(awa, '', file(speech), { parentId: String(first.value.commentId) })).toMatchObject({ ok: true });
    expect(await postComment(t.db, as(awa), { topicId: String(topicId), stance: 'for', body: '' }, new File([], ''), opts())).toEqual({ ok: false, error: 'invalid', fieldErrors: { body: 'required' } });
  });

  it('refused comments and bad recordings leave no file and no row, and say why', async () => {
    const before = mediaFootprint(t.db, dir);
    const text = file(Buffer.from('Ceci est un texte, pas un son.\n'.repeat(20)), 'message.ogg');
    expect(await voiceComment(awa, 'Mon avis', text)).toEqual({ ok: false, error: 'invalid', fieldErrors: { audio: 'audioNotAudio' } });
    // The comment is refused after the recording was stored (no stance): the recording goes again.
    expect(await voiceComment(awa, 'Mon avis', file(speech), { stance: 'maybe' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await postComment(t.db, as(awa), { topicId: String(topicId), stance: 'nope', body: '' }, file(speech), { ...opts() })).toMatchObject({ ok: false });
    // A closed topic: refused before any transcode.
    const closed = addTopic(t, { authorId: mayor.id, communeId: kayes, phase: 'deliberation' });
    expect(await postComment(t.db, as(awa), { topicId: String(closed.id), stance: 'for', body: '' }, file(speech), opts())).toEqual({ ok: false, error: 'forbidden' });
    expect(await postComment(t.db, null, { topicId: String(topicId), stance: 'for', body: '' }, file(speech), opts())).toEqual({ ok: false, error: 'forbidden' });
    expect(mediaFootprint(t.db, dir)).toEqual(before);
    expect(t.db.select().from(comments).all()).toHaveLength(0);
  });

  it('a recording follows its comment: hidden or deleted, nobody but its author and moderators hears it; restored, everyone again', async () => {
    t.db.insert(comments).values([1, 2, 3].map((i) => ({ topicId, authorId: awa.id, stance: 'for' as const, body: `Avis numéro ${i} sur le forage`, visibility: 'visible' as const }))).run();
    const r = await voiceComment(awa);
    if (!r.ok) throw new Error('comment');
    const id = r.value.commentId;
    expect(recordingOf(id).state).toBe('published');
    expect(moderateContent(t.db, as(moderator), { contentType: 'comment', contentId: String(id), action: 'hide', reason: 'Propos injurieux' }, NOW)).toMatchObject({ ok: true });
    expect(recordingOf(id).state).toBe('rejected');
    expect(canReadMedia(as(fanta), recordingOf(id))).toBe(false);
    expect(canReadMedia(as(awa), recordingOf(id))).toBe(true);
    // Hidden: the page does not even give its id to others.
    const section = commentSection({ db: t.db, actor: as(fanta), now: NOW }, topicAsCommentSubject(t.db.select().from(topics).where(eq(topics.id, topicId)).get()!, NOW), {});
    expect(section.comments.find((c) => c.id === id)?.voice).toBeNull();
    expect(moderateContent(t.db, as(moderator), { contentType: 'comment', contentId: String(id), action: 'restore' }, NOW)).toMatchObject({ ok: true });
    expect(recordingOf(id).state).toBe('published');
    expect(deleteComment(t.db, as(awa), { commentId: String(id) }, NOW)).toMatchObject({ ok: true });
    expect(recordingOf(id).state).toBe('rejected');
  });

  it('a voice comment is reported like any comment', async () => {
    t.db.insert(comments).values([1, 2, 3].map((i) => ({ topicId, authorId: awa.id, stance: 'for' as const, body: `Avis ${i} sur le forage du quartier`, visibility: 'visible' as const }))).run();
    const r = await voiceComment(awa);
    if (!r.ok) throw new Error('comment');
    expect(reportContent(t.db, as(fanta), { contentType: 'comment', contentId: String(r.value.commentId), reason: 'insult' }, NOW)).toMatchObject({ ok: true });
    const queue = moderationQueuePage({ db: t.db, actor: as(moderator), now: NOW }, {});
    if ('forbidden' in queue) throw new Error('queue refused');
    expect(queue.items[0]).toMatchObject({ status: 'reported', recording: { id: recordingOf(r.value.commentId).id } });
  });
});

describe('spoken summaries (§5) and the podcast feed (§6)', () => {
  it('the mayor records a Bambara summary: it plays on the topic, replaces the previous one, and is in the commune’s podcast, which a feed parser reads', async () => {
    const first = await recordSpokenSummary(ctx(mayor), { topicId: String(topicId), summary: 'topic', language: 'bm', file: file(speech) }, { mediaDir: dir, pipeline });
    expect(first).toMatchObject({ ok: true, value: { topicId } });
    const fr = await recordSpokenSummary(ctx(mayor), { topicId: String(topicId), summary: 'topic', language: 'fr', file: file(speech2, 'fr.m4a') }, { mediaDir: dir, pipeline });
    const second = await recordSpokenSummary(ctx(mayor), { topicId: String(topicId), summary: 'topic', language: 'bm', file: file(speech2, 'bm2.m4a') }, { mediaDir: dir, pipeline });
    if (!first.ok || !second.ok || !fr.ok) throw new Error('summaries');
    expect(spokenSummariesOf(t.db, topicId, 'topic', 'bm').map((s) => [s.language, s.id])).toEqual([
      ['bm', second.value.mediaId],
      ['fr', fr.value.mediaId],
    ]);
    // The replaced recording is gone, row and file (nothing else used it); the new Bambara and the French
    // recordings are the same sound here, stored once.
    const firstSha = first.value.mediaId;
    expect(t.db.select().from(media).where(eq(media.id, firstSha)).get()).toBeUndefined();
    expect(filesUnder(dir).filter((f) => f.endsWith('.webm'))).toHaveLength(1);

    const feed = summaryFeed({ db: t.db }, 'kayes.rss');
    expect(feed?.items.map((i) => [i.mediaId, i.language, i.summary])).toEqual([
      [second.value.mediaId, 'bm', 'topic'],
      [fr.value.mediaId, 'fr', 'topic'],
    ]);
    expect(summaryFeed({ db: t.db }, 'nioro-du-sahel.rss')?.items).toEqual([]);
    expect(summaryFeed({ db: t.db }, 'nowhere.rss')).toBeNull();
    expect(summaryFeed({ db: t.db }, '../etc.rss')).toBeNull();

    const xml = podcastFeed({
      title: 'Baro — résumés parlés de Kayes & <environs>',
      description: 'Les consultations',
      link: 'https://baro.example/topics?commune=1',
      selfUrl: 'https://baro.example/feeds/kayes.rss',
      language: 'fr',
      author: 'Baro',
      updated: feed!.updated,
      items: feed!.items.map((i) => ({
        guid: `https://baro.example/media/${i.mediaId}.webm`,
        title: `${i.topicTitle} — ${i.language}`,
        description: i.description,
        link: `https://baro.example/topics/${i.topicId}`,
        published: i.published,
        enclosure: { url: `https://baro.example/media/${i.mediaId}.webm`, length: i.sizeBytes, type: 'audio/webm' },
        durationMs: i.durationMs,
        language: i.language,
        author: i.author,
      })),
    });
    const parsed = await parseFeed(xml);
    expect(parsed.meta).toMatchObject({ '#type': 'rss', '#version': '2.0', title: 'Baro — résumés parlés de Kayes & <environs>', language: 'fr' });
    expect(parsed.items).toHaveLength(2);
    const item = parsed.items[0]!;
    expect(item.enclosures[0]).toMatchObject({ url: `https://baro.example/media/${second.value.mediaId}.webm`, type: 'audio/webm', length: String(feed!.items[0]!.sizeBytes) });
    expect(item.link).toBe(`https://baro.example/topics/${topicId}`);
    expect(item['itunes:duration']?.['#']).toMatch(/^0:00:0[12]$/);
    expect(item.pubdate).toBeInstanceOf(Date);
  });

  it('an official of the commune, a facilitator of one of its spaces and an admin record; nobody else; a decision summary needs a decision', async () => {
    const facilitator = await addUser(t, { displayName: 'Animatrice', grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
    const otherFacilitator = await addUser(t, { displayName: 'Animateur de Nioro', grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
    const nioroMayor = await addUser(t, { displayName: 'Maire de Nioro', grants: [{ role: 'official', communeId: t.communeId('nioro-du-sahel') }] });
    const rec = (u: User, extra: Record<string, unknown> = {}) => recordSpokenSummary(ctx(u), { topicId: String(topicId), summary: 'topic', language: 'snk', file: file(speech), ...extra }, { mediaDir: dir, pipeline });
    const before = mediaFootprint(t.db, dir);
    for (const u of [awa, otherFacilitator, nioroMayor, moderator]) expect(await rec(u)).toEqual({ ok: false, error: 'forbidden' });
    expect(await rec(mayor, { summary: 'decision' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { summary: 'noDecisionYet' } });
    expect(await rec(mayor, { language: 'en' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(mediaFootprint(t.db, dir)).toEqual(before);
    expect(await rec(facilitator)).toMatchObject({ ok: true });
    t.db.update(topics).set({ phase: 'decided', decision: 'Le forage sera creusé en mai.' }).where(eq(topics.id, topicId)).run();
    const decision = await rec(mayor, { summary: 'decision', language: 'ff' });
    expect(decision).toMatchObject({ ok: true });
    expect(spokenSummariesOf(t.db, topicId, 'decision', 'fr').map((s) => s.language)).toEqual(['ff']);
    if (!decision.ok) return;
    expect(removeSpokenSummary(ctx(awa), { topicId: String(topicId), mediaId: String(decision.value.mediaId) }, dir)).toEqual({ ok: false, error: 'forbidden' });
    expect(removeSpokenSummary(ctx(mayor), { topicId: String(topicId), mediaId: String(decision.value.mediaId) }, dir)).toEqual({ ok: true, value: { topicId } });
    expect(spokenSummariesOf(t.db, topicId, 'decision', 'fr')).toEqual([]);
  });

  it('a draft topic’s summary waits with it, and is heard once the topic opens', async () => {
    const draft = addTopic(t, { authorId: mayor.id, communeId: kayes, phase: 'draft' });
    const r = await recordSpokenSummary(ctx(mayor), { topicId: String(draft.id), summary: 'topic', language: 'bm', file: file(speech) }, { mediaDir: dir, pipeline });
    if (!r.ok) throw new Error('summary');
    const state = () => t.db.select({ state: media.state }).from(media).where(eq(media.id, r.value.mediaId)).get()?.state;
    expect(state()).toBe('held');
    expect(summaryFeed({ db: t.db }, 'kayes.rss')?.items).toEqual([]);
    expect(changeTopicPhase(t.db, as(mayor), { topicId: String(draft.id), phase: 'information' }, NOW)).toMatchObject({ ok: true });
    expect(state()).toBe('published');
    expect(summaryFeed({ db: t.db }, 'kayes.rss')?.items.map((i) => i.mediaId)).toEqual([r.value.mediaId]);
  });

  it('meeting minutes carry a recording, by those who publish the minutes', async () => {
    const { meetings } = await import('@/db/schema');
    const meeting = t.db
      .insert(meetings)
      .values({ spaceId: t.spaceId('kayes-ville'), title: 'Débat sur le forage', startsAt: '2027-03-05T10:00:00.000Z', place: 'Espace connecté', agenda: 'Le forage', createdBy: mayor.id })
      .returning()
      .get();
    expect(await recordMinutes(ctx(awa), { meetingId: String(meeting.id), file: file(speech) }, { mediaDir: dir, pipeline })).toEqual({ ok: false, error: 'forbidden' });
    const r = await recordMinutes(ctx(mayor), { meetingId: String(meeting.id), file: file(speech) }, { mediaDir: dir, pipeline });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(minutesRecordingOf(t.db, meeting.id)).toMatchObject({ id: r.value.mediaId });
  });
});

describe('a project told by voice (§2)', () => {
  it('its author records it on the draft (heard by the authors only), and it becomes public with the project; others cannot record it', async () => {
    const { projects } = await import('@/db/schema');
    const project = t.db
      .insert(projects)
      .values({ communeId: kayes, authorId: awa.id, title: 'Moulin à mil', problem: 'Les femmes pilent le mil à la main.', solution: 'Un moulin au marché.', sector: 'agriculture', location: 'Marché', beneficiaries: ['women'], status: 'draft' })
      .returning()
      .get();
    expect(await recordProjectVoice(ctx(fanta), { projectId: String(project.id), file: file(speech) }, { mediaDir: dir, pipeline })).toEqual({ ok: false, error: 'forbidden' });
    const r = await recordProjectVoice(ctx(awa), { projectId: String(project.id), file: file(speech) }, { mediaDir: dir, pipeline });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const state = () => t.db.select({ state: media.state }).from(media).where(eq(media.id, r.value.mediaId)).get()?.state;
    expect(state()).toBe('held');
    t.db.update(projects).set({ status: 'collecting', visibility: 'visible' }).where(eq(projects.id, project.id)).run();
    expect(state()).toBe('published');
    // Reportable and moderated as a recording of its own.
    expect(reportContent(t.db, as(fanta), { contentType: 'recording', contentId: String(r.value.mediaId), reason: 'offtopic' }, NOW)).toMatchObject({ ok: true });
    expect(moderateContent(t.db, as(moderator), { contentType: 'recording', contentId: String(r.value.mediaId), action: 'hide', reason: 'Hors sujet' }, NOW)).toMatchObject({ ok: true });
    expect(state()).toBe('rejected');
  });
});

describe('voice in the inclusion figures (§7)', () => {
  it('voice is a channel; the shares of women and youth among voice contributions follow the small-group rule', async () => {
    const people: User[] = [];
    for (let i = 0; i < 12; i++) {
      people.push(await addUser(t, { displayName: `Personne ${i}`, communeId: kayes, gender: i < 6 ? 'woman' : 'man', birthYear: i % 2 ? 2002 : 1970 }));
    }
    const voiceOf = (u: User, i: number) => {
      const c = t.db.insert(comments).values({ topicId, authorId: u.id, stance: 'for', body: `Avis ${i} de ${u.displayName}`, visibility: 'visible' }).returning().get();
      t.db.insert(media).values({ ownerId: u.id, communeId: kayes, kind: 'comment', subjectId: c.id, state: 'published', sha256: 'a'.repeat(64), mime: 'audio/webm', sizeBytes: 100, durationMs: 3000, sourceFormat: 'webm' }).run();
    };
    people.forEach(voiceOf);
    // and some written comments, by the same people
    people.forEach((u, i) => t.db.insert(comments).values({ topicId, authorId: u.id, stance: 'for', body: `Écrit ${i}`, visibility: 'visible' }).run());
    const d = inclusionDashboard(t.db, { kind: 'commune', id: kayes }, NOW);
    const channel = d.breakdowns.find((b) => b.dimension === 'channel')!;
    expect(channel.rows.find((r) => r.group === 'voice')?.values.comments).toBe(12);
    expect(channel.rows.find((r) => r.group === 'self')?.values.comments).toBe(12);
    expect(d.voice.contributions).toBe(12);
    expect(d.voice.women).toEqual({ count: 6, total: 12, percent: 50 });
    expect(d.voice.youth).toEqual({ count: 6, total: 12, percent: 50 });

    // Two women's recordings removed: 4 women left behind the figure, which is no longer shown.
    for (const u of people.slice(0, 2)) t.db.update(media).set({ state: 'rejected' }).where(eq(media.ownerId, u.id)).run();
    const after = inclusionDashboard(t.db, { kind: 'commune', id: kayes }, NOW);
    expect(after.voice.contributions).toBe(10);
    expect(after.voice.women.count).toBe('few');
    expect(after.voice.women.percent).toBeNull();
  });
});

type ParsedItem = FeedParser.Item & { 'itunes:duration'?: { '#': string } };

/** The feed as a podcast app reads it (feedparser: a sax-based RSS/Atom parser); throws on malformed XML. */
function parseFeed(xml: string): Promise<{ meta: FeedParser.Meta; items: ParsedItem[] }> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ addmeta: false });
    const items: ParsedItem[] = [];
    parser.on('error', reject);
    parser.on('readable', () => {
      let item: ParsedItem | null;
      while ((item = parser.read() as ParsedItem | null)) items.push(item);
    });
    parser.on('end', () => resolve({ meta: parser.meta, items }));
    Readable.from([xml]).pipe(parser);
  });
}



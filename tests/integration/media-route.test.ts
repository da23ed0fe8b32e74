import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comments, media, topics, type MediaItem } from '@/db/schema';
import { ingestAudio } from '@/lib/media/ingest-audio';
import { MediaPipeline } from '@/lib/media/pipeline';
import { serveMedia } from '@/lib/media/serve-media';
import { mediaFilePath } from '@/lib/media/store';
import type { Actor } from '@/lib/permissions';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../helpers/db';
import { tempDir, tone } from '../helpers/media';

let t: TestDb;
let dir: string;
let fixtures: string;
let owner: Actor;
let published: MediaItem;
let held: MediaItem;
let bytes: Buffer;
let topicId: number;
let commentId: number;

beforeAll(async () => {
  t = makeTestDb();
  dir = tempDir('baro-media-route');
  fixtures = tempDir('baro-media-route-fixtures');
  const pipeline = new MediaPipeline({ dir });
  owner = actorOf(t.db, (await addUser(t, { displayName: 'Awa Traoré' })).id);
  const ingest = async (frequency: number) => {
    const r = await ingestAudio(t.db, owner, { file: fs.readFileSync(tone(fixtures, `${frequency}.mp3`, 4, ['-c:a', 'libmp3lame'], { frequency })), kind: 'comment' }, pipeline);
    if (!r.ok) throw new Error('refused');
    return r.value;
  };
  published = await ingest(440);
  held = await ingest(660);
  // The published recording is a voice comment on a public topic.
  topicId = addTopic(t, { authorId: owner.id, communeId: t.communeId('kayes') }).id;
  commentId = t.db.insert(comments).values({ topicId, authorId: owner.id, stance: 'for', body: '' }).returning({ id: comments.id }).get().id;
  t.db.update(media).set({ state: 'published', subjectId: commentId }).where(eq(media.id, published.id)).run();
  t.db.update(media).set({ state: 'held', subjectId: 2 }).where(eq(media.id, held.id)).run();
  bytes = fs.readFileSync(mediaFilePath(dir, published.sha256));
});

afterAll(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(fixtures, { recursive: true, force: true });
});

/** A request to /media/<file> as `who` would send it. */
async function get(file: string, who: Actor | null, headers: Record<string, string> = {}, method = 'GET') {
  let askedForActor = false;
  const res = await serveMedia(t.db, new Request(`http://localhost/media/${file}`, { method, headers }), file, {
    dir,
    getActor: async () => {
      askedForActor = true;
      return who;
    },
  });
  return { res, body: Buffer.from(await res.arrayBuffer()), askedForActor };
}

describe('a published recording', () => {
  it('is served whole, cached immutably by anyone, never sniffed, inline with a safe name', async () => {
    const { res, body, askedForActor } = await get(`${published.id}.webm`, null);
    expect(res.status).toBe(200);
    expect(body.equals(bytes)).toBe(true);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'audio/webm',
      'content-length': String(bytes.length),
      'accept-ranges': 'bytes',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${published.sha256}"`,
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="baro-${published.id}.webm"`,
    });
    // public media is served without reading the session
    expect(askedForActor).toBe(false);
  });

  it('answers byte ranges with 206 and the exact bytes', async () => {
    for (const [range, start, end] of [
      ['bytes=0-1', 0, 1],
      ['bytes=100-299', 100, 299],
      [`bytes=${bytes.length - 50}-`, bytes.length - 50, bytes.length - 1],
      ['bytes=-64', bytes.length - 64, bytes.length - 1],
    ] as const) {
      const { res, body } = await get(`${published.id}.webm`, null, { range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(body.equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('refuses ranges it cannot satisfy with 416 and the size', async () => {
    for (const range of [`bytes=${bytes.length}-`, 'bytes=abc', 'bytes=50-10']) {
      const { res } = await get(`${published.id}.webm`, null, { range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    }
  });

  it('a stale If-Range gets the whole file; a matching one the range; If-None-Match a 304', async () => {
    expect((await get(`${published.id}.webm`, null, { range: 'bytes=0-9', 'if-range': '"other"' })).res.status).toBe(200);
    expect((await get(`${published.id}.webm`, null, { range: 'bytes=0-9', 'if-range': `"${published.sha256}"` })).res.status).toBe(206);
    const { res, body } = await get(`${published.id}.webm`, null, { 'if-none-match': `"${published.sha256}"` });
    expect(res.status).toBe(304);
    expect(body.length).toBe(0);
  });

  it('HEAD gives the headers without the body', async () => {
    const { res, body } = await get(`${published.id}.webm`, null, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(body.length).toBe(0);
  });
});

describe('a held recording', () => {
  it('is refused to an anonymous visitor, another citizen, and a moderator of another commune, and not cached', async () => {
    const other = actorOf(t.db, (await addUser(t)).id);
    const elsewhere = actorOf(t.db, (await addUser(t, { grants: [{ role: 'moderator', communeId: t.communeId('yelimane') }] })).id);
    for (const who of [null, other, elsewhere]) {
      const { res, body } = await get(`${held.id}.webm`, who, { range: 'bytes=0-1' });
      expect(res.status).toBe(403);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(body.toString()).toBe('Forbidden');
    }
  });

  it('is served privately to its author, the commune’s moderators and admins, ranges included', async () => {
    const moderator = actorOf(t.db, (await addUser(t, { grants: [{ role: 'moderator', communeId: owner.communeId }] })).id);
    const admin = actorOf(t.db, (await addUser(t, { grants: [{ role: 'admin' }] })).id);
    const file = fs.readFileSync(mediaFilePath(dir, held.sha256));
    for (const who of [owner, moderator, admin]) {
      const { res, body } = await get(`${held.id}.webm`, who, { range: 'bytes=0-1' });
      expect(res.status).toBe(206);
      expect(body.equals(file.subarray(0, 2))).toBe(true);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('etag')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe("a voice comment's recording follows its topic", () => {
  const setTopic = (visibility: 'visible' | 'hidden' | 'held') => t.db.update(topics).set({ visibility }).where(eq(topics.id, topicId)).run();

  it('withheld while the topic is hidden or held: refused to an anonymous visitor, private to its author; public again when the topic is', async () => {
    for (const visibility of ['hidden', 'held'] as const) {
      setTopic(visibility);
      const anonymous = await get(`${published.id}.webm`, null);
      expect(anonymous.res.status).toBe(403);
      expect(anonymous.res.headers.get('cache-control')).toBe('no-store');
      const author = await get(`${published.id}.webm`, owner);
      expect(author.res.status).toBe(200);
      expect(author.res.headers.get('cache-control')).toBe('private, no-store');
      expect(author.res.headers.get('etag')).toBeNull();
    }
    setTopic('visible');
    const again = await get(`${published.id}.webm`, null);
    expect(again.res.status).toBe(200);
    expect(again.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('withheld when its comment is gone', async () => {
    t.db.update(media).set({ subjectId: commentId + 1000 }).where(eq(media.id, published.id)).run();
    try {
      expect((await get(`${published.id}.webm`, null)).res.status).toBe(403);
    } finally {
      t.db.update(media).set({ subjectId: commentId }).where(eq(media.id, published.id)).run();
    }
  });
});

describe('unknown recordings', () => {
  it('an unknown id, a malformed name or a missing file: 404', async () => {
    for (const file of ['999999.webm', `${published.id}.mp3`, `${published.id}`, '../etc/passwd', `${published.id}.webm.webm`, '0.webm']) {
      const { res } = await get(file, null);
      expect(res.status, file).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const lost = t.db.insert(media).values({ ...published, id: undefined, state: 'published', subjectId: commentId, sha256: 'e'.repeat(64) }).returning().get();
    expect((await get(`${lost.id}.webm`, null)).res.status).toBe(404);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { comments, idempotencyKeys, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { newIdempotencyKey, isIdempotencyKey } from '@/lib/idempotency/key';
import { claimKey, KEEP_MS, once, STALE_CLAIM_MS, sweepIdempotencyKeys } from '@/lib/idempotency/once';
import { JOBS, runJobs } from '@/lib/scheduler';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, type TestDb } from '../helpers/db';
import { atOnce } from '../helpers/at-once';
import { withoutDiskWait } from '@/db/client';

/**
 * One post, one write (issue 17): the server remembers what a post did under its (person, key) for 24
 * hours; a double tap, a retry or a resubmission with the same key gets the same answer and writes nothing.
 */

let t: TestDb;
let awa: User;
let moussa: User;
let topicId: number;
const T0 = CONSULTATION.during;

beforeEach(async () => {
  t = makeTestDb();
  const kayes = t.communeId('kayes');
  const mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra' });
  topicId = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

const commentCount = () => t.db.select({ n: count() }).from(comments).get()!.n;
const keyRows = () => t.db.select().from(idempotencyKeys).all();
const fields = (body = 'Le forage doit passer avant la route, les puits sont à sec en avril.') => ({ topicId: String(topicId), stance: 'for', body });

/** A comment posted as `keyed` posts it: the use case inside `once`, its id kept, a refusal forgotten. */
function postComment(u: User, key: string, body?: string, now = T0) {
  const actor = actorOf(t.db, u.id);
  return once(
    t.db,
    { userId: u.id, key, scope: 'comments.createCommentAction' },
    async () => {
      const r = createComment(t.db, actor, fields(body), now);
      return { keep: r.ok ? { commentId: r.value.commentId } : null, value: r };
    },
    { now: () => now },
  );
}

describe('keys', () => {
  it('are random, url-safe and recognised; anything else is not a key', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(isIdempotencyKey(a)).toBe(true);
    for (const bad of ['', 'short', 'a'.repeat(65), 'contains spaces here!!', "x'); DROP TABLE--", null, 42]) expect(isIdempotencyKey(bad)).toBe(false);
  });
});

describe('the same key twice', () => {
  it('writes one comment, and the second post gets the first one’s outcome', async () => {
    const key = newIdempotencyKey();
    const first = await postComment(awa, key);
    const second = await postComment(awa, key);
    expect(first.ran).toBe(true);
    expect(second).toEqual({ ran: false, replay: { commentId: (first as { value: { ok: true; value: { commentId: number } } }).value.value.commentId } });
    expect(commentCount()).toBe(1);
    expect(keyRows()).toHaveLength(1);
  });

  it('at the same instant, from separate connections (a double tap): one row, both answered with it', async () => {
    const key = newIdempotencyKey();
    const actor = actorOf(t.db, awa.id);
    const calls = Array.from({ length: 4 }, () => ({ actor, input: { key, fields: fields() } }));
    const answers = (await atOnce(t.file, 'tests/helpers/comment-once.ts', 'commentOnce', calls, T0)) as Array<
      { ran: true; value: { commentId: number } } | { ran: false; replay: { commentId: number } }
    >;
    expect(commentCount()).toBe(1);
    const ids = answers.map((a) => (a.ran ? a.value.commentId : a.replay.commentId));
    expect(new Set(ids).size).toBe(1);
    expect(answers.filter((a) => a.ran)).toHaveLength(1);
  });

  it('while the first post is still at work, the second waits for it and replays it', async () => {
    const key = newIdempotencyKey();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const slow = once(t.db, { userId: awa.id, key, scope: 's' }, async () => {
      runs++;
      await gate;
      return { keep: { done: 1 }, value: 'first' };
    });
    const quick = once(t.db, { userId: awa.id, key, scope: 's' }, async () => {
      runs++;
      return { keep: { done: 2 }, value: 'second' };
    });
    await new Promise((r) => setTimeout(r, 120));
    release();
    expect(await slow).toEqual({ ran: true, value: 'first' });
    expect(await quick).toEqual({ ran: false, replay: { done: 1 } });
    expect(runs).toBe(1);
  });

  it('says "busy" rather than writing when the first post takes longer than the wait', async () => {
    const key = newIdempotencyKey();
    claimKey(t.db, { userId: awa.id, key, scope: 's' });
    const answer = await once(t.db, { userId: awa.id, key, scope: 's' }, async () => ({ keep: 1, value: 'ran' }), { waitMs: 100 });
    expect(answer).toEqual({ ran: false, busy: true });
  });
});

describe('what is not kept', () => {
  it('a refused form forgets its key: corrected, it is sent again with the same key and written', async () => {
    const key = newIdempotencyKey();
    const refused = await postComment(awa, key, 'x');
    expect(refused).toMatchObject({ ran: true, value: { ok: false } });
    expect(keyRows()).toHaveLength(0);
    const corrected = await postComment(awa, key);
    expect(corrected).toMatchObject({ ran: true, value: { ok: true } });
    expect(commentCount()).toBe(1);
  });

  it('a crash forgets the key too', async () => {
    const key = newIdempotencyKey();
    await expect(once(t.db, { userId: awa.id, key, scope: 's' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(keyRows()).toHaveLength(0);
  });

  it('a key used for another action is not replayed there (the post is done as an ordinary one)', async () => {
    const key = newIdempotencyKey();
    await postComment(awa, key);
    const other = await once(t.db, { userId: awa.id, key, scope: 'votes.castVoteAction' }, async () => ({ keep: { voted: true }, value: 'voted' }));
    expect(other).toEqual({ ran: true, value: 'voted' });
  });
});

describe('people', () => {
  it('the same key from two people is two independent posts', async () => {
    const key = newIdempotencyKey();
    const a = await postComment(awa, key);
    const m = await postComment(moussa, key);
    expect(a.ran && m.ran).toBe(true);
    expect(commentCount()).toBe(2);
    const authors = t.db.select({ authorId: comments.authorId }).from(comments).all().map((r) => r.authorId);
    expect(authors.sort()).toEqual([awa.id, moussa.id].sort());
  });
});

describe('24 hours', () => {
  it('after 24 hours the key is forgotten: the same key posts again', async () => {
    const key = newIdempotencyKey();
    await postComment(awa, key, undefined, T0);
    const later = new Date(T0.getTime() + KEEP_MS + 60_000);
    const again = await once(t.db, { userId: awa.id, key, scope: 'comments.createCommentAction' }, async () => ({ keep: 'again', value: 'ran' }), { now: () => later });
    expect(again).toEqual({ ran: true, value: 'ran' });
    // Within the 24 hours, it is still replayed.
    const within = await once(t.db, { userId: awa.id, key, scope: 'comments.createCommentAction' }, async () => ({ keep: 'x', value: 'ran' }), { now: () => new Date(later.getTime() + 1000) });
    expect(within).toEqual({ ran: false, replay: 'again' });
  });

  it('a claim left without outcome by a dead process is taken over after a while, not before', async () => {
    const key = newIdempotencyKey();
    claimKey(t.db, { userId: awa.id, key, scope: 's' }, T0);
    const soon = await once(t.db, { userId: awa.id, key, scope: 's' }, async () => ({ keep: 1, value: 'ran' }), { now: () => new Date(T0.getTime() + 1000), waitMs: 60 });
    expect(soon).toEqual({ ran: false, busy: true });
    const later = await once(t.db, { userId: awa.id, key, scope: 's' }, async () => ({ keep: 1, value: 'ran' }), { now: () => new Date(T0.getTime() + STALE_CLAIM_MS + 1000) });
    expect(later).toEqual({ ran: true, value: 'ran' });
  });

  it('the scheduler sweeps keys older than 24 hours and keeps the others', async () => {
    await postComment(awa, newIdempotencyKey(), undefined, T0);
    await postComment(moussa, newIdempotencyKey(), 'Un autre avis sur le forage, plus au nord du quartier.', new Date(T0.getTime() + 2 * 3600_000));
    expect(JOBS.map((j) => j.name)).toContain('idempotency.sweep');
    const at = new Date(T0.getTime() + KEEP_MS + 3600_000);
    const report = runJobs(t.db, at).find((r) => r.name === 'idempotency.sweep');
    expect(report).toEqual({ name: 'idempotency.sweep', changed: 1 });
    expect(keyRows().map((r) => r.userId)).toEqual([moussa.id]);
    expect(sweepIdempotencyKeys(t.db, at)).toBe(0);
    // The comments themselves stay.
    expect(t.db.select({ n: count() }).from(comments).where(eq(comments.topicId, topicId)).get()!.n).toBe(2);
  });
});

describe('the disk', () => {
  const level = () => t.db.$client.pragma('synchronous', { simple: true });

  it("waits for the disk for the person's write only: the key's claim and outcome are bookkeeping (synchronous=NORMAL), then FULL again", async () => {
    const seen: unknown[] = [];
    const pragma = vi.spyOn(t.db.$client, 'pragma');
    expect(level()).toBe(2);
    const answer = await once(t.db, { userId: awa.id, key: newIdempotencyKey(), scope: 'comments.createCommentAction' }, async () => {
      seen.push(level());
      const r = createComment(t.db, actorOf(t.db, awa.id), fields(), T0);
      return { keep: r.ok ? { commentId: r.value.commentId } : null, value: r };
    }, { now: () => T0 });
    expect(answer.ran).toBe(true);
    expect(seen).toEqual([2]); // the comment itself commits under FULL
    expect(level()).toBe(2);
    const switches = pragma.mock.calls.map((c) => c[0]).filter((s) => String(s).startsWith('synchronous ='));
    expect(switches).toEqual(['synchronous = NORMAL', 'synchronous = FULL', 'synchronous = NORMAL', 'synchronous = FULL']);
    expect(commentCount()).toBe(1);
    expect(keyRows()[0]?.outcome).not.toBeNull();
  });

  it('changes nothing inside a transaction', () => {
    const pragma = vi.spyOn(t.db.$client, 'pragma');
    t.db.transaction(() => {
      withoutDiskWait(t.db, () => undefined);
    });
    expect(pragma).not.toHaveBeenCalled();
    expect(level()).toBe(2);
  });
});

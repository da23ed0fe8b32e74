import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { count } from 'drizzle-orm';
import { comments, idempotencyKeys, type User } from '@/db/schema';
import type { ViewContext } from '@/lib/view-context';
import { IDEMPOTENCY_FIELD, newIdempotencyKey } from '@/lib/idempotency/key';
import { initialFormState } from '@/lib/forms/state';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../helpers/db';
import Database from 'better-sqlite3';
import { isDatabaseBusy } from '@/lib/errors';

/**
 * The server actions themselves, wrapped in keyed() (app/actions/helpers.ts): the real comment action on a
 * real database. Only what Next gives a request is given by the test: who is signed in and which database
 * (Next reads the session cookie), the French messages (next-intl reads the request), and a no-op cache refresh.
 */

let ctx: ViewContext;
vi.mock('@/lib/auth/request-context', () => ({ requestContext: async () => ctx }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// next-intl's server functions need Next's request; the same messages, through next-intl's own translator.
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const messages = (await import('@/messages/fr.json')).default;
  return {
    getLocale: async () => 'fr',
    getTranslations: async ({ namespace }: { namespace: string }) => createTranslator({ locale: 'fr', messages, namespace: namespace as 'Errors' }),
  };
});

const { createCommentAction } = await import('@/app/actions/comments');

let t: TestDb;
let awa: User;
let topicId: number;
const DAY = 24 * 3600_000;

beforeEach(async () => {
  t = makeTestDb();
  const kayes = t.communeId('kayes');
  const mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  // Open now: the action posts at the real time.
  topicId = addTopic(t, { authorId: mariam.id, communeId: kayes, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() }).id;
  ctx = { db: t.db, actor: actorOf(t.db, awa.id), now: new Date() };
});
afterEach(() => t.cleanup());

const commentCount = () => t.db.select({ n: count() }).from(comments).get()!.n;

function form(key: string | null, body = 'Le forage doit passer avant la route : les puits sont à sec en avril.') {
  const f = new FormData();
  f.set('locale', 'fr');
  f.set('topicId', String(topicId));
  f.set('stance', 'for');
  f.set('body', body);
  if (key) f.set(IDEMPOTENCY_FIELD, key);
  return f;
}

/** What the action did: the redirect it made (Next's NEXT_REDIRECT error), or the state it returned. */
async function post(f: FormData): Promise<{ redirect: string } | { state: unknown }> {
  try {
    return { state: await createCommentAction(initialFormState, f) };
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT;')) throw e;
    return { redirect: digest.split(';')[2]! };
  }
}

describe('a comment form posted twice with the same key', () => {
  it('one after the other (a retry, Back and send again): one comment, the same redirect', async () => {
    const key = newIdempotencyKey();
    const first = await post(form(key));
    const second = await post(form(key));
    expect(first).toEqual({ redirect: expect.stringMatching(new RegExp(`^/topics/${topicId}\\?posted=1#comment-\\d+$`)) });
    expect(second).toEqual(first);
    expect(commentCount()).toBe(1);
  });

  it('at once (a double tap): one comment, both answered with the same redirect', async () => {
    const key = newIdempotencyKey();
    const answers = await Promise.all([post(form(key)), post(form(key)), post(form(key))]);
    expect(commentCount()).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  it('a refused post keeps nothing: corrected and sent with the same key, it is written', async () => {
    const key = newIdempotencyKey();
    const refused = await post(form(key, 'x'));
    expect(refused).toMatchObject({ state: { status: 'error' } });
    expect(t.db.select().from(idempotencyKeys).all()).toHaveLength(0);
    const corrected = await post(form(key));
    expect(corrected).toHaveProperty('redirect');
    expect(commentCount()).toBe(1);
  });

  it('two different keys are two comments (a deliberate second post)', async () => {
    await post(form(newIdempotencyKey()));
    await post(form(newIdempotencyKey(), 'Et un deuxième avis : le forage doit aussi servir l’école.'));
    expect(commentCount()).toBe(2);
  });

  it('the key never reaches the form state kept for the person', async () => {
    const refused = (await post(form(newIdempotencyKey(), 'x'))) as { state: { values: Record<string, string> } };
    expect(Object.keys(refused.state.values)).not.toContain(IDEMPOTENCY_FIELD);
  });
});

describe('a database locked by another writer for longer than busy_timeout', () => {
  async function whileLocked<T>(run: () => Promise<T>): Promise<T> {
    const other = new Database(t.file);
    other.pragma('busy_timeout = 0');
    other.prepare('BEGIN IMMEDIATE').run();
    t.db.$client.pragma('busy_timeout = 50');
    try {
      return await run();
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
      t.db.$client.pragma('busy_timeout = 5000');
    }
  }

  it.each([
    ['with its key', () => newIdempotencyKey()],
    ['without a key', () => null],
  ])('%s: a translated "try again", the text kept, nothing written; sent again once free, it is written', async (_, keyOf) => {
    const key = keyOf();
    const body = 'Le forage doit passer avant la route : les puits sont à sec en avril.';
    const answer = (await whileLocked(() => post(form(key, body)))) as { state: { status: string; formError: string; values: Record<string, string> } };
    expect(answer.state.status).toBe('error');
    expect(answer.state.formError).toMatch(/très occupé/);
    expect(answer.state.values.body).toBe(body);
    expect(commentCount()).toBe(0);
    expect(await post(form(key, body))).toEqual({ redirect: expect.stringMatching(new RegExp(`^/topics/${topicId}\\?posted=1#comment-\\d+$`)) });
    expect(commentCount()).toBe(1);
  });

  it('any other error is not taken for it', () => {
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
    expect(isDatabaseBusy(null)).toBe(false);
  });
});

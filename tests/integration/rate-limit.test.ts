import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { hit, LIMITS } from '@/lib/rate-limit';
import { addUser, makeTestDb, TEST_PASSWORD, type TestDb } from '../helpers/db';

const ROOM = { ip: '41.73.100.7' }; // a connected space: many people behind one address
const WRONG = 'Sanu-ka-di-2025';
const BAD_CREDENTIALS = { ok: false, error: 'invalid', fieldErrors: { _form: 'badCredentials' } };

let t: TestDb;
let awa: User;
let moussa: User;
beforeEach(async () => {
  t = makeTestDb();
  awa = await addUser(t, { phone: '+22376123456', email: 'awa@exemple.ml' });
  moussa = await addUser(t, { phone: '+22376000002' });
});
afterEach(() => t.cleanup());

async function failTimes(n: number, identifier: string, meta = ROOM) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await authenticate(t.db, { identifier, password: WRONG }, meta));
  return results;
}

function expectRateLimited(r: Awaited<ReturnType<typeof authenticate>>) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error).toBe('rate_limited');
  if (r.error !== 'rate_limited') return;
  expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  expect(r.retryAfterSeconds).toBeLessThanOrEqual(900);
}

describe('too many wrong passwords', () => {
  it('the limit is 5 failures per phone or email in 15 minutes', () => {
    expect(LIMITS.signInPerIdentifier).toEqual({ points: 5, duration: 900 });
  });

  it('after 5 wrong passwords, the 6th attempt is refused even with the right password', async () => {
    expect((await failTimes(5, '+22376123456')).slice(0, 4)).toEqual(Array(4).fill(BAD_CREDENTIALS));
    expectRateLimited(await authenticate(t.db, { identifier: '+22376123456', password: TEST_PASSWORD }, ROOM));
  });

  // authenticate.ts promises "The fifth failure itself already tells the person to wait", so they
  // do not type the right password a sixth time only to be told to wait.
  it('the 5th wrong password already tells the person to wait', async () => {
    const results = await failTimes(5, '+22376123456');
    expect(results.slice(0, 4)).toEqual(Array(4).fill(BAD_CREDENTIALS));
    expectRateLimited(results[4]!);
  });

  it('the lock follows the person, not the way the number was typed, nor the address', async () => {
    await failTimes(5, '76 12 34 56');
    expectRateLimited(await authenticate(t.db, { identifier: '0022376123456', password: TEST_PASSWORD }, ROOM));
    expectRateLimited(await authenticate(t.db, { identifier: '+22376123456', password: TEST_PASSWORD }, { ip: '10.9.9.9' }));
  });

  it('an email locked in one case is locked in every case', async () => {
    await failTimes(5, 'AWA@exemple.ml');
    expectRateLimited(await authenticate(t.db, { identifier: 'awa@exemple.ml', password: TEST_PASSWORD }, ROOM));
  });

  it('someone else in the same connected space can still sign in', async () => {
    await failTimes(5, '+22376123456');
    expect(await authenticate(t.db, { identifier: '76000002', password: TEST_PASSWORD }, ROOM)).toEqual({
      ok: true,
      value: { userId: moussa.id, sessionVersion: 1 },
    });
  });

  it('a successful sign-in before the limit starts the count again', async () => {
    await failTimes(4, '+22376123456');
    expect((await authenticate(t.db, { identifier: '+22376123456', password: TEST_PASSWORD }, ROOM)).ok).toBe(true);
    expect(await failTimes(4, '+22376123456')).toEqual(Array(4).fill(BAD_CREDENTIALS));
    expect(await authenticate(t.db, { identifier: '+22376123456', password: TEST_PASSWORD }, ROOM)).toEqual({
      ok: true,
      value: { userId: awa.id, sessionVersion: 1 },
    });
  });

  it('once the 15 minutes are over, the person can sign in again', async () => {
    await failTimes(5, '+22376123456');
    expectRateLimited(await authenticate(t.db, { identifier: '+22376123456', password: TEST_PASSWORD }, ROOM));
    // The window is stored in the rate_limits table: move its end into the past.
    const moved = t.db.$client.prepare('UPDATE rate_limits SET expire = ? WHERE key LIKE ?').run(Date.now() - 1000, 'signInPerIdentifier%');
    expect(moved.changes).toBe(1);
    expect((await authenticate(t.db, { identifier: '+22376123456', password: TEST_PASSWORD }, ROOM)).ok).toBe(true);
  });

  it('guessing at a number that has no account is slowed down the same way', async () => {
    expect((await failTimes(5, '76999999')).slice(0, 4)).toEqual(Array(4).fill(BAD_CREDENTIALS));
    expectRateLimited(await authenticate(t.db, { identifier: '76999999', password: WRONG }, ROOM));
  });

  it('a whole address is blocked only after a flood of failures, and other addresses are not', async () => {
    for (let i = 0; i < LIMITS.signInPerIp.points; i++) await hit(t.db, 'signInPerIp', '41.73.100.99');
    expectRateLimited(await authenticate(t.db, { identifier: '76000002', password: TEST_PASSWORD }, { ip: '41.73.100.99' }));
    expect((await authenticate(t.db, { identifier: '76000002', password: TEST_PASSWORD }, ROOM)).ok).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notifications, type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { changePassword } from '@/lib/accounts/change-password';
import { signInLockOf, unlockAccount } from '@/lib/accounts/unlock-account';
import { registerParticipant } from '@/lib/participants/register-participant';
import { resetParticipantPin } from '@/lib/participants/reset-pin';
import { atOnce } from '../helpers/at-once';
import { actorOf, addUser, auditRows, makeTestDb, minutesAfter, TEST_PASSWORD, type TestDb } from '../helpers/db';

const ROOM = '41.73.100.7';
const WRONG = 'Sanu-ka-di-2025';
const T0 = new Date('2027-03-10T08:00:00.000Z');
const BAD = { ok: false, error: 'invalid', fieldErrors: { _form: 'badCredentials' } };

let t: TestDb;
let awa: User;
beforeEach(async () => {
  t = makeTestDb();
  awa = await addUser(t, { phone: '+22376123456', email: 'awa@exemple.ml' });
});
afterEach(() => t.cleanup());

const signIn = (identifier: string, password: string, now: Date, ip = ROOM) => authenticate(t.db, { identifier, password }, { ip, now });

/** 20 failures in a row, 5 per quarter of an hour (what the 15-minute limit lets through): the last at 60 minutes. */
async function failTwentyTimes(identifier = '76123456') {
  const results = [];
  for (let i = 0; i < 20; i++) results.push(await signIn(identifier, WRONG, minutesAfter(T0, Math.floor(i / 5) * 20)));
  return results;
}

const lockNotices = (userId: number) =>
  t.db.select().from(notifications).where(eq(notifications.userId, userId)).all().filter((n) => n.kind === 'account.locked');

describe('attempts are counted before the password is checked', () => {
  it('20 wrong passwords sent at the same instant from 20 connections: at most 5 are checked', async () => {
    const calls = Array.from({ length: 20 }, (_, i) => ({ actor: null, input: { identifier: '76123456', password: `${WRONG}-${i}` } }));
    const runs = (await atOnce(t.file, 'tests/helpers/sign-in-attempt.ts', 'signInAttempt', calls, T0)) as {
      result: { ok: boolean; error?: string };
      verifications: number;
    }[];
    const checked = runs.reduce((n, r) => n + r.verifications, 0);
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(runs.every((r) => !r.result.ok)).toBe(true);
    expect(runs.filter((r) => r.result.error === 'rate_limited').length).toBeGreaterThanOrEqual(15);
    // The burst used the 15 minutes' attempts up: the right password waits too.
    expect(await signIn('76123456', TEST_PASSWORD, minutesAfter(T0, 1))).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(auditRows(t.db, 'user.signin_failed').length).toBe(checked);
  }, 120_000); // 20 processes start at once: slow on a loaded 2-core machine

  it('a right password gives its attempt back: a connected space signing in all day is never slowed', async () => {
    for (let i = 0; i < 30; i++) expect((await signIn('76123456', TEST_PASSWORD, minutesAfter(T0, i / 10))).ok).toBe(true);
  });

  it('the phone number and the e-mail of one account share one count', async () => {
    for (let i = 0; i < 3; i++) await signIn('76123456', WRONG, T0);
    expect(await signIn('awa@exemple.ml', WRONG, T0)).toEqual(BAD);
    expect(await signIn('AWA@exemple.ml', WRONG, T0)).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await signIn('+22376123456', TEST_PASSWORD, T0)).toMatchObject({ ok: false, error: 'rate_limited' });
  });
});

describe('20 failures in a row lock the account for 24 hours', () => {
  it('the 20th failure locks it: the right password is refused until 24 hours have passed, and the owner is told once', async () => {
    const results = await failTwentyTimes();
    expect(results.slice(0, 4)).toEqual(Array(4).fill(BAD));
    expect(results[19]).toMatchObject({ ok: false, error: 'rate_limited', reason: 'accountLocked', retryAfterSeconds: 24 * 3600 });
    expect(lockNotices(awa.id)).toHaveLength(1);
    expect(auditRows(t.db, 'user.signin_locked')).toMatchObject([{ subjectId: awa.id }]);

    // Long after the 15-minute windows, still locked, whatever is typed and however.
    const later = minutesAfter(T0, 60 + 23 * 60);
    expect(await signIn('awa@exemple.ml', TEST_PASSWORD, later)).toMatchObject({ ok: false, error: 'rate_limited', reason: 'accountLocked' });
    expect(signInLockOf(t.db, awa.id, later)).toBeGreaterThan(0);
    expect(lockNotices(awa.id)).toHaveLength(1);

    expect(await signIn('awa@exemple.ml', TEST_PASSWORD, minutesAfter(T0, 60 + 24 * 60 + 1))).toMatchObject({ ok: true, value: { userId: awa.id } });
  });

  it('a success in between starts the count of failures again', async () => {
    for (let i = 0; i < 19; i++) await signIn('76123456', WRONG, minutesAfter(T0, Math.floor(i / 5) * 20));
    expect((await signIn('76123456', TEST_PASSWORD, minutesAfter(T0, 61))).ok).toBe(true);
    const again = await signIn('76123456', WRONG, minutesAfter(T0, 62));
    expect(again).toEqual(BAD);
    expect(lockNotices(awa.id)).toHaveLength(0);
  });

  it('an identifier nobody has is locked the same way, so the answers tell nothing', async () => {
    const results = await failTwentyTimes('76999999');
    expect(results[19]).toMatchObject({ ok: false, error: 'rate_limited', reason: 'accountLocked' });
  });

  it('an admin unlocks the account in person; nobody else can', async () => {
    await failTwentyTimes();
    const moussa = await addUser(t, { phone: '+22376000002' });
    const admin = await addUser(t, { grants: [{ role: 'admin' }] });
    const facilitator = await addUser(t, { grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
    for (const who of [moussa, facilitator, awa]) {
      expect(unlockAccount(t.db, actorOf(t.db, who.id), { userId: String(awa.id) })).toEqual({ ok: false, error: 'forbidden' });
    }
    expect(unlockAccount(t.db, null, { userId: String(awa.id) })).toEqual({ ok: false, error: 'forbidden' });
    expect(unlockAccount(t.db, actorOf(t.db, admin.id), { userId: '99999' })).toEqual({ ok: false, error: 'not_found' });
    expect(await signIn('76123456', TEST_PASSWORD, minutesAfter(T0, 90))).toMatchObject({ error: 'rate_limited' });

    expect(unlockAccount(t.db, actorOf(t.db, admin.id), { userId: String(awa.id) })).toEqual({ ok: true, value: { userId: awa.id } });
    expect(signInLockOf(t.db, awa.id, minutesAfter(T0, 90))).toBe(0);
    expect((await signIn('76123456', TEST_PASSWORD, minutesAfter(T0, 90))).ok).toBe(true);
    expect(auditRows(t.db, 'user.signin_unlock')).toMatchObject([{ actorId: admin.id, subjectId: awa.id }]);
  });

  it('a participant is unlocked by their space’s facilitator with a new PIN', async () => {
    const space = t.spaceId('nioro');
    const fanta = await addUser(t, { grants: [{ role: 'facilitator', spaceId: space }] });
    const reg = await registerParticipant(
      t.db,
      actorOf(t.db, fanta.id),
      { spaceId: String(space), displayName: 'Kadiatou Dembélé', communeId: String(t.communeId('nioro-du-sahel')), gender: 'woman', birthYear: '2004', language: 'fr', consent: 'yes', consentDate: '2027-03-10' },
      { now: T0, pin: () => '284617' },
    );
    if (!reg.ok) throw new Error(JSON.stringify(reg));
    await failTwentyTimes(reg.value.code);
    expect(await signIn(reg.value.code, '284617', minutesAfter(T0, 70))).toMatchObject({ reason: 'accountLocked' });
    expect(lockNotices(reg.value.userId)).toHaveLength(1);

    const reset = await resetParticipantPin(t.db, actorOf(t.db, fanta.id), { participantId: String(reg.value.userId), present: 'yes' }, { now: T0, pin: () => '730519' });
    expect(reset.ok).toBe(true);
    expect((await signIn(reg.value.code, '730519', minutesAfter(T0, 71))).ok).toBe(true);
  });
});

describe('re-authentication is throttled like signing in, on the same count', () => {
  it('wrong current passwords on the password form use up the account’s attempts', async () => {
    const actor = actorOf(t.db, awa.id);
    for (let i = 0; i < 4; i++) {
      expect(await changePassword(t.db, actor, { currentPassword: WRONG, newPassword: 'Baara-ka-di-2027' }, { ip: ROOM, now: T0 })).toEqual({
        ok: false,
        error: 'invalid',
        fieldErrors: { currentPassword: 'currentPasswordWrong' },
      });
    }
    expect(await changePassword(t.db, actor, { currentPassword: WRONG, newPassword: 'Baara-ka-di-2027' }, { ip: ROOM, now: T0 })).toMatchObject({ error: 'rate_limited' });
    // The right password now waits too, on the form and at sign-in.
    expect(await changePassword(t.db, actor, { currentPassword: TEST_PASSWORD, newPassword: 'Baara-ka-di-2027' }, { ip: ROOM, now: T0 })).toMatchObject({ error: 'rate_limited' });
    expect(await signIn('76123456', TEST_PASSWORD, T0)).toMatchObject({ error: 'rate_limited' });
    expect(auditRows(t.db, 'user.password_change')).toHaveLength(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { roleGrants, sessions, users, type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { changePassword } from '@/lib/accounts/change-password';
import { loadActor, loadSessionActor } from '@/lib/accounts/load-actor';
import {
  DEFAULT_SESSION_RULES,
  deviceLabel,
  endOtherSessions,
  endOwnSession,
  endSession,
  hashSessionId,
  ipPrefix,
  listSessions,
  openSession,
} from '@/lib/accounts/sessions';
import { signOutEverywhere } from '@/lib/accounts/sign-out-everywhere';
import { can } from '@/lib/permissions';
import { actorOf, addUser, auditRows, makeTestDb, TEST_PASSWORD, type TestDb } from '../helpers/db';

const IP = { ip: '10.0.0.1' };
const NEW_PASSWORD = 'Baara-ka-di-2027';

let t: TestDb;
let awa: User;
beforeEach(async () => {
  t = makeTestDb();
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376123456', email: 'awa@exemple.ml' });
});
afterEach(() => t.cleanup());

const claims = (sessionVersion: number) => ({ userId: awa.id, sessionVersion });

describe('signing in', () => {
  it.each(['+22376123456', '+223 76 12 34 56', '0022376123456', '76123456', '76 12 34 56'])(
    'with the phone number typed as "%s"',
    async (identifier) => {
      expect(await authenticate(t.db, { identifier, password: TEST_PASSWORD }, IP)).toEqual({
        ok: true,
        value: { userId: awa.id, sessionVersion: 1 },
      });
    },
  );

  it.each(['awa@exemple.ml', 'AWA@Exemple.ML', '  Awa@exemple.ml  '])('with the email typed as "%s"', async (identifier) => {
    expect(await authenticate(t.db, { identifier, password: TEST_PASSWORD }, IP)).toEqual({
      ok: true,
      value: { userId: awa.id, sessionVersion: 1 },
    });
  });

  it('a wrong password is refused without saying which part was wrong, and is recorded', async () => {
    const r = await authenticate(t.db, { identifier: '76123456', password: 'Sanu-ka-di-2025' }, IP);
    expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: 'badCredentials' } });
    expect(auditRows(t.db, 'user.signin_failed')).toMatchObject([{ actorId: null, subjectType: 'user', subjectId: awa.id }]);
  });

  it('an unknown number or email gets exactly the same answer as a wrong password', async () => {
    for (const identifier of ['76999999', 'nobody@exemple.ml', 'not a number']) {
      expect(await authenticate(t.db, { identifier, password: TEST_PASSWORD }, IP)).toEqual({
        ok: false,
        error: 'invalid',
        fieldErrors: { _form: 'badCredentials' },
      });
    }
  });

  it('the password is case-sensitive', async () => {
    const r = await authenticate(t.db, { identifier: 'awa@exemple.ml', password: TEST_PASSWORD.toUpperCase() }, IP);
    expect(r.ok).toBe(false);
  });

  it('an empty identifier or password is reported on its field', async () => {
    expect(await authenticate(t.db, { identifier: '  ', password: '' }, IP)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { identifier: 'required', password: 'required' },
    });
  });
});

describe('a session stays valid only while its version is current', () => {
  it('a fresh session loads the person, with no roles', () => {
    expect(loadActor(t.db, claims(1))).toEqual({
      id: awa.id,
      communeId: t.communeId('kayes'),
      suspended: false,
      verified: true,
      grants: [],
      displayName: 'Awa Traoré',
      language: 'fr',
    });
  });

  it('no session, or a session for an account that does not exist, loads nobody', () => {
    expect(loadActor(t.db, null)).toBeNull();
    expect(loadActor(t.db, { userId: 9999, sessionVersion: 1 })).toBeNull();
  });

  it('after "sign out everywhere" the old sessions load nobody; a new sign-in works', async () => {
    expect(signOutEverywhere(t.db, actorOf(t.db, awa.id))).toEqual({ ok: true, value: null });
    expect(loadActor(t.db, claims(1))).toBeNull();
    const again = await authenticate(t.db, { identifier: '76123456', password: TEST_PASSWORD }, IP);
    expect(again).toEqual({ ok: true, value: { userId: awa.id, sessionVersion: 2 } });
    expect(loadActor(t.db, claims(2))?.id).toBe(awa.id);
    expect(auditRows(t.db, 'user.signout_everywhere')).toMatchObject([{ actorId: awa.id, subjectId: awa.id }]);
  });

  it('nobody signed in cannot sign anybody out', () => {
    expect(signOutEverywhere(t.db, null)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('changing the password needs the current one; a wrong one changes nothing', async () => {
    const r = await changePassword(t.db, actorOf(t.db, awa.id), { currentPassword: 'Sanu-ka-di-2025', newPassword: NEW_PASSWORD });
    expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { currentPassword: 'currentPasswordWrong' } });
    expect(loadActor(t.db, claims(1))?.id).toBe(awa.id);
    expect((await authenticate(t.db, { identifier: 'awa@exemple.ml', password: TEST_PASSWORD }, IP)).ok).toBe(true);
    expect(auditRows(t.db, 'user.password_change')).toHaveLength(0);
  });

  it('after a password change, old sessions and the old password stop working; the new one works', async () => {
    const r = await changePassword(t.db, actorOf(t.db, awa.id), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(r).toEqual({ ok: true, value: { sessionVersion: 2 } });
    expect(loadActor(t.db, claims(1))).toBeNull();
    expect(loadActor(t.db, claims(2))?.id).toBe(awa.id);
    expect(await authenticate(t.db, { identifier: 'awa@exemple.ml', password: TEST_PASSWORD }, IP)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { _form: 'badCredentials' },
    });
    expect(await authenticate(t.db, { identifier: 'awa@exemple.ml', password: NEW_PASSWORD }, IP)).toEqual({
      ok: true,
      value: { userId: awa.id, sessionVersion: 2 },
    });
    expect(auditRows(t.db, 'user.password_change')).toMatchObject([{ actorId: awa.id, subjectId: awa.id, details: null }]);
  });

  it('the new password must differ from the current one and follow the policy', async () => {
    const actor = actorOf(t.db, awa.id);
    expect(await changePassword(t.db, actor, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { newPassword: 'passwordUnchanged' },
    });
    expect(await changePassword(t.db, actor, { currentPassword: TEST_PASSWORD, newPassword: 'motdepasse' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { newPassword: 'passwordCommon' },
    });
    expect(await changePassword(t.db, null, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(loadActor(t.db, claims(1))?.id).toBe(awa.id);
  });
});

describe('suspension and roles, as the next request sees them', () => {
  it('a person suspended until a future date is loaded as suspended, and may not update their profile', () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    t.db.update(users).set({ suspendedUntil: tomorrow }).where(eq(users.id, awa.id)).run();
    const actor = loadActor(t.db, claims(1));
    expect(actor?.suspended).toBe(true);
    expect(can(actor, 'profile.update', { userId: awa.id })).toBe(false);
    expect(can(actor, 'password.change', { userId: awa.id })).toBe(true);
  });

  it('a suspension that has ended no longer counts', () => {
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    t.db.update(users).set({ suspendedUntil: yesterday }).where(eq(users.id, awa.id)).run();
    expect(loadActor(t.db, claims(1))?.suspended).toBe(false);
  });

  it('a suspended person can still end all their sessions (they keep control of their security)', () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    t.db.update(users).set({ suspendedUntil: tomorrow }).where(eq(users.id, awa.id)).run();
    expect(signOutEverywhere(t.db, actorOf(t.db, awa.id)).ok).toBe(true);
    expect(loadActor(t.db, claims(1))).toBeNull();
  });

  it('a role given or taken away shows on the very next load of the session', () => {
    const grant = t.db
      .insert(roleGrants)
      .values({ userId: awa.id, role: 'moderator', communeId: t.communeId('kayes') })
      .returning()
      .get();
    expect(loadActor(t.db, claims(1))?.grants).toEqual([{ role: 'moderator', communeId: t.communeId('kayes'), spaceId: null }]);
    t.db.update(roleGrants).set({ revokedAt: new Date().toISOString() }).where(eq(roleGrants.id, grant.id)).run();
    expect(loadActor(t.db, claims(1))?.grants).toEqual([]);
  });
});

describe('server-side sessions', () => {
  const T0 = new Date('2027-03-10T08:00:00.000Z');
  const DAY = 24 * 60 * 60_000;
  const at = (ms: number) => new Date(T0.getTime() + ms);
  const ANDROID = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
  const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

  const open = (when = T0, userAgent = ANDROID, user: User = awa, ip = '41.73.100.7') => {
    const sv = t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id)).get()!.v;
    return openSession(t.db, { userId: user.id, sessionVersion: sv, userAgent, ip }, when).id;
  };
  const request = (sessionId: string, when: Date, user: User = awa) =>
    loadSessionActor(t.db, { userId: user.id, sessionId }, { rules: DEFAULT_SESSION_RULES, now: when });
  const row = (id: string) => t.db.select().from(sessions).where(eq(sessions.idHash, hashSessionId(id))).get()!;

  it('each sign-in opens a row keyed by the hash of a random id; the id itself is stored nowhere', () => {
    const id = open();
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = t.db.select().from(sessions).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ idHash: hashSessionId(id), userId: awa.id, sessionVersion: 1, deviceLabel: 'Chrome · Android', createdAt: T0.toISOString(), endedAt: null });
    expect(JSON.stringify(stored)).not.toContain(id);
    expect(request(id, T0)).toMatchObject({ id: awa.id, sessionHash: hashSessionId(id) });
  });

  it('a revoked session id loads nobody, while the person’s other sessions go on', () => {
    const phone = open();
    const laptop = open(T0, WINDOWS);
    expect(endSession(t.db, hashSessionId(phone), 'sign_out', at(60_000))).toBe(true);
    expect(request(phone, at(120_000))).toBeNull();
    expect(request(laptop, at(120_000))?.id).toBe(awa.id);
    expect(row(phone)).toMatchObject({ endReason: 'sign_out' });
  });

  it('a session id is good only for its own account, and a made-up or malformed one for nobody', async () => {
    const moussa = await addUser(t, { phone: '+22376000002' });
    const id = open();
    expect(request(id, T0, moussa)).toBeNull();
    expect(request('A'.repeat(43), T0)).toBeNull();
    expect(request("' OR 1=1 --", T0)).toBeNull();
    expect(loadSessionActor(t.db, null)).toBeNull();
  });

  it('idle for more than 7 days: signed out, and the row is ended as "idle"', () => {
    const id = open();
    expect(request(id, at(7 * DAY - 60_000))?.id).toBe(awa.id);
    // that request moved last_seen_at: 7 more days from there are fine again
    expect(request(id, at(14 * DAY - 120_000))?.id).toBe(awa.id);
    expect(request(id, at(21 * DAY))).toBeNull();
    expect(row(id).endReason).toBe('idle');
    expect(request(id, at(21 * DAY + 1000))).toBeNull();
  });

  it('30 days after sign-in, signed out however active the person is ("expired")', () => {
    const id = open();
    for (let d = 1; d <= 30; d++) expect(request(id, at(d * DAY - 1000))?.id).toBe(awa.id);
    expect(request(id, at(30 * DAY + 1000))).toBeNull();
    expect(row(id).endReason).toBe('expired');
  });

  it('the idle and absolute lifetimes follow the configured rules', () => {
    const id = open();
    const rules = { ...DEFAULT_SESSION_RULES, idleMs: 60 * 60_000 };
    expect(loadSessionActor(t.db, { userId: awa.id, sessionId: id }, { rules, now: at(59 * 60_000) })?.id).toBe(awa.id);
    expect(loadSessionActor(t.db, { userId: awa.id, sessionId: id }, { rules, now: at(2 * 59 * 60_000 + 120_000) })).toBeNull();
  });

  it('last seen is written at most once a minute', () => {
    const id = open();
    request(id, at(30_000));
    expect(row(id).lastSeenAt).toBe(T0.toISOString());
    request(id, at(61_000));
    expect(row(id).lastSeenAt).toBe(at(61_000).toISOString());
  });

  it('the list shows the open sessions, most recent first, with this device marked; ended, idle and old ones are left out', () => {
    const phone = open(T0, ANDROID);
    const laptop = open(at(1000), WINDOWS, awa, '2001:db8:85a3:8d3::1');
    const forgotten = open(at(2000), WINDOWS);
    endSession(t.db, hashSessionId(forgotten), 'sign_out', at(3000));
    request(laptop, at(120_000));
    expect(listSessions(t.db, awa.id, hashSessionId(phone), DEFAULT_SESSION_RULES, at(180_000))).toEqual([
      { idHash: hashSessionId(laptop), deviceLabel: 'Firefox · Windows', ipPrefix: '2001:db8:85a3:…', createdAt: at(1000).toISOString(), lastSeenAt: at(120_000).toISOString(), shared: false, current: false },
      { idHash: hashSessionId(phone), deviceLabel: 'Chrome · Android', ipPrefix: '41.73.100.x', createdAt: T0.toISOString(), lastSeenAt: T0.toISOString(), shared: false, current: true },
    ]);
    expect(listSessions(t.db, awa.id, null, DEFAULT_SESSION_RULES, at(8 * DAY))).toEqual([]);
  });

  it('"End" on another session signs that device out; someone else’s session cannot be ended', async () => {
    const phone = open();
    const laptop = open(T0, WINDOWS);
    const me = request(phone, T0)!;
    expect(endOwnSession(t.db, me, { session: hashSessionId(laptop) }, at(1000))).toEqual({ ok: true, value: null });
    expect(request(laptop, at(2000))).toBeNull();
    expect(request(phone, at(2000))?.id).toBe(awa.id);
    expect(auditRows(t.db, 'session.end')).toMatchObject([{ actorId: awa.id, subjectId: awa.id }]);

    const moussa = await addUser(t, { phone: '+22376000002' });
    const his = open(T0, ANDROID, moussa);
    expect(endOwnSession(t.db, me, { session: hashSessionId(his) })).toEqual({ ok: false, error: 'not_found' });
    expect(endOwnSession(t.db, me, { session: 'not-a-hash' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(endOwnSession(t.db, null, { session: hashSessionId(his) })).toEqual({ ok: false, error: 'forbidden' });
    expect(request(his, at(2000), moussa)?.id).toBe(moussa.id);
  });

  it('"End all others" keeps this device signed in and signs out every other one', () => {
    const phone = open();
    const others = [open(T0, WINDOWS), open(T0, WINDOWS), open(T0, ANDROID)];
    const me = request(phone, T0)!;
    expect(endOtherSessions(t.db, me, hashSessionId(phone), at(1000))).toEqual({ ok: true, value: { ended: 3 } });
    for (const id of others) expect(request(id, at(2000))).toBeNull();
    expect(request(phone, at(2000))?.id).toBe(awa.id);
    expect(listSessions(t.db, awa.id, hashSessionId(phone), DEFAULT_SESSION_RULES, at(2000)).map((s) => s.current)).toEqual([true]);
    expect(endOtherSessions(t.db, null, hashSessionId(phone))).toEqual({ ok: false, error: 'forbidden' });
  });

  it('"Sign out everywhere" ends every row, this one included; a new sign-in opens a fresh one', () => {
    const a = open();
    const b = open(T0, WINDOWS);
    expect(signOutEverywhere(t.db, request(a, T0), at(1000)).ok).toBe(true);
    expect(request(a, at(2000))).toBeNull();
    expect(request(b, at(2000))).toBeNull();
    expect(t.db.select().from(sessions).all().map((s) => s.endReason)).toEqual(['everywhere', 'everywhere']);
    expect(request(open(at(3000)), at(3000))?.id).toBe(awa.id);
  });

  it('a password change (new session version) ends every session, and they leave the list', async () => {
    const id = open();
    expect((await changePassword(t.db, actorOf(t.db, awa.id), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).ok).toBe(true);
    expect(request(id, T0)).toBeNull();
    expect(listSessions(t.db, awa.id, null, DEFAULT_SESSION_RULES, T0)).toEqual([]);
  });

  it('keeps only the network of the sign-in, not the address', () => {
    expect(ipPrefix('41.73.100.7')).toBe('41.73.100.x');
    expect(ipPrefix('2001:db8:85a3:8d3::1')).toBe('2001:db8:85a3:…');
    expect(ipPrefix('local')).toBe('');
    expect(ipPrefix(null)).toBe('');
  });

  it('names the device briefly from its User-Agent', () => {
    expect(deviceLabel(ANDROID)).toBe('Chrome · Android');
    expect(deviceLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toBe('Safari · iOS');
    expect(deviceLabel(null)).toBe('');
    expect(deviceLabel('x'.repeat(5000)).length).toBeLessThanOrEqual(60);
  });
});

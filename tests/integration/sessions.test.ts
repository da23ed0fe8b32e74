import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { roleGrants, users, type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { changePassword } from '@/lib/accounts/change-password';
import { loadActor } from '@/lib/accounts/load-actor';
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

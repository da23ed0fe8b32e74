import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountCodes, auditLog, messages, notifications, users, type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { loadSessionActor } from '@/lib/accounts/load-actor';
import { hashPassword } from '@/lib/accounts/password';
import { requestRecoveryCode, resetPasswordWithCode } from '@/lib/accounts/recover-password';
import { resetAccessInPerson } from '@/lib/accounts/reset-in-person';
import { openSession } from '@/lib/accounts/sessions';
import { signInLockOf } from '@/lib/accounts/unlock-account';
import { LIMITS } from '@/lib/rate-limit';
import { actorOf, addUser, auditRows, makeTestDb, minutesAfter, TEST_PASSWORD, type TestDb } from '../helpers/db';
import { lastCodeSent, messagesTo, otherCode } from '../helpers/codes';

const T0 = new Date('2027-03-10T10:00:00.000Z');
const META = { ip: '10.0.0.9', now: T0 };
const NEW_PASSWORD = 'Jiri-ba-kan-2027';

let t: TestDb;
let awa: User;
beforeEach(async () => {
  t = makeTestDb();
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376123456', email: 'awa@exemple.ml' });
});
afterEach(() => t.cleanup());

const signIn = (identifier: string, password: string, now = T0) => authenticate(t.db, { identifier, password }, { ip: '10.0.0.9', now });
const row = (id: number) => t.db.select().from(users).where(eq(users.id, id)).get()!;
const notices = (userId: number) => t.db.select().from(notifications).where(eq(notifications.userId, userId)).all().map((n) => n.kind);

describe('forgot password: a code by SMS or by e-mail, then a new password', () => {
  it('by SMS: the old password fails, the new one works, every session ends, and the owner is told on the other channel and in the app', async () => {
    const session = openSession(t.db, { userId: awa.id, sessionVersion: 1 }, T0);
    const claims = { userId: awa.id, sessionId: session.id };
    expect(loadSessionActor(t.db, claims, { now: T0 })).not.toBeNull();

    expect(await requestRecoveryCode(t.db, { identifier: '76 12 34 56' }, META)).toEqual({ ok: true, value: { channel: 'sms' } });
    const [sms] = messagesTo(t.db, '+22376123456', 'recovery');
    expect(sms).toMatchObject({ channel: 'sms', userId: awa.id, expiresAt: minutesAfter(T0, 10).toISOString() });
    const code = lastCodeSent(t.db, '+22376123456', 'recovery')!;

    expect(await resetPasswordWithCode(t.db, { identifier: '+223 76 12 34 56', code, newPassword: NEW_PASSWORD }, { ...META, now: minutesAfter(T0, 3) })).toEqual({
      ok: true,
      value: { userId: awa.id },
    });
    expect(await signIn('76123456', TEST_PASSWORD, minutesAfter(T0, 4))).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: 'badCredentials' } });
    expect(await signIn('76123456', NEW_PASSWORD, minutesAfter(T0, 4))).toMatchObject({ ok: true });
    expect(loadSessionActor(t.db, claims, { now: minutesAfter(T0, 4) })).toBeNull();

    expect(notices(awa.id)).toEqual(['account.recovered']);
    // The alert goes to the e-mail address, not to the phone that received the code.
    expect(messagesTo(t.db, 'awa@exemple.ml', 'security')).toMatchObject([{ channel: 'email', subject: 'Alerte Baro : votre mot de passe a été changé' }]);
    expect(messagesTo(t.db, '+22376123456', 'security')).toHaveLength(0);
    expect(auditRows(t.db, 'user.password_recover')).toMatchObject([{ actorId: awa.id, subjectId: awa.id, details: { channel: 'sms' } }]);
    // Used: the same code cannot set another password.
    expect(await resetPasswordWithCode(t.db, { identifier: '76123456', code, newPassword: 'Autre-mot-de-passe-9' }, { ...META, now: minutesAfter(T0, 5) })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { code: 'recoveryCodeRefused' },
    });
  });

  it('by e-mail, for an account with no phone: told in the app only (no other channel)', async () => {
    const moussa = await addUser(t, { displayName: 'Moussa', email: 'moussa@exemple.ml' });
    expect(await requestRecoveryCode(t.db, { identifier: 'Moussa@Exemple.ML' }, META)).toEqual({ ok: true, value: { channel: 'email' } });
    expect(messagesTo(t.db, 'moussa@exemple.ml', 'recovery')).toMatchObject([{ channel: 'email', subject: 'Changer votre mot de passe Baro' }]);
    const code = lastCodeSent(t.db, 'moussa@exemple.ml', 'recovery')!;
    expect((await resetPasswordWithCode(t.db, { identifier: 'moussa@exemple.ml', code, newPassword: NEW_PASSWORD }, META)).ok).toBe(true);
    expect(await signIn('moussa@exemple.ml', NEW_PASSWORD)).toMatchObject({ ok: true });
    expect(notices(moussa.id)).toEqual(['account.recovered']);
    expect(messagesTo(t.db, 'moussa@exemple.ml', 'security')).toHaveLength(0);
  });

  it('the new password follows the password policy, and a refused one spends no try', async () => {
    await requestRecoveryCode(t.db, { identifier: '76123456' }, META);
    const code = lastCodeSent(t.db, '+22376123456', 'recovery')!;
    expect(await resetPasswordWithCode(t.db, { identifier: '76123456', code, newPassword: 'motdepasse' }, META)).toEqual({ ok: false, error: 'invalid', fieldErrors: { newPassword: 'passwordCommon' } });
    expect(await resetPasswordWithCode(t.db, { identifier: '76123456', code, newPassword: 'court' }, META)).toEqual({ ok: false, error: 'invalid', fieldErrors: { newPassword: 'passwordTooShort' } });
    expect((await resetPasswordWithCode(t.db, { identifier: '76123456', code, newPassword: NEW_PASSWORD }, META)).ok).toBe(true);
  });

  it('a code proves the phone: an account not yet verified is verified by it, and its sign-in lock is lifted', async () => {
    t.db.update(users).set({ verifiedAt: null, verifiedVia: null }).where(eq(users.id, awa.id)).run();
    for (let i = 0; i < LIMITS.signInLockout.points; i++) await signIn('76123456', `Faux-mot-${i}-xyz`, minutesAfter(T0, i * 16));
    const later = minutesAfter(T0, 20 * 16);
    expect(signInLockOf(t.db, awa.id, later)).toBeGreaterThan(0);
    await requestRecoveryCode(t.db, { identifier: '76123456' }, { ...META, now: later });
    const code = lastCodeSent(t.db, '+22376123456', 'recovery')!;
    expect((await resetPasswordWithCode(t.db, { identifier: '76123456', code, newPassword: NEW_PASSWORD }, { ...META, now: later })).ok).toBe(true);
    expect(row(awa.id)).toMatchObject({ verifiedVia: 'sms', verifiedAt: later.toISOString() });
    expect(signInLockOf(t.db, awa.id, later)).toBe(0);
    expect(await signIn('76123456', NEW_PASSWORD, later)).toMatchObject({ ok: true });
  });
});

describe('the owner hears of every change to their account’s security, by SMS and e-mail too', () => {
  it('a password changed from /account: an alert to the phone and one to the address', async () => {
    const { changePassword } = await import('@/lib/accounts/change-password');
    expect((await changePassword(t.db, actorOf(t.db, awa.id), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, META)).ok).toBe(true);
    expect(messagesTo(t.db, '+22376123456', 'security')).toMatchObject([{ channel: 'sms', body: expect.stringMatching(/^Baro : le mot de passe de votre compte a été changé/) }]);
    expect(messagesTo(t.db, 'awa@exemple.ml', 'security')).toMatchObject([{ channel: 'email' }]);
  });

  it('the 24-hour lock: in the app, by SMS and by e-mail', async () => {
    for (let i = 0; i < LIMITS.signInLockout.points; i++) await signIn('76123456', `Faux-mot-${i}-xyz`, minutesAfter(T0, i * 16));
    expect(notices(awa.id)).toEqual(['account.locked']);
    expect(messagesTo(t.db, '+22376123456', 'security')).toMatchObject([{ channel: 'sms', body: expect.stringMatching(/bloqué 1440 min/) }]);
    expect(messagesTo(t.db, 'awa@exemple.ml', 'security')).toHaveLength(1);
  });
});

describe('the form tells nobody who has an account', () => {
  it('an unknown number gets the same answer as a known one, and nothing is sent', async () => {
    const known = await requestRecoveryCode(t.db, { identifier: '76 12 34 56' }, META);
    const unknown = await requestRecoveryCode(t.db, { identifier: '76 99 88 77' }, META);
    expect(unknown).toEqual(known);
    expect(messagesTo(t.db, '+22376998877')).toHaveLength(0);
    const unknownMail = await requestRecoveryCode(t.db, { identifier: 'personne@exemple.ml' }, META);
    expect(unknownMail).toEqual({ ok: true, value: { channel: 'email' } });
  });

  it('the waits are the same: 60 s between two requests, 5 a day, for a known number and an unknown one alike', async () => {
    for (const identifier of ['76123456', '76998877']) {
      expect((await requestRecoveryCode(t.db, { identifier }, META)).ok).toBe(true);
      expect(await requestRecoveryCode(t.db, { identifier }, { ...META, now: minutesAfter(T0, 0.5) })).toMatchObject({ ok: false, error: 'rate_limited', reason: 'codeResendDelay' });
      for (let i = 1; i <= 4; i++) expect((await requestRecoveryCode(t.db, { identifier }, { ...META, now: minutesAfter(T0, i * 2) })).ok).toBe(true);
      expect(await requestRecoveryCode(t.db, { identifier }, { ...META, now: minutesAfter(T0, 12) })).toMatchObject({ ok: false, error: 'rate_limited', reason: 'codesPerRecipientPerDay' });
    }
    expect(messagesTo(t.db, '+22376123456', 'recovery')).toHaveLength(5);
  });

  it('a wrong code, a closed one and an unknown identifier get the same answer; five wrong tries close the code', async () => {
    await requestRecoveryCode(t.db, { identifier: '76123456' }, META);
    const code = lastCodeSent(t.db, '+22376123456', 'recovery')!;
    const wrong = { ok: false, error: 'invalid', fieldErrors: { code: 'recoveryCodeRefused' } };
    expect(await resetPasswordWithCode(t.db, { identifier: '76998877', code, newPassword: NEW_PASSWORD }, META)).toEqual(wrong);
    for (let i = 0; i < 4; i++) expect(await resetPasswordWithCode(t.db, { identifier: '76123456', code: otherCode(code), newPassword: NEW_PASSWORD }, META)).toEqual(wrong);
    // The fifth closes the code, and says no more than for an unknown number; the right code no longer works.
    expect(await resetPasswordWithCode(t.db, { identifier: '76123456', code: otherCode(code), newPassword: NEW_PASSWORD }, META)).toEqual(wrong);
    expect(t.db.select().from(accountCodes).where(eq(accountCodes.purpose, 'recovery')).all()).toMatchObject([{ closedReason: 'tries', attempts: 5 }]);
    expect(await resetPasswordWithCode(t.db, { identifier: '76123456', code, newPassword: NEW_PASSWORD }, META)).toEqual(wrong);
    expect(await signIn('76123456', TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a code is valid 10 minutes', async () => {
    await requestRecoveryCode(t.db, { identifier: '76123456' }, META);
    const code = lastCodeSent(t.db, '+22376123456', 'recovery')!;
    expect(await resetPasswordWithCode(t.db, { identifier: '76123456', code, newPassword: NEW_PASSWORD }, { ...META, now: minutesAfter(T0, 10.1) })).toMatchObject({
      fieldErrors: { code: 'recoveryCodeRefused' },
    });
  });
});

describe('in person, at any connected space, after checking an identity document', () => {
  let fanta: User;
  let sira: User;
  let admin: User;
  let mayor: User;
  beforeEach(async () => {
    fanta = await addUser(t, { displayName: 'Fanta', grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
    sira = await addUser(t, { displayName: 'Sira', grants: [{ role: 'facilitator', spaceId: t.spaceId('yelimane') }] });
    admin = await addUser(t, { displayName: 'Admin', grants: [{ role: 'admin' }] });
    mayor = await addUser(t, { displayName: 'Maire', phone: '+22376000004', grants: [{ role: 'official', communeId: t.communeId('kayes'), title: 'Maire' }] });
  });
  const form = (fields: Record<string, string>) => ({ spaceId: String(t.spaceId('yelimane')), document: 'nina_card', checked: 'yes', ...fields });

  it('a citizen registered on her own, at a space that never saw her: a one-time code on screen, then her new password; the document’s kind is recorded, never a number', async () => {
    const session = openSession(t.db, { userId: awa.id, sessionVersion: 1 }, T0);
    const r = await resetAccessInPerson(t.db, actorOf(t.db, sira.id), form({ identifier: '76 12 34 56' }), T0);
    expect(r).toMatchObject({ ok: true, value: { method: 'code', userId: awa.id, displayName: 'Awa Traoré', validMinutes: 30 } });
    if (!r.ok || r.value.method !== 'code') return;
    // The old password stops working at once; her sessions end.
    expect(await signIn('76123456', TEST_PASSWORD)).toMatchObject({ ok: false });
    expect(loadSessionActor(t.db, { userId: awa.id, sessionId: session.id }, { now: T0 })).toBeNull();
    const audit = auditRows(t.db, 'user.reset_in_person');
    expect(audit).toMatchObject([{ actorId: sira.id, subjectId: awa.id, details: { spaceId: t.spaceId('yelimane'), document: 'nina_card', method: 'code' } }]);
    // The form has no place for a document number: any extra field is refused.
    expect(await resetAccessInPerson(t.db, actorOf(t.db, sira.id), form({ identifier: '76123456', documentNumber: '123' }), T0)).toMatchObject({ error: 'invalid', fieldErrors: { _form: 'unknownField' } });
    // She is told by SMS, by e-mail and in the app.
    expect(notices(awa.id)).toEqual(['account.reset_in_person']);
    expect(messagesTo(t.db, '+22376123456', 'security')).toHaveLength(1);
    expect(messagesTo(t.db, 'awa@exemple.ml', 'security')).toHaveLength(1);

    expect((await resetPasswordWithCode(t.db, { identifier: '76123456', code: r.value.code, newPassword: NEW_PASSWORD }, { ...META, now: minutesAfter(T0, 20) })).ok).toBe(true);
    expect(await signIn('76123456', NEW_PASSWORD, minutesAfter(T0, 21))).toMatchObject({ ok: true });
    // The code never reached the outbox.
    expect(t.db.select().from(messages).all().some((m) => m.body?.includes(r.value.method === 'code' ? r.value.code : '!'))).toBe(false);
  });

  it('the in-person code lasts 30 minutes', async () => {
    const r = await resetAccessInPerson(t.db, actorOf(t.db, fanta.id), form({ spaceId: String(t.spaceId('nioro')), identifier: 'awa@exemple.ml' }), T0);
    if (!r.ok || r.value.method !== 'code') throw new Error('no code');
    expect(await resetPasswordWithCode(t.db, { identifier: 'awa@exemple.ml', code: r.value.code, newPassword: NEW_PASSWORD }, { ...META, now: minutesAfter(T0, 31) })).toMatchObject({
      fieldErrors: { code: 'recoveryCodeRefused' },
    });
  });

  it('a participant with a code and a PIN, registered at another space: a new PIN on a slip, to change at the next sign-in; the account is verified', async () => {
    const kadi = await addUser(t, { displayName: 'Kadi', email: null, participantCode: 'NIO-7K3PA', registeredAtSpaceId: t.spaceId('nioro'), passwordHash: await hashPassword('123456'), verifiedAt: null });
    const r = await resetAccessInPerson(t.db, actorOf(t.db, sira.id), form({ identifier: 'nio 7k3pa', document: 'known_witness' }), T0);
    expect(r).toMatchObject({ ok: true, value: { method: 'pin', slip: { userId: kadi.id, code: 'NIO-7K3PA', displayName: 'Kadi' } } });
    if (!r.ok || r.value.method !== 'pin') return;
    expect(r.value.slip.pin).toMatch(/^\d{6}$/);
    expect(r.value.slip.spaceName).toBe('Espace connecté de Yélimané');
    expect(await signIn('NIO-7K3PA', '123456')).toMatchObject({ ok: false });
    expect(await signIn('NIO-7K3PA', r.value.slip.pin)).toMatchObject({ ok: true });
    expect(row(kadi.id)).toMatchObject({ pinChoicePending: true, verifiedVia: 'in_person' });
  });

  it('staff accounts are reset by an admin only; nobody resets their own; the checks are required', async () => {
    expect(await resetAccessInPerson(t.db, actorOf(t.db, sira.id), form({ identifier: '76000004' }), T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(await resetAccessInPerson(t.db, actorOf(t.db, sira.id), form({ identifier: 'fanta-unknown@exemple.ml' }), T0)).toEqual({ ok: false, error: 'invalid', fieldErrors: { identifier: 'accountUnknown' } });
    expect(await resetAccessInPerson(t.db, actorOf(t.db, fanta.id), form({ spaceId: String(t.spaceId('yelimane')), identifier: '76123456' }), T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(await resetAccessInPerson(t.db, actorOf(t.db, awa.id), form({ identifier: '76000004' }), T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(await resetAccessInPerson(t.db, actorOf(t.db, sira.id), form({ identifier: '76123456', document: '' }), T0)).toMatchObject({ fieldErrors: { document: 'documentRequired' } });
    expect(await resetAccessInPerson(t.db, actorOf(t.db, sira.id), form({ identifier: '76123456', checked: '' }), T0)).toMatchObject({ fieldErrors: { checked: 'identityCheckRequired' } });
    expect(await resetAccessInPerson(t.db, actorOf(t.db, admin.id), { userId: String(admin.id), document: 'passport', checked: 'yes' }, T0)).toMatchObject({ fieldErrors: { identifier: 'resetSelf' } });

    const r = await resetAccessInPerson(t.db, actorOf(t.db, admin.id), { userId: String(mayor.id), document: 'passport', checked: 'yes' }, T0);
    expect(r).toMatchObject({ ok: true, value: { method: 'code', userId: mayor.id } });
    expect(auditRows(t.db, 'user.reset_in_person')).toMatchObject([{ actorId: admin.id, subjectId: mayor.id, details: { spaceId: null, document: 'passport', method: 'code' } }]);
    expect(t.db.select().from(auditLog).all().filter((a) => a.action === 'user.reset_in_person')).toHaveLength(1);
    expect(await signIn('76000004', TEST_PASSWORD)).toMatchObject({ ok: false });
  });
});

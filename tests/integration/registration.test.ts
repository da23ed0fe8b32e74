import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { registerUser } from '@/lib/accounts/register-user';
import { verifyPassword } from '@/lib/accounts/password';
import { hit, LIMITS } from '@/lib/rate-limit';
import { actorOf, addUser, auditRows, countUsers, makeTestDb, type TestDb } from '../helpers/db';

const IP = { ip: '10.0.0.1' };
const PASSWORD = 'Sanu-ka-di-2026';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());

/** What the registration form sends: every field is a string. */
function form(overrides: Record<string, unknown> = {}) {
  return {
    displayName: 'Awa Traoré',
    phone: '',
    email: '',
    password: PASSWORD,
    communeId: String(t.communeId('nioro-du-sahel')),
    gender: 'woman',
    birthYear: '2001',
    language: 'fr',
    ...overrides,
  };
}

function userRow(id: number) {
  return t.db.select().from(users).where(eq(users.id, id)).get();
}

describe('registering an account', () => {
  it('with a phone number only', async () => {
    const r = await registerUser(t.db, null, form({ phone: '76 12 34 56' }), IP);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = userRow(r.value.userId)!;
    expect(row).toMatchObject({
      displayName: 'Awa Traoré',
      phone: '+22376123456',
      email: null,
      communeId: t.communeId('nioro-du-sahel'),
      gender: 'woman',
      birthYear: 2001,
      language: 'fr',
      sessionVersion: 1,
      suspendedUntil: null,
    });
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
  });

  it('with an email only, stored in lower case', async () => {
    const r = await registerUser(t.db, null, form({ email: '  Awa.Traore@Exemple.ML ' }), IP);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(userRow(r.value.userId)).toMatchObject({ phone: null, email: 'awa.traore@exemple.ml' });
  });

  it('with both a phone number and an email', async () => {
    const r = await registerUser(t.db, null, form({ phone: '+223 76 12 34 56', email: 'awa@exemple.ml' }), IP);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(userRow(r.value.userId)).toMatchObject({ phone: '+22376123456', email: 'awa@exemple.ml' });
  });

  it('with neither a phone number nor an email is refused on the phone field', async () => {
    const r = await registerUser(t.db, null, form(), IP);
    expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { phone: 'identifierRequired' } });
    expect(countUsers(t.db)).toBe(0);
  });

  it('a phone number already registered cannot register again, even typed differently', async () => {
    expect((await registerUser(t.db, null, form({ phone: '+22376123456' }), IP)).ok).toBe(true);
    const again = await registerUser(t.db, null, form({ phone: '76 12 34 56', displayName: 'Someone Else' }), IP);
    expect(again).toEqual({ ok: false, error: 'conflict', fieldErrors: { phone: 'phoneTaken' } });
    expect(countUsers(t.db)).toBe(1);
    expect(auditRows(t.db, 'user.register')).toHaveLength(1);
  });

  it('an email already registered cannot register again, whatever its case', async () => {
    expect((await registerUser(t.db, null, form({ email: 'awa@exemple.ml' }), IP)).ok).toBe(true);
    const again = await registerUser(t.db, null, form({ email: 'AWA@Exemple.ml' }), IP);
    expect(again).toEqual({ ok: false, error: 'conflict', fieldErrors: { email: 'emailTaken' } });
    expect(countUsers(t.db)).toBe(1);
  });

  it('a Bambara name is stored exactly, in composed (NFC) form', async () => {
    const name = 'Kadiatou Ɲɛnɛ Sàkɔ';
    const decomposed = name.normalize('NFD');
    expect(decomposed).not.toBe(name); // the à arrives as a + combining grave accent
    const r = await registerUser(t.db, null, form({ phone: '76123456', displayName: `  ${decomposed}  ` }), IP);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(userRow(r.value.userId)!.displayName).toBe(name.normalize('NFC'));
    expect(userRow(r.value.userId)!.displayName).toBe('Kadiatou \u019d\u025bn\u025b S\u00e0k\u0254');
  });

  it.each(['20', '1800', String(new Date().getUTCFullYear() + 1), '2O01', '-2000'])(
    'birth year "%s" is refused',
    async (birthYear) => {
      const r = await registerUser(t.db, null, form({ phone: '76123456', birthYear }), IP);
      expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { birthYear: 'birthYearRange' } });
      expect(countUsers(t.db)).toBe(0);
    },
  );

  it('a commune that does not exist is refused', async () => {
    const r = await registerUser(t.db, null, form({ phone: '76123456', communeId: '9999' }), IP);
    expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { communeId: 'communeRequired' } });
    const notANumber = await registerUser(t.db, null, form({ phone: '76123456', communeId: 'kayes' }), IP);
    expect(notANumber).toEqual({ ok: false, error: 'invalid', fieldErrors: { communeId: 'communeRequired' } });
    expect(countUsers(t.db)).toBe(0);
  });

  it('a field the form does not have is refused (no sneaking in a session version or a suspension)', async () => {
    for (const extra of [{ sessionVersion: 7 }, { suspendedUntil: null }, { isAdmin: true }]) {
      const r = await registerUser(t.db, null, form({ phone: '76123456', ...extra }), IP);
      expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: 'unknownField' } });
    }
    expect(countUsers(t.db)).toBe(0);
  });

  it('an invalid phone number, a common password or an invisible control character is refused', async () => {
    expect(await registerUser(t.db, null, form({ phone: '12345' }), IP)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { phone: 'phoneInvalid' },
    });
    expect(await registerUser(t.db, null, form({ phone: '76123456', password: 'azerty123' }), IP)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { password: 'passwordCommon' },
    });
    expect(await registerUser(t.db, null, form({ phone: '76123456', displayName: 'Awa \u202eérocaT' }), IP)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { displayName: 'invalidCharacters' },
    });
    expect(countUsers(t.db)).toBe(0);
  });

  it('writes one "user.register" audit row, by the new person, without personal data', async () => {
    const r = await registerUser(t.db, null, form({ phone: '76123456', email: 'awa@exemple.ml' }), IP);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rows = auditRows(t.db, 'user.register');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: r.value.userId,
      subjectType: 'user',
      subjectId: r.value.userId,
      details: { communeId: t.communeId('nioro-du-sahel'), via: 'phone+email' },
    });
    const text = JSON.stringify(rows[0]);
    for (const secret of [PASSWORD, '76123456', 'awa@exemple.ml', 'Awa Traoré']) expect(text).not.toContain(secret);
  });

  it('a signed-in person cannot register another account', async () => {
    const someone = await addUser(t, { phone: '+22376000001' });
    const before = countUsers(t.db);
    const r = await registerUser(t.db, actorOf(t.db, someone.id), form({ phone: '76123456' }), IP);
    expect(r).toEqual({ ok: false, error: 'forbidden' });
    expect(countUsers(t.db)).toBe(before);
    expect(auditRows(t.db, 'user.register')).toHaveLength(0);
  });

  it('gender and birth year are optional: left empty or left out, they are stored as null', async () => {
    const empty = await registerUser(t.db, null, form({ phone: '76123456', gender: '', birthYear: '' }), IP);
    const withoutThem: Record<string, unknown> = form({ phone: '76123457' });
    delete withoutThem.gender;
    delete withoutThem.birthYear;
    const absent = await registerUser(t.db, null, withoutThem, IP);
    expect(empty.ok && absent.ok).toBe(true);
    if (!empty.ok || !absent.ok) return;
    expect(userRow(empty.value.userId)).toMatchObject({ gender: null, birthYear: null });
    expect(userRow(absent.value.userId)).toMatchObject({ gender: null, birthYear: null });
  });

  it('a connected space may register a room full of people, but not an endless stream from one address', async () => {
    for (let i = 0; i < LIMITS.registerPerIp.points; i++) await hit(t.db, 'registerPerIp', '10.0.0.9');
    const blocked = await registerUser(t.db, null, form({ phone: '76123456' }), { ip: '10.0.0.9' });
    expect(blocked.ok).toBe(false);
    if (blocked.ok) return;
    expect(blocked.error).toBe('rate_limited');
    expect(countUsers(t.db)).toBe(0);
    expect((await registerUser(t.db, null, form({ phone: '76123456' }), { ip: '10.0.0.10' })).ok).toBe(true);
  });

  it('if the audit row cannot be written, the account is not created either', async () => {
    t.db.$client.exec(
      `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
    );
    await expect(registerUser(t.db, null, form({ phone: '76123456' }), IP)).rejects.toThrow('audit unavailable');
    expect(countUsers(t.db)).toBe(0);
  });
});

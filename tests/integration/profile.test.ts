import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users, type User } from '@/db/schema';
import { updateProfile } from '@/lib/accounts/update-profile';
import { actorOf, addUser, auditRows, makeTestDb, TEST_PASSWORD, type TestDb } from '../helpers/db';

let t: TestDb;
let awa: User;
let moussa: User;
beforeEach(async () => {
  t = makeTestDb();
  awa = await addUser(t, {
    displayName: 'Awa Traoré',
    phone: '+22376123456',
    email: null,
    communeId: t.communeId('nioro-du-sahel'),
    gender: 'woman',
    birthYear: 2003,
    language: 'fr',
  });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', phone: '+22376000002', email: 'moussa@exemple.ml' });
});
afterEach(() => t.cleanup());

/** The profile form as Awa sees it now: every field, as strings. */
function form(overrides: Record<string, unknown> = {}) {
  return {
    displayName: 'Awa Traoré',
    phone: '+223 76 12 34 56',
    email: '',
    communeId: String(t.communeId('nioro-du-sahel')),
    gender: 'woman',
    birthYear: '2003',
    language: 'fr',
    ...overrides,
  };
}

const row = (id: number) => t.db.select().from(users).where(eq(users.id, id)).get()!;

describe('updating one’s profile', () => {
  it('changes the fields, and the audit row names the changed fields without their values', async () => {
    const r = await updateProfile(
      t.db,
      actorOf(t.db, awa.id),
      form({ currentSecret: TEST_PASSWORD, displayName: 'Awa T. Sissoko', email: 'Awa@Exemple.ml', communeId: String(t.communeId('gogui')), birthYear: '2002', language: 'bm' }),
    );
    // An e-mail added beside the phone that verified the account: it stays verified.
    expect(r).toEqual({ ok: true, value: { userId: awa.id, verificationLost: false } });
    expect(row(awa.id)).toMatchObject({
      displayName: 'Awa T. Sissoko',
      phone: '+22376123456',
      email: 'awa@exemple.ml',
      communeId: t.communeId('gogui'),
      gender: 'woman',
      birthYear: 2002,
      language: 'bm',
    });
    expect(row(awa.id).updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const audit = auditRows(t.db, 'user.update');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: awa.id, subjectType: 'user', subjectId: awa.id });
    expect(audit[0]!.details).toEqual({ changed: ['displayName', 'email', 'communeId', 'birthYear', 'language'] });
    const text = JSON.stringify(audit[0]);
    for (const value of ['Sissoko', 'exemple.ml', '2002', '"bm"', '76123456']) expect(text).not.toContain(value);
  });

  it('saving the form unchanged (phone typed differently) changes nothing and records no field', async () => {
    expect((await updateProfile(t.db, actorOf(t.db, awa.id), form({ phone: '76 12 34 56' }))).ok).toBe(true);
    expect(row(awa.id).phone).toBe('+22376123456');
    expect(auditRows(t.db, 'user.update')[0]?.details).toEqual({ changed: [] });
  });

  it('clearing gender and birth year stores them as null', async () => {
    expect((await updateProfile(t.db, actorOf(t.db, awa.id), form({ gender: '', birthYear: '' }))).ok).toBe(true);
    expect(row(awa.id)).toMatchObject({ gender: null, birthYear: null });
    expect(auditRows(t.db, 'user.update')[0]?.details).toEqual({ changed: ['gender', 'birthYear'] });
  });

  it('a phone number used by someone else is refused, and nothing changes', async () => {
    const r = await updateProfile(t.db, actorOf(t.db, awa.id), form({ phone: '76 00 00 02', displayName: 'Awa Nouveau', currentSecret: TEST_PASSWORD }));
    expect(r).toEqual({ ok: false, error: 'conflict', fieldErrors: { phone: 'phoneTaken' } });
    expect(row(awa.id)).toMatchObject({ phone: '+22376123456', displayName: 'Awa Traoré', updatedAt: null });
    expect(auditRows(t.db, 'user.update')).toEqual([]);
  });

  it('an email used by someone else is refused, whatever its case', async () => {
    const r = await updateProfile(t.db, actorOf(t.db, awa.id), form({ email: 'MOUSSA@exemple.ml', currentSecret: TEST_PASSWORD }));
    expect(r).toEqual({ ok: false, error: 'conflict', fieldErrors: { email: 'emailTaken' } });
    expect(row(awa.id).email).toBeNull();
    expect(row(moussa.id).email).toBe('moussa@exemple.ml');
  });

  it('removing both the phone number and the email is refused', async () => {
    expect(await updateProfile(t.db, actorOf(t.db, awa.id), form({ phone: '', email: '' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { phone: 'identifierRequired' },
    });
    expect(row(awa.id).phone).toBe('+22376123456');
  });

  it('a commune that does not exist is refused', async () => {
    expect(await updateProfile(t.db, actorOf(t.db, awa.id), form({ communeId: '9999' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { communeId: 'communeRequired' },
    });
  });

  it('the form cannot be used to lift a suspension or touch the session version', async () => {
    for (const extra of [{ suspendedUntil: '' }, { sessionVersion: 1 }, { passwordHash: 'x' }, { id: moussa.id }]) {
      expect(await updateProfile(t.db, actorOf(t.db, awa.id), form(extra))).toEqual({
        ok: false,
        error: 'invalid',
        fieldErrors: { _form: 'unknownField' },
      });
    }
    expect(auditRows(t.db, 'user.update')).toEqual([]);
  });

  it('a suspended person cannot update their profile', async () => {
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    t.db.update(users).set({ suspendedUntil: until }).where(eq(users.id, awa.id)).run();
    expect(await updateProfile(t.db, actorOf(t.db, awa.id), form({ displayName: 'Awa Nouveau' }))).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(row(awa.id)).toMatchObject({ displayName: 'Awa Traoré', suspendedUntil: until, updatedAt: null });
    expect(auditRows(t.db, 'user.update')).toEqual([]);
  });

  it('nobody signed in cannot update any profile', async () => {
    expect(await updateProfile(t.db, null, form({ displayName: 'Awa Nouveau' }))).toEqual({ ok: false, error: 'forbidden' });
    expect(row(awa.id).displayName).toBe('Awa Traoré');
  });

  it('a person updates their own profile only: Moussa’s form changes Moussa, never Awa', async () => {
    const r = await updateProfile(t.db, actorOf(t.db, moussa.id), form({ phone: '76000002', email: 'moussa@exemple.ml', displayName: 'Moussa D.' }));
    expect(r).toEqual({ ok: true, value: { userId: moussa.id, verificationLost: false } });
    expect(row(moussa.id).displayName).toBe('Moussa D.');
    expect(row(awa.id).displayName).toBe('Awa Traoré');
  });
});

describe('changing the phone or e-mail asks for the current password', () => {
  it('without it, or with a wrong one, nothing changes and the error is on the password field', async () => {
    const actor = actorOf(t.db, awa.id);
    expect(await updateProfile(t.db, actor, form({ phone: '76 55 44 33' }))).toEqual({ ok: false, error: 'invalid', fieldErrors: { currentSecret: 'currentSecretRequired' } });
    expect(await updateProfile(t.db, actor, form({ email: 'awa@exemple.ml', currentSecret: 'Sanu-ka-di-2025' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { currentSecret: 'currentSecretWrong' },
    });
    expect(row(awa.id)).toMatchObject({ phone: '+22376123456', email: null });
    expect(auditRows(t.db, 'user.update')).toHaveLength(0);
  });

  it('with the right one, the new number is saved; the account must then prove it (it was verified by the old one)', async () => {
    expect(await updateProfile(t.db, actorOf(t.db, awa.id), form({ phone: '76 55 44 33', currentSecret: TEST_PASSWORD }))).toEqual({
      ok: true,
      value: { userId: awa.id, verificationLost: true },
    });
    expect(row(awa.id)).toMatchObject({ phone: '+22376554433', verifiedAt: null, verifiedVia: null });
    expect(auditRows(t.db, 'user.unverify')).toHaveLength(1);
  });

  it('other fields change without it', async () => {
    expect((await updateProfile(t.db, actorOf(t.db, awa.id), form({ displayName: 'Awa T.', language: 'bm' }))).ok).toBe(true);
  });

  it('whether a number is already someone else’s is only said to whoever gave the right password', async () => {
    expect(await updateProfile(t.db, actorOf(t.db, awa.id), form({ phone: '76 00 00 02', currentSecret: 'Sanu-ka-di-2025' }))).toMatchObject({
      error: 'invalid',
      fieldErrors: { currentSecret: 'currentSecretWrong' },
    });
  });

  it('wrong passwords here count with the sign-in attempts: the fifth one is refused with a wait', async () => {
    const actor = actorOf(t.db, awa.id);
    for (let i = 0; i < 4; i++) expect(await updateProfile(t.db, actor, form({ phone: '76 55 44 33', currentSecret: `faux-${i}-mot-de-passe` }))).toMatchObject({ error: 'invalid' });
    expect(await updateProfile(t.db, actor, form({ phone: '76 55 44 33', currentSecret: 'faux-5-mot-de-passe' }))).toMatchObject({ error: 'rate_limited' });
    expect(await updateProfile(t.db, actor, form({ phone: '76 55 44 33', currentSecret: TEST_PASSWORD }))).toMatchObject({ error: 'rate_limited' });
    expect(row(awa.id).phone).toBe('+22376123456');
  });
});

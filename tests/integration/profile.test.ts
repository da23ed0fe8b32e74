import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users, type User } from '@/db/schema';
import { updateProfile } from '@/lib/accounts/update-profile';
import { actorOf, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';

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
  it('changes the fields, and the audit row names the changed fields without their values', () => {
    const r = updateProfile(
      t.db,
      actorOf(t.db, awa.id),
      form({ displayName: 'Awa T. Sissoko', email: 'Awa@Exemple.ml', communeId: String(t.communeId('gogui')), birthYear: '2002', language: 'bm' }),
    );
    expect(r).toEqual({ ok: true, value: { userId: awa.id } });
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

  it('saving the form unchanged (phone typed differently) changes nothing and records no field', () => {
    expect(updateProfile(t.db, actorOf(t.db, awa.id), form({ phone: '76 12 34 56' })).ok).toBe(true);
    expect(row(awa.id).phone).toBe('+22376123456');
    expect(auditRows(t.db, 'user.update')[0]?.details).toEqual({ changed: [] });
  });

  it('clearing gender and birth year stores them as null', () => {
    expect(updateProfile(t.db, actorOf(t.db, awa.id), form({ gender: '', birthYear: '' })).ok).toBe(true);
    expect(row(awa.id)).toMatchObject({ gender: null, birthYear: null });
    expect(auditRows(t.db, 'user.update')[0]?.details).toEqual({ changed: ['gender', 'birthYear'] });
  });

  it('a phone number used by someone else is refused, and nothing changes', () => {
    const r = updateProfile(t.db, actorOf(t.db, awa.id), form({ phone: '76 00 00 02', displayName: 'Awa Nouveau' }));
    expect(r).toEqual({ ok: false, error: 'conflict', fieldErrors: { phone: 'phoneTaken' } });
    expect(row(awa.id)).toMatchObject({ phone: '+22376123456', displayName: 'Awa Traoré', updatedAt: null });
    expect(auditRows(t.db, 'user.update')).toEqual([]);
  });

  it('an email used by someone else is refused, whatever its case', () => {
    const r = updateProfile(t.db, actorOf(t.db, awa.id), form({ email: 'MOUSSA@exemple.ml' }));
    expect(r).toEqual({ ok: false, error: 'conflict', fieldErrors: { email: 'emailTaken' } });
    expect(row(awa.id).email).toBeNull();
    expect(row(moussa.id).email).toBe('moussa@exemple.ml');
  });

  it('removing both the phone number and the email is refused', () => {
    expect(updateProfile(t.db, actorOf(t.db, awa.id), form({ phone: '', email: '' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { phone: 'identifierRequired' },
    });
    expect(row(awa.id).phone).toBe('+22376123456');
  });

  it('a commune that does not exist is refused', () => {
    expect(updateProfile(t.db, actorOf(t.db, awa.id), form({ communeId: '9999' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { communeId: 'communeRequired' },
    });
  });

  it('the form cannot be used to lift a suspension or touch the session version', () => {
    for (const extra of [{ suspendedUntil: '' }, { sessionVersion: 1 }, { passwordHash: 'x' }, { id: moussa.id }]) {
      expect(updateProfile(t.db, actorOf(t.db, awa.id), form(extra))).toEqual({
        ok: false,
        error: 'invalid',
        fieldErrors: { _form: 'unknownField' },
      });
    }
    expect(auditRows(t.db, 'user.update')).toEqual([]);
  });

  it('a suspended person cannot update their profile', () => {
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    t.db.update(users).set({ suspendedUntil: until }).where(eq(users.id, awa.id)).run();
    expect(updateProfile(t.db, actorOf(t.db, awa.id), form({ displayName: 'Awa Nouveau' }))).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(row(awa.id)).toMatchObject({ displayName: 'Awa Traoré', suspendedUntil: until, updatedAt: null });
    expect(auditRows(t.db, 'user.update')).toEqual([]);
  });

  it('nobody signed in cannot update any profile', () => {
    expect(updateProfile(t.db, null, form({ displayName: 'Awa Nouveau' }))).toEqual({ ok: false, error: 'forbidden' });
    expect(row(awa.id).displayName).toBe('Awa Traoré');
  });

  it('a person updates their own profile only: Moussa’s form changes Moussa, never Awa', () => {
    const r = updateProfile(t.db, actorOf(t.db, moussa.id), form({ phone: '76000002', email: 'moussa@exemple.ml', displayName: 'Moussa D.' }));
    expect(r).toEqual({ ok: true, value: { userId: moussa.id } });
    expect(row(moussa.id).displayName).toBe('Moussa D.');
    expect(row(awa.id).displayName).toBe('Awa Traoré');
  });
});

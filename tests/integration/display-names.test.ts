import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/accounts/register-user';
import { updateProfile } from '@/lib/accounts/update-profile';
import { actorOf, addUser, countUsers, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());

const form = (displayName: string) => ({
  displayName,
  phone: '76 55 44 33',
  email: '',
  password: 'Sanu-ka-di-2026',
  communeId: String(t.communeId('kayes')),
  gender: '',
  birthYear: '',
  language: 'fr',
});

describe('display names are public text, screened like the rest', () => {
  it('a name that is an insult, even disguised, is refused at registration and nothing is written', async () => {
    for (const name of ['C.O.N.N.A.R.D', 'Fils de pute', 'sale race']) {
      const r = await registerUser(t.db, null, form(name), { ip: '10.0.0.1' });
      expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { displayName: 'nameAbusive' } });
    }
    expect(countUsers(t.db)).toBe(0);
  });

  it('ordinary names pass, in any script', async () => {
    for (const [i, name] of ['Kɔnɔ Sangarɛ', 'Concombre Traoré', 'Scunthorpe Diallo'].entries()) {
      const r = await registerUser(t.db, null, { ...form(name), phone: `76 55 44 3${i}` }, { ip: '10.0.0.1' });
      expect(r.ok).toBe(true);
    }
  });

  it('a name cannot be changed into an insult on the profile page', async () => {
    const u = await addUser(t, { displayName: 'Awa', phone: '+22376554433' });
    const { password: _unused, ...profile } = form('konnard');
    void _unused;
    const r = await updateProfile(t.db, actorOf(t.db, u.id), { ...profile, phone: '+22376554433' });
    expect(r).toMatchObject({ ok: false, fieldErrors: { displayName: 'nameAbusive' } });
  });
});

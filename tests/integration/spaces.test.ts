import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSpaces } from '@/db/queries/geography';
import { facilitatorsOf, getSpaceBySlug } from '@/lib/spaces/queries';
import { residentsWhoTookPart } from '@/lib/stats/queries';
import { connectedSpaces, roleGrants, votes, type User } from '@/db/schema';
import { saveSpace } from '@/lib/spaces/save-space';
import { actorOf, addTopic, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let admin: User;
beforeEach(async () => {
  t = makeTestDb();
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
});
afterEach(() => t.cleanup());

const form = (fields: Record<string, string> = {}) => ({
  spaceId: '',
  name: 'Espace connecté de Diéma',
  communeId: String(t.communeId('kayes')),
  address: 'Près du marché',
  openingHours: 'Lun–Ven 9 h–17 h',
  ...fields,
});

describe('an admin manages connected spaces', () => {
  it('creates a space with a readable address, and the act is audited', () => {
    const result = saveSpace(t.db, actorOf(t.db, admin.id), form());
    expect(result).toEqual({ ok: true, value: { spaceId: expect.any(Number), slug: 'espace-connecte-de-diema' } });
    const space = getSpaceBySlug(t.db, 'espace-connecte-de-diema');
    expect(space).toMatchObject({ name: 'Espace connecté de Diéma', commune: 'Kayes', address: 'Près du marché', openingHours: 'Lun–Ven 9 h–17 h' });
    expect(auditRows(t.db, 'space.create')).toMatchObject([{ actorId: admin.id, subjectType: 'space', subjectId: space!.id }]);
  });

  it('two spaces with the same name get two addresses', () => {
    saveSpace(t.db, actorOf(t.db, admin.id), form());
    expect(saveSpace(t.db, actorOf(t.db, admin.id), form())).toMatchObject({ ok: true, value: { slug: 'espace-connecte-de-diema-2' } });
  });

  it('edits name, commune, address and hours; the address stays the same, and the change is audited with its before and after', () => {
    const id = t.spaceId('nioro');
    const result = saveSpace(t.db, actorOf(t.db, admin.id), form({ spaceId: String(id), name: 'Espace connecté Nioro centre', communeId: String(t.communeId('nioro-du-sahel')), openingHours: 'Tous les jours 8 h–20 h' }));
    expect(result).toEqual({ ok: true, value: { spaceId: id, slug: 'nioro' } });
    const row = t.db.select().from(connectedSpaces).where(eq(connectedSpaces.id, id)).get();
    expect(row).toMatchObject({ slug: 'nioro', name: 'Espace connecté Nioro centre', openingHours: 'Tous les jours 8 h–20 h', address: 'Près du marché' });
    const [audit] = auditRows(t.db, 'space.update');
    expect(audit).toMatchObject({ actorId: admin.id, subjectId: id, details: { before: { name: 'Espace connecté de Nioro' }, after: { name: 'Espace connecté Nioro centre' } } });
  });

  it('a citizen, a facilitator or a suspended admin cannot', async () => {
    const citizen = await addUser(t, { displayName: 'Citoyen' });
    const facilitator = await addUser(t, { displayName: 'Animatrice', grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
    const suspended = await addUser(t, { displayName: 'Admin suspendu', suspendedUntil: '2999-01-01T00:00:00.000Z', grants: [{ role: 'admin' }] });
    for (const u of [citizen, facilitator, suspended]) {
      expect(saveSpace(t.db, actorOf(t.db, u.id), form())).toEqual({ ok: false, error: 'forbidden' });
      expect(saveSpace(t.db, actorOf(t.db, u.id), form({ spaceId: String(t.spaceId('nioro')), name: 'Piraté' }))).toEqual({ ok: false, error: 'forbidden' });
    }
    expect(saveSpace(t.db, null, form())).toEqual({ ok: false, error: 'forbidden' });
    expect(listSpaces(t.db)).toHaveLength(3);
    expect(auditRows(t.db, 'space.create')).toEqual([]);
  });

  it('refuses a missing name or commune, field by field, and an unknown space', () => {
    expect(saveSpace(t.db, actorOf(t.db, admin.id), form({ name: ' ', communeId: '' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { name: 'required', communeId: 'communeRequired' },
    });
    expect(saveSpace(t.db, actorOf(t.db, admin.id), form({ communeId: '99999' }))).toEqual({ ok: false, error: 'invalid', fieldErrors: { communeId: 'communeRequired' } });
    expect(saveSpace(t.db, actorOf(t.db, admin.id), form({ spaceId: '99999' }))).toEqual({ ok: false, error: 'not_found' });
  });
});

describe('a space page', () => {
  it('lists its current facilitators, not those whose role was revoked or who facilitate elsewhere', async () => {
    const nioro = t.spaceId('nioro');
    const fanta = await addUser(t, { displayName: 'Fanta Sissoko', grants: [{ role: 'facilitator', spaceId: nioro }] });
    const former = await addUser(t, { displayName: 'Ancienne animatrice', grants: [{ role: 'facilitator', spaceId: nioro }] });
    await addUser(t, { displayName: 'Animateur de Kayes', grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
    t.db.update(roleGrants).set({ revokedAt: '2027-01-01T00:00:00.000Z' }).where(eq(roleGrants.userId, former.id)).run();
    expect(facilitatorsOf(t.db, nioro)).toEqual([{ id: fanta.id, displayName: 'Fanta Sissoko' }]);
  });

  it('counts the residents of its commune who took part', async () => {
    const kayes = t.communeId('kayes');
    const topic = addTopic(t, { authorId: admin.id, communeId: t.communeId('nioro-du-sahel') }).id;
    for (let i = 0; i < 6; i++) {
      const u = await addUser(t, { displayName: `Habitant ${i}`, communeId: i < 4 ? kayes : t.communeId('yelimane') });
      t.db.insert(votes).values({ topicId: topic, userId: u.id, choice: 'for' }).run();
    }
    expect(residentsWhoTookPart(t.db, kayes)).toBe(4);
    expect(residentsWhoTookPart(t.db, t.communeId('yelimane'))).toBe(2);
  });
});

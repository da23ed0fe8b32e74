import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { votes, type User } from '@/db/schema';
import { markSharedDevice } from '@/lib/shared-devices/mark-device';
import { sharedDevicePage, spaceAdminView, spaceListPage, spaceMetadata, spacePage } from '@/lib/spaces/views';
import type { ViewContext } from '@/lib/view-context';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../../helpers/db';

/**
 * What each reader sees of the connected spaces: anonymous visitors, a citizen, the space's facilitator
 * and another space's, an official of the space's commune and one of another, a moderator, an admin.
 */

const NOW = new Date('2027-03-10T09:00:00.000Z');
let t: TestDb;
let nioro: number;
let nioroSpace: number;
let fanta: User, kadia: User, maire: User, kayesOfficial: User, moderator: User, admin: User, awa: User;

const as = (u: User) => actorOf(t.db, u.id);
const ctx = (u: User | null): ViewContext => ({ db: t.db, actor: u ? as(u) : null, now: NOW });

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  nioroSpace = t.spaceId('nioro');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
  kadia = await addUser(t, { displayName: 'Kadia Sow', grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
  maire = await addUser(t, { displayName: 'Maire de Nioro', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  kayesOfficial = await addUser(t, { displayName: 'Maire de Kayes', grants: [{ role: 'official', communeId: t.communeId('kayes'), title: 'Maire' }] });
  moderator = await addUser(t, { displayName: 'Modératrice', grants: [{ role: 'moderator', communeId: null }] });
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
});
afterEach(() => t.cleanup());

describe('the connected spaces, as each reader sees them', () => {
  it('the list and a space page are public; its facilitators are named, and an unknown address is not found', () => {
    expect(spaceListPage(ctx(null)).spaces.map((s) => s.slug)).toEqual(expect.arrayContaining(['nioro', 'kayes-ville', 'yelimane']));
    const v = spacePage(ctx(null), { slug: 'nioro' })!;
    expect(v).toMatchObject({ space: { slug: 'nioro', communeId: nioro }, facilitators: [{ displayName: 'Fanta Sissoko' }], meetings: [], maySchedule: false, mayManageDevices: false });
    expect(spacePage(ctx(null), { slug: 'nowhere' })).toBeNull();
    expect(spacePage(ctx(null), { slug: '../etc' })).toBeNull();
    expect(spaceMetadata(ctx(null), { slug: 'nioro' })).toEqual({ name: v.space.name });
  });

  it('who may schedule a meeting there, and who manages its shared computers', () => {
    const at = (u: User) => spacePage(ctx(u), { slug: 'nioro' })!;
    expect(at(fanta)).toMatchObject({ maySchedule: true, mayManageDevices: true });
    expect(at(admin)).toMatchObject({ maySchedule: true, mayManageDevices: true });
    expect(at(maire)).toMatchObject({ maySchedule: true, mayManageDevices: false });
    for (const u of [awa, kadia, kayesOfficial, moderator]) expect(at(u)).toMatchObject({ maySchedule: false, mayManageDevices: false });
  });

  it('the residents who took part are counted only from 5 people', async () => {
    const topicId = addTopic(t, { authorId: maire.id, communeId: nioro }).id;
    const voters: User[] = [];
    for (let i = 0; i < 5; i++) voters.push(await addUser(t, { displayName: `Votant ${i}`, communeId: nioro }));
    for (const u of voters.slice(0, 4)) t.db.insert(votes).values({ topicId, userId: u.id, choice: 'for' }).run();
    expect(spacePage(ctx(null), { slug: 'nioro' })!.residentsShown).toBeNull();
    t.db.insert(votes).values({ topicId, userId: voters[4]!.id, choice: 'for' }).run();
    expect(spacePage(ctx(null), { slug: 'nioro' })!.residentsShown).toBe(5);
  });

  it('the shared-computers page: sign in first; the space’s facilitators and admins only; this browser’s mark as it stands', () => {
    const device = (u: User | null, token: string | null = null) => sharedDevicePage(ctx(u), { slug: 'nioro', deviceToken: token });
    expect(device(null)).toEqual({ refused: 'signIn' });
    for (const u of [awa, kadia, maire, moderator]) expect(device(u)).toEqual({ refused: 'forbidden' });
    expect(device(fanta)).toMatchObject({ thisBrowser: { marked: false }, devices: [] });
    expect(sharedDevicePage(ctx(fanta), { slug: 'nowhere', deviceToken: null })).toBeNull();

    const marked = markSharedDevice(t.db, as(fanta), { spaceId: String(nioroSpace), label: 'Poste 2' }, { now: NOW });
    if (!marked.ok) throw new Error('not marked');
    expect(device(fanta, marked.value.token)).toMatchObject({
      thisBrowser: { marked: true, here: true, deviceId: marked.value.deviceId, label: 'Poste 2' },
      devices: [{ id: marked.value.deviceId, label: 'Poste 2', markedBy: 'Fanta Sissoko', openSessions: 0 }],
    });
    // The same browser seen from another space's page: marked elsewhere.
    expect(sharedDevicePage(ctx(admin), { slug: 'kayes-ville', deviceToken: marked.value.token })).toMatchObject({ thisBrowser: { marked: true, here: false } });
    expect(device(admin, 'not-a-token')).toMatchObject({ thisBrowser: { marked: false } });
  });

  it('the admins’ list of spaces, with the one saved and the one being edited', () => {
    expect(spaceAdminView(ctx(admin), { saved: 'nioro', editing: 'yelimane' })).toMatchObject({ saved: { slug: 'nioro' }, editing: { slug: 'yelimane' } });
    expect(spaceAdminView(ctx(admin), {})).toMatchObject({ saved: null, editing: null });
    for (const u of [null, fanta, maire, moderator]) expect(spaceAdminView(ctx(u), { editing: 'nioro' })).toBeNull();
  });
});

import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projects, topics, type User } from '@/db/schema';
import { publishMinutes } from '@/lib/meetings/publish-minutes';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { editMeetingPage, meetingListPage, meetingPage, meetingsSection, minutesPage, newMeetingPage } from '@/lib/meetings/views';
import type { ViewContext } from '@/lib/view-context';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../../helpers/db';

/**
 * What each reader sees of the same meetings: an anonymous visitor, a citizen (registered or not), the
 * space's facilitator, an official of the space's commune and one of another commune, a moderator and
 * an admin; with a meeting about a topic later held back, and one about a project.
 */

const BEFORE = new Date('2027-03-10T09:00:00.000Z');
const STARTS = '2027-03-20T15:00';
const AFTER = new Date('2027-03-20T17:00:00.000Z');

let t: TestDb;
let nioro: number;
let nioroSpace: number;
let fanta: User, maire: User, kayesOfficial: User, moderator: User, admin: User, awa: User, moussa: User;
let topicId: number;
let projectId: number;
let aboutTopic: number;
let aboutProject: number;

const as = (u: User) => actorOf(t.db, u.id);
const ctx = (u: User | null, now = BEFORE): ViewContext => ({ db: t.db, actor: u ? as(u) : null, now });
const must = <T,>(r: { ok: boolean; value?: T }, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r)}`);
  return r.value as T;
};

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  const kayes = t.communeId('kayes');
  nioroSpace = t.spaceId('nioro');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
  maire = await addUser(t, { displayName: 'Maire de Nioro', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  kayesOfficial = await addUser(t, { displayName: 'Maire de Kayes', grants: [{ role: 'official', communeId: kayes, title: 'Maire' }] });
  moderator = await addUser(t, { displayName: 'Modératrice', grants: [{ role: 'moderator', communeId: null }] });
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: nioro });
  topicId = addTopic(t, { authorId: maire.id, communeId: nioro, title: 'Forage du quartier Tata' }).id;
  projectId = t.db
    .insert(projects)
    .values({ communeId: nioro, authorId: awa.id, title: 'Moulin solaire', problem: 'p', solution: 's', sector: 'women', location: 'Nioro', beneficiaries: ['women'], status: 'collecting' })
    .returning({ id: projects.id })
    .get().id;
  const form = (fields: Record<string, string>) => ({
    spaceId: String(nioroSpace),
    title: 'Débat sur le forage de Tata',
    startsAt: STARTS,
    place: 'Salle de l’espace connecté',
    agenda: '1. Présentation\n2. Questions des habitantes',
    topicId: '',
    projectId: '',
    ...fields,
  });
  aboutTopic = must(scheduleMeeting(t.db, as(fanta), form({ topicId: String(topicId) }), BEFORE), 'schedule').meetingId;
  aboutProject = must(scheduleMeeting(t.db, as(maire), form({ projectId: String(projectId), title: 'Débat sur le moulin' }), BEFORE), 'schedule').meetingId;
  must(registerForMeeting(t.db, as(awa), { meetingId: String(aboutTopic), intent: 'register' }, BEFORE), 'register');
});
afterEach(() => t.cleanup());

const page = (u: User | null, id: number, now = BEFORE, sp = {}) => meetingPage(ctx(u, now), { id: String(id), sp })!;

describe('a meeting page, as each reader sees it', () => {
  it('anonymous visitors see it and are asked to sign in to register; nobody but those who run it may change it', () => {
    const v = page(null, aboutTopic);
    expect(v).toMatchObject({
      meeting: { title: 'Débat sur le forage de Tata', registrationCount: 1 },
      space: { slug: 'nioro' },
      organiser: 'Fanta Sissoko',
      about: { kind: 'topic', id: topicId, title: 'Forage du quartier Tata' },
      started: false,
      cancelled: false,
      registration: { signedIn: false, registered: false },
      mayEdit: false,
      mayPublishMinutes: false,
    });
    for (const u of [awa, moussa, kayesOfficial, moderator]) expect(page(u, aboutTopic)).toMatchObject({ mayEdit: false, mayPublishMinutes: false });
    for (const u of [fanta, maire, admin]) expect(page(u, aboutTopic)).toMatchObject({ mayEdit: true, mayPublishMinutes: false });
  });

  it('a citizen sees whether they are registered', () => {
    expect(page(awa, aboutTopic).registration).toEqual({ signedIn: true, registered: true });
    expect(page(moussa, aboutTopic).registration).toEqual({ signedIn: true, registered: false });
  });

  it('once started, those who run it may publish minutes; the attendance is shown only as the small-group rule allows', () => {
    expect(page(fanta, aboutTopic, AFTER)).toMatchObject({ started: true, mayEdit: false, mayPublishMinutes: true });
    expect(page(kayesOfficial, aboutTopic, AFTER).mayPublishMinutes).toBe(false);
    must(publishMinutes(t.db, as(fanta), { meetingId: String(aboutTopic), minutes: 'Les habitantes demandent un comité de gestion.', att_woman_15_24: '3' }, AFTER), 'minutes');
    const v = page(null, aboutTopic, AFTER);
    expect(v.meeting.minutes).toBe('Les habitantes demandent un comité de gestion.');
    expect(v.attendance.total).toBe('few');
    expect(v.attendance.byGender.withheld).toBe(true);
  });

  it('what a meeting is about is named only while the public may see it', () => {
    expect(page(null, aboutProject).about).toEqual({ kind: 'project', id: projectId, title: 'Moulin solaire' });
    t.db.update(projects).set({ visibility: 'held' }).where(eq(projects.id, projectId)).run();
    t.db.update(topics).set({ visibility: 'hidden' }).where(eq(topics.id, topicId)).run();
    for (const u of [null, awa, maire, moderator]) {
      expect(page(u, aboutProject).about).toBeNull();
      expect(page(u, aboutTopic).about).toBeNull();
    }
  });

  it('reads its notice and error from the address; an unknown meeting is not found', () => {
    expect(page(awa, aboutTopic, BEFORE, { registered: '1', error: 'forbidden' })).toMatchObject({ notice: 'registered', error: 'forbidden' });
    expect(page(awa, aboutTopic, BEFORE, { error: 'whatever' }).error).toBe('invalid');
    expect(meetingPage(ctx(awa), { id: '999999' })).toBeNull();
    expect(meetingPage(ctx(awa), { id: 'x' })).toBeNull();
  });
});

describe('the other meeting pages', () => {
  it('the list shows upcoming and past meetings to everyone; the "new" link only to those who run some', () => {
    const before = meetingListPage(ctx(null), {});
    expect(before.upcoming.map((m) => m.id).sort()).toEqual([aboutTopic, aboutProject].sort());
    expect(before.past).toEqual([]);
    expect(before.upcoming.every((m) => !m.past)).toBe(true);
    const after = meetingListPage(ctx(null, AFTER), {});
    expect(after.past.map((m) => m.id).sort()).toEqual([aboutTopic, aboutProject].sort());
    expect(meetingListPage(ctx(null), { commune: String(t.communeId('kayes')) }).upcoming).toEqual([]);
    for (const u of [null, awa, moderator]) expect(meetingListPage(ctx(u), {}).maySchedule).toBe(false);
    for (const u of [fanta, maire, kayesOfficial, admin]) expect(meetingListPage(ctx(u), {}).maySchedule).toBe(true);
  });

  it('a topic or project page lists its meetings with the attendance as the public may see it', () => {
    expect(meetingsSection(ctx(null), { topicId })).toMatchObject({ noAttendance: true, meetings: [{ id: aboutTopic }] });
    expect(meetingsSection(ctx(null), { projectId })).toMatchObject({ meetings: [{ id: aboutProject }] });
    expect(meetingsSection(ctx(null), { topicId: topicId + 1000 })).toBeNull();
  });

  it('scheduling: a space to choose, then the form; refused to those who run no meeting', () => {
    expect(newMeetingPage(ctx(null), {})).toEqual({ refused: 'signIn' });
    for (const u of [awa, moderator]) expect(newMeetingPage(ctx(u), {})).toEqual({ refused: 'forbidden' });
    expect(newMeetingPage(ctx(fanta), { topic: String(topicId) })).toMatchObject({ step: 'form', space: { id: nioroSpace }, defaults: { topicId } });
    const choose = newMeetingPage(ctx(admin), { project: String(projectId) });
    expect(choose).toMatchObject({ step: 'chooseSpace', carry: `project=${projectId}` });
    const form = newMeetingPage(ctx(admin), { space: 'nioro' });
    expect(form).toMatchObject({ step: 'form', subjects: { topics: [{ id: topicId }], projects: [{ id: projectId }] } });
  });

  it('changing a meeting and writing its minutes are for those who run it, at the right time', () => {
    expect(editMeetingPage(ctx(null), { id: String(aboutTopic) })).toEqual({ refused: 'signIn' });
    expect(editMeetingPage(ctx(kayesOfficial), { id: String(aboutTopic) })).toEqual({ refused: 'forbidden' });
    expect(editMeetingPage(ctx(maire), { id: String(aboutTopic) })).toMatchObject({ meeting: { id: aboutTopic, topicId }, space: { id: nioroSpace } });
    expect(editMeetingPage(ctx(maire, AFTER), { id: String(aboutTopic) })).toEqual({ refused: 'forbidden' });
    expect(minutesPage(ctx(fanta), { id: String(aboutTopic) })).toEqual({ refused: 'forbidden' });
    expect(minutesPage(ctx(fanta, AFTER), { id: String(aboutTopic) })).toMatchObject({ meetingId: aboutTopic, minutes: null, attendance: [] });
    expect(minutesPage(ctx(moderator, AFTER), { id: String(aboutTopic) })).toEqual({ refused: 'forbidden' });
    expect(minutesPage(ctx(fanta, AFTER), { id: '999999' })).toBeNull();
  });
});

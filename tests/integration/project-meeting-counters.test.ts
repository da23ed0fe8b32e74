import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingRegistrations, projectSupports, type User } from '@/db/schema';
import { cancelMeeting } from '@/lib/meetings/cancel-meeting';
import { publishMinutes } from '@/lib/meetings/publish-minutes';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { updateMeeting } from '@/lib/meetings/update-meeting';
import { answerProject } from '@/lib/projects/answer-project';
import { saveProject } from '@/lib/projects/save-project';
import { supportProject } from '@/lib/projects/support-project';
import { sweepProjects } from '@/lib/projects/sweep';
import { withdrawProject } from '@/lib/projects/withdraw-project';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../helpers/db';
import { projectForm, setProjectRules } from '../helpers/projects';

/**
 * One way to keep counters: projects.support_count and meetings.registration_count are kept by triggers
 * (migration 0016) and nothing else. After every use case that touches supports or registrations, each
 * counter equals its rows.
 */

const T0 = new Date('2027-05-01T10:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
let t: TestDb;
let admin: User, mariam: User, fanta: User, awa: User;
let people: User[];

const as = (u: User) => actorOf(t.db, u.id);

/** Every project's and meeting's counter against a count of its rows (none may differ). */
function countersAgree() {
  const projectsOff = t.db.all<{ id: number }>(
    sql`SELECT p.id FROM projects p WHERE p.support_count <> (SELECT count(*) FROM project_supports s WHERE s.project_id = p.id)`,
  );
  const meetingsOff = t.db.all<{ id: number }>(
    sql`SELECT m.id FROM meetings m WHERE m.registration_count <> (SELECT count(*) FROM meeting_registrations r WHERE r.meeting_id = m.id)`,
  );
  expect({ projectsOff, meetingsOff }).toEqual({ projectsOff: [], meetingsOff: [] });
}

beforeEach(async () => {
  t = makeTestDb();
  const kayes = t.communeId('kayes');
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire' }] });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  people = [];
  for (let i = 0; i < 6; i++) people.push(await addUser(t, { displayName: `Habitant ${i}` }));
  setProjectRules(t, admin.id, kayes, 4, 30);
});
afterEach(() => t.cleanup());

describe('counters equal their rows after every use case', () => {
  it('project supports: given, given twice, taken back, to the threshold, after an answer, a withdrawal and an expiry', () => {
    const kayes = t.communeId('kayes');
    const ok = (r: { ok: boolean }) => {
      expect(r.ok).toBe(true);
      countersAgree();
    };
    const a = saveProject(t.db, as(awa), projectForm(kayes), T0);
    const b = saveProject(t.db, as(awa), projectForm(kayes, { title: 'Deuxième projet du quartier' }), T0);
    const c = saveProject(t.db, as(awa), projectForm(kayes, { title: 'Troisième projet du quartier' }), T0);
    if (!a.ok || !b.ok || !c.ok) throw new Error('proposals refused');
    countersAgree();
    const support = (u: User, id: number, intent: 'add' | 'remove', now = days(1)) => supportProject(t.db, as(u), { projectId: String(id), intent }, now);
    ok(support(people[0]!, a.value.projectId, 'add'));
    ok(support(people[0]!, a.value.projectId, 'add'));
    ok(support(people[0]!, a.value.projectId, 'remove'));
    ok(support(people[0]!, a.value.projectId, 'remove'));
    for (const u of people.slice(0, 4)) ok(support(u, a.value.projectId, 'add'));
    // Past the threshold: nobody supports any more, and nothing moves.
    expect(support(people[4]!, a.value.projectId, 'add').ok).toBe(false);
    countersAgree();
    ok(answerProject(t.db, as(mariam), { projectId: String(a.value.projectId), status: 'accepted', answer: 'La commune finance ce projet.' }, days(2)));
    for (const u of people.slice(0, 2)) ok(support(u, b.value.projectId, 'add'));
    ok(withdrawProject(t.db, as(awa), { projectId: String(b.value.projectId) }, days(3)));
    ok(support(people[5]!, c.value.projectId, 'add'));
    sweepProjects(t.db, days(40));
    countersAgree();
    expect(support(people[4]!, c.value.projectId, 'add', days(41)).ok).toBe(false);
    countersAgree();
    // Whatever writes the rows (a repair by hand, a script), the counters follow.
    t.db.delete(projectSupports).where(and(eq(projectSupports.projectId, a.value.projectId), eq(projectSupports.userId, people[0]!.id))).run();
    countersAgree();
  });

  it('meeting registrations: registered, twice, taken back, after changes, a cancellation and the minutes', () => {
    const kayes = t.communeId('kayes');
    const topicId = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
    const before = new Date('2027-03-10T09:00:00.000Z');
    const after = new Date('2027-03-20T17:00:00.000Z');
    const form = { spaceId: String(t.spaceId('kayes-ville')), title: 'Débat sur le forage', startsAt: '2027-03-20T15:00', place: 'Espace connecté', agenda: 'Présentation et questions', topicId: String(topicId), projectId: '' };
    const m1 = scheduleMeeting(t.db, as(fanta), form, before);
    const m2 = scheduleMeeting(t.db, as(fanta), { ...form, title: 'Deuxième débat' }, before);
    if (!m1.ok || !m2.ok) throw new Error('not scheduled');
    countersAgree();
    const register = (u: User, id: number, intent: 'register' | 'unregister', now = before) => registerForMeeting(t.db, as(u), { meetingId: String(id), intent }, now);
    for (const u of people.slice(0, 3)) register(u, m1.value.meetingId, 'register');
    countersAgree();
    register(people[0]!, m1.value.meetingId, 'register');
    register(people[3]!, m1.value.meetingId, 'unregister');
    register(people[1]!, m1.value.meetingId, 'unregister');
    countersAgree();
    const edit = Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'spaceId'));
    expect(updateMeeting(t.db, as(fanta), { ...edit, meetingId: String(m1.value.meetingId), title: 'Débat sur le forage (salle 2)' }, before).ok).toBe(true);
    countersAgree();
    register(people[4]!, m2.value.meetingId, 'register');
    expect(cancelMeeting(t.db, as(fanta), { meetingId: String(m2.value.meetingId) }, before).ok).toBe(true);
    countersAgree();
    register(people[4]!, m2.value.meetingId, 'unregister');
    countersAgree();
    expect(publishMinutes(t.db, as(fanta), { meetingId: String(m1.value.meetingId), minutes: 'Compte rendu du débat.' }, after).ok).toBe(true);
    expect(register(people[5]!, m1.value.meetingId, 'register', after).ok).toBe(false);
    countersAgree();
    t.db.delete(meetingRegistrations).where(eq(meetingRegistrations.meetingId, m1.value.meetingId)).run();
    countersAgree();
  });
});

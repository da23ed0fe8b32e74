import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingAttendance, meetingRegistrations, meetings, projects, type User } from '@/db/schema';
import { publicAttendance } from '@/lib/meetings/attendance';
import { cancelMeeting } from '@/lib/meetings/cancel-meeting';
import { publishMinutes } from '@/lib/meetings/publish-minutes';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { updateMeeting } from '@/lib/meetings/update-meeting';
import { atOnce } from '../helpers/at-once';
import { actorOf, addTopic, addUser, auditRows, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

const NOW = new Date('2027-03-10T09:00:00.000Z');
const STARTS = '2027-03-20T15:00';
const AFTER = new Date('2027-03-20T17:00:00.000Z');

let t: TestDb;
let nioroSpace: number;
let kayesSpace: number;
let fanta: User;
let maire: User;
let awa: User;
let topicNioro: number;
let topicKayes: number;
let projectNioro: number;

beforeEach(async () => {
  t = makeTestDb();
  nioroSpace = t.spaceId('nioro');
  kayesSpace = t.spaceId('kayes-ville');
  const nioro = t.communeId('nioro-du-sahel');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
  maire = await addUser(t, { displayName: 'Maire de Nioro', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  topicNioro = addTopic(t, { authorId: maire.id, communeId: nioro, title: 'Forage du quartier Tata' }).id;
  topicKayes = addTopic(t, { authorId: maire.id, communeId: t.communeId('kayes'), title: 'Budget de Kayes' }).id;
  projectNioro = t.db
    .insert(projects)
    .values({ communeId: nioro, authorId: awa.id, title: 'Moulin solaire', problem: 'p', solution: 's', sector: 'women', location: 'Nioro', beneficiaries: ['women'], status: 'collecting' })
    .returning({ id: projects.id })
    .get().id;
});
afterEach(() => t.cleanup());

const form = (fields: Record<string, string> = {}) => ({
  spaceId: String(nioroSpace),
  title: 'Débat sur le forage de Tata',
  startsAt: STARTS,
  place: 'Salle de l’espace connecté, près de la mairie',
  agenda: '1. Présentation du projet\n2. Questions des habitantes\n3. Gestion du point d’eau',
  topicId: String(topicNioro),
  projectId: '',
  ...fields,
});

/** The edit form: the same fields, for an existing meeting (its space does not change). */
function editForm(id: number, fields: Record<string, string> = {}) {
  return { ...Object.fromEntries(Object.entries(form(fields)).filter(([k]) => k !== 'spaceId')), meetingId: String(id) };
}

function schedule(by: User = fanta, fields: Record<string, string> = {}) {
  const r = scheduleMeeting(t.db, actorOf(t.db, by.id), form(fields), NOW);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.meetingId;
}

const meeting = (id: number) => t.db.select().from(meetings).where(eq(meetings.id, id)).get()!;
const registrationRows = (id: number) => t.db.select().from(meetingRegistrations).where(eq(meetingRegistrations.meetingId, id)).all().length;
const register = (who: User | null, id: number, intent: 'register' | 'unregister' = 'register', at = NOW) =>
  registerForMeeting(t.db, who ? actorOf(t.db, who.id) : null, { meetingId: String(id), intent }, at);

/** The attendance grid as the form sends it: every box, empty ones as "". */
function minutesForm(id: number, cells: Record<string, string>, minutes = 'Les habitantes veulent un comité de gestion du forage.') {
  const genders = ['woman', 'man', 'unspecified'];
  const bands = ['15_24', '25_35', '36plus', 'unknown'];
  const grid = Object.fromEntries(genders.flatMap((g) => bands.map((b) => [`att_${g}_${b}`, ''])));
  return { meetingId: String(id), minutes, ...grid, ...cells };
}

describe('scheduling a public meeting', () => {
  it('a facilitator of the space, an official of its commune and an admin may; it is audited', async () => {
    const admin = await addUser(t, { displayName: 'Admin', grants: [{ role: 'admin' }] });
    for (const who of [fanta, maire, admin]) {
      const r = scheduleMeeting(t.db, actorOf(t.db, who.id), form({ title: `Débat de ${who.displayName}` }), NOW);
      expect(r).toMatchObject({ ok: true, value: { topicId: topicNioro, projectId: null } });
    }
    const first = meeting(schedule(fanta, { title: 'Encore un débat sur Tata' }));
    expect(first).toMatchObject({ spaceId: nioroSpace, topicId: topicNioro, startsAt: '2027-03-20T15:00:00.000Z', createdBy: fanta.id, registrationCount: 0, cancelledAt: null, minutes: null });
    expect(auditRows(t.db, 'meeting.create')).toHaveLength(4);
    expect(auditRows(t.db, 'meeting.create')[0]).toMatchObject({ actorId: fanta.id, subjectType: 'meeting', details: { spaceId: nioroSpace, topicId: topicNioro } });
  });

  it('a citizen, an official of another commune or a facilitator of another space may not', async () => {
    const officialKayes = await addUser(t, { displayName: 'Maire de Kayes', grants: [{ role: 'official', communeId: t.communeId('kayes'), title: 'Maire' }] });
    const suspended = await addUser(t, { displayName: 'Suspendue', suspendedUntil: '2099-01-01T00:00:00.000Z', grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
    for (const who of [awa, officialKayes, suspended]) {
      expect(scheduleMeeting(t.db, actorOf(t.db, who.id), form(), NOW)).toEqual({ ok: false, error: 'forbidden' });
    }
    expect(scheduleMeeting(t.db, null, form(), NOW)).toEqual({ ok: false, error: 'forbidden' });
    expect(scheduleMeeting(t.db, actorOf(t.db, fanta.id), form({ spaceId: String(kayesSpace), topicId: '' }), NOW)).toEqual({ ok: false, error: 'forbidden' });
    expect(scheduleMeeting(t.db, actorOf(t.db, fanta.id), form({ spaceId: '99999' }), NOW)).toEqual({ ok: false, error: 'not_found' });
    expect(t.db.select().from(meetings).all()).toHaveLength(0);
  });

  it('refuses a date in the past, a topic or project of another commune or not public, and both at once', () => {
    const fa = actorOf(t.db, fanta.id);
    const draft = addTopic(t, { authorId: maire.id, communeId: t.communeId('nioro-du-sahel'), phase: 'draft', title: 'Brouillon' }).id;
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ startsAt: '2027-03-10T08:59' }, { startsAt: 'meetingInPast' }],
      [{ startsAt: 'demain' }, { startsAt: 'dateInvalid' }],
      [{ startsAt: '' }, { startsAt: 'required' }],
      [{ topicId: String(topicKayes) }, { topicId: 'meetingSubjectInvalid' }],
      [{ topicId: String(draft) }, { topicId: 'meetingSubjectInvalid' }],
      [{ topicId: '99999' }, { topicId: 'meetingSubjectInvalid' }],
      [{ topicId: String(topicNioro), projectId: String(projectNioro) }, { projectId: 'meetingOneSubject' }],
      [{ topicId: 'abc' }, { topicId: 'invalid' }],
      [{ title: '  ' }, { title: 'required' }],
      [{ agenda: 'court' }, { agenda: 'tooShort' }],
    ];
    for (const [fields, errors] of cases) {
      expect(scheduleMeeting(t.db, fa, form(fields), NOW), JSON.stringify(fields)).toEqual({ ok: false, error: 'invalid', fieldErrors: errors });
    }
    expect(scheduleMeeting(t.db, fa, { ...form(), extra: '1' }, NOW)).toMatchObject({ ok: false, error: 'invalid' });
    expect(scheduleMeeting(t.db, fa, form({ topicId: '', projectId: String(projectNioro) }), NOW)).toMatchObject({ ok: true, value: { projectId: projectNioro } });
    expect(scheduleMeeting(t.db, fa, form({ topicId: '' }), NOW)).toMatchObject({ ok: true, value: { topicId: null, projectId: null } });
  });

  it('is screened like any publication: an insult is refused, nothing written', () => {
    const r = scheduleMeeting(t.db, actorOf(t.db, fanta.id), form({ agenda: 'Ordre du jour : le maire est un connard' }), NOW);
    expect(r).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    expect(t.db.select().from(meetings).all()).toHaveLength(0);
  });
});

describe('changing and cancelling', () => {
  it('those who run it change it before it starts; the change is audited with the version before', () => {
    const id = schedule();
    const r = updateMeeting(t.db, actorOf(t.db, maire.id), editForm(id, { title: 'Débat sur le forage de Tata (nouvelle date)', startsAt: '2027-03-21T10:00' }), NOW);
    expect(r).toEqual({ ok: true, value: { meetingId: id, topicIds: [topicNioro], projectIds: [] } });
    expect(meeting(id)).toMatchObject({ title: 'Débat sur le forage de Tata (nouvelle date)', startsAt: '2027-03-21T10:00:00.000Z' });
    expect(auditRows(t.db, 'meeting.update')).toMatchObject([{ actorId: maire.id, details: { before: { startsAt: '2027-03-20T15:00:00.000Z' }, after: { startsAt: '2027-03-21T10:00:00.000Z' } } }]);
    const edit = (fields: Record<string, string>, at: Date, who = fanta) =>
      updateMeeting(t.db, actorOf(t.db, who.id), editForm(id, fields), at);
    expect(edit({ startsAt: '2027-03-09T10:00' }, NOW)).toEqual({ ok: false, error: 'invalid', fieldErrors: { startsAt: 'meetingInPast' } });
    expect(edit({}, NOW, awa)).toEqual({ ok: false, error: 'forbidden' });
    expect(edit({ startsAt: '2027-04-01T10:00' }, new Date('2027-03-21T10:00:00.000Z'))).toEqual({ ok: false, error: 'forbidden' });
  });

  it('cancelling keeps the meeting, shown as cancelled; then nobody registers and it cannot be changed', () => {
    const id = schedule();
    expect(register(awa, id).ok).toBe(true);
    expect(cancelMeeting(t.db, actorOf(t.db, awa.id), { meetingId: String(id) }, NOW)).toEqual({ ok: false, error: 'forbidden' });
    expect(cancelMeeting(t.db, actorOf(t.db, fanta.id), { meetingId: String(id) }, NOW)).toEqual({ ok: true, value: { meetingId: id, topicId: topicNioro, projectId: null } });
    expect(meeting(id)).toMatchObject({ cancelledAt: NOW.toISOString(), title: 'Débat sur le forage de Tata', registrationCount: 1 });
    expect(auditRows(t.db, 'meeting.cancel')).toMatchObject([{ actorId: fanta.id, subjectId: id, details: { registrations: 1 } }]);
    expect(cancelMeeting(t.db, actorOf(t.db, fanta.id), { meetingId: String(id) }, NOW)).toEqual({ ok: false, error: 'forbidden' });
    expect(updateMeeting(t.db, actorOf(t.db, fanta.id), editForm(id), NOW)).toEqual({ ok: false, error: 'forbidden' });
  });
});

describe('registering', () => {
  it('one registration per person; the count always equals the registrations', async () => {
    const id = schedule();
    const moussa = await addUser(t, { displayName: 'Moussa Diarra' });
    expect(register(awa, id)).toEqual({ ok: true, value: { meetingId: expect.any(Number), registered: true, count: 1 } });
    expect(register(awa, id)).toEqual({ ok: true, value: { meetingId: expect.any(Number), registered: true, count: 1 } });
    expect(register(moussa, id)).toEqual({ ok: true, value: { meetingId: expect.any(Number), registered: true, count: 2 } });
    expect(registrationRows(id)).toBe(2);
    expect(register(awa, id, 'unregister')).toEqual({ ok: true, value: { meetingId: expect.any(Number), registered: false, count: 1 } });
    expect(register(awa, id, 'unregister')).toEqual({ ok: true, value: { meetingId: expect.any(Number), registered: false, count: 1 } });
    expect(meeting(id).registrationCount).toBe(registrationRows(id));
    expect(auditRows(t.db, 'meeting.register')).toHaveLength(2);
    expect(auditRows(t.db, 'meeting.unregister')).toHaveLength(1);
  });

  it('many people registering at the same instant are each counted once', async () => {
    const id = schedule();
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => addUser(t, { displayName: `Citoyenne ${i}` })));
    const calls = [...people, ...people.slice(0, 4)].map((p) => ({ actor: { ...actorOf(t.db, p.id) }, input: { meetingId: String(id), intent: 'register' } }));
    const results = (await atOnce(t.file, 'lib/meetings/register-for-meeting.ts', 'registerForMeeting', calls, NOW)) as { ok: boolean }[];
    expect(results.every((r) => r.ok)).toBe(true);
    expect(registrationRows(id)).toBe(12);
    expect(meeting(id).registrationCount).toBe(12);
  });

  it('no registration for a meeting that has started or was cancelled, nor for someone signed out or suspended', async () => {
    const id = schedule();
    expect(register(awa, id, 'register', minutesAfter(new Date('2027-03-20T15:00:00.000Z'), 0))).toEqual({ ok: false, error: 'forbidden' });
    expect(register(awa, id, 'register', AFTER)).toEqual({ ok: false, error: 'forbidden' });
    expect(register(null, id)).toEqual({ ok: false, error: 'forbidden' });
    const suspended = await addUser(t, { displayName: 'Suspendue', suspendedUntil: '2099-01-01T00:00:00.000Z' });
    expect(register(suspended, id)).toEqual({ ok: false, error: 'forbidden' });
    const cancelled = schedule(fanta, { title: 'Débat annulé sur le marché' });
    cancelMeeting(t.db, actorOf(t.db, fanta.id), { meetingId: String(cancelled) }, NOW);
    expect(register(awa, cancelled)).toEqual({ ok: false, error: 'forbidden' });
    expect(register(awa, 99999)).toEqual({ ok: false, error: 'not_found' });
    expect(registerForMeeting(t.db, actorOf(t.db, awa.id), { meetingId: String(id), intent: 'maybe' }, NOW)).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { intent: 'invalidChoice' } });
    expect(t.db.select().from(meetingRegistrations).all()).toHaveLength(0);
    expect(meeting(id).registrationCount).toBe(0);
  });
});

describe('minutes and attendance', () => {
  it('are published once the meeting has started, by those who run it; attendance by gender and age band', () => {
    const id = schedule();
    const input = minutesForm(id, { att_woman_15_24: '12', att_woman_25_35: '8', att_man_36plus: ' 3 ', att_unspecified_unknown: '0' });
    expect(publishMinutes(t.db, actorOf(t.db, fanta.id), input, NOW)).toEqual({ ok: false, error: 'forbidden' });
    expect(publishMinutes(t.db, actorOf(t.db, awa.id), input, AFTER)).toEqual({ ok: false, error: 'forbidden' });
    expect(publishMinutes(t.db, actorOf(t.db, fanta.id), input, AFTER)).toEqual({ ok: true, value: { meetingId: id, total: 23, topicId: topicNioro, projectId: null } });
    expect(meeting(id)).toMatchObject({ minutes: 'Les habitantes veulent un comité de gestion du forage.', minutesPublishedAt: AFTER.toISOString(), minutesBy: fanta.id });
    const rows = t.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id)).orderBy(meetingAttendance.gender, meetingAttendance.ageBand).all();
    expect(rows).toEqual([
      { meetingId: id, gender: 'man', ageBand: '36+', count: 3 },
      { meetingId: id, gender: 'woman', ageBand: '15-24', count: 12 },
      { meetingId: id, gender: 'woman', ageBand: '25-35', count: 8 },
    ]);
    expect(auditRows(t.db, 'meeting.minutes')).toMatchObject([{ actorId: fanta.id, details: { attendance: { 'woman/15-24': 12, 'woman/25-35': 8, 'man/36+': 3 } } }]);
  });

  it('can be corrected later; the correction is audited with the figures before', () => {
    const id = schedule();
    publishMinutes(t.db, actorOf(t.db, fanta.id), minutesForm(id, { att_woman_15_24: '12' }), AFTER);
    const later = minutesAfter(AFTER, 60);
    expect(publishMinutes(t.db, actorOf(t.db, maire.id), minutesForm(id, { att_woman_15_24: '14', att_man_25_35: '6' }, 'Compte rendu corrigé : 14 femmes de 15 à 24 ans.'), later)).toMatchObject({ ok: true, value: { total: 20 } });
    expect(meeting(id)).toMatchObject({ minutes: 'Compte rendu corrigé : 14 femmes de 15 à 24 ans.', minutesPublishedAt: AFTER.toISOString(), minutesBy: maire.id });
    expect(t.db.get<{ n: number }>(sql`SELECT sum(count) AS n FROM meeting_attendance WHERE meeting_id = ${id}`)!.n).toBe(20);
    expect(auditRows(t.db, 'meeting.minutes_update')).toMatchObject([{ actorId: maire.id, details: { before: { 'woman/15-24': 12 }, attendance: { 'woman/15-24': 14, 'man/25-35': 6 }, minutesChanged: true } }]);
  });

  it('negative, non-whole and huge numbers are refused with a translated error on their box, and nothing changes', () => {
    const id = schedule();
    const fa = actorOf(t.db, fanta.id);
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ att_woman_15_24: '-3' }, { att_woman_15_24: 'attendanceNegative' }],
      [{ att_man_25_35: '2.5' }, { att_man_25_35: 'attendanceWhole' }],
      [{ att_man_25_35: '1e3' }, { att_man_25_35: 'attendanceWhole' }],
      [{ att_unspecified_unknown: 'douze' }, { att_unspecified_unknown: 'attendanceWhole' }],
      [{ att_woman_36plus: '5001' }, { att_woman_36plus: 'attendanceTooLarge' }],
      [{ att_woman_36plus: '99999999999999999999' }, { att_woman_36plus: 'attendanceWhole' }],
      [{ att_woman_36plus: '999999999' }, { att_woman_36plus: 'attendanceTooLarge' }],
    ];
    for (const [cells, errors] of cases) {
      expect(publishMinutes(t.db, fa, minutesForm(id, cells), AFTER), JSON.stringify(cells)).toEqual({ ok: false, error: 'invalid', fieldErrors: errors });
    }
    expect(publishMinutes(t.db, fa, minutesForm(id, {}, ''), AFTER)).toEqual({ ok: false, error: 'invalid', fieldErrors: { minutes: 'required' } });
    expect(meeting(id)).toMatchObject({ minutes: null, minutesPublishedAt: null });
    expect(t.db.select().from(meetingAttendance).all()).toHaveLength(0);
  });

  it('a cancelled meeting has no minutes; an official of another commune cannot publish them', async () => {
    const id = schedule();
    const officialKayes = await addUser(t, { displayName: 'Maire de Kayes', grants: [{ role: 'official', communeId: t.communeId('kayes'), title: 'Maire' }] });
    expect(publishMinutes(t.db, actorOf(t.db, officialKayes.id), minutesForm(id, {}), AFTER)).toEqual({ ok: false, error: 'forbidden' });
    cancelMeeting(t.db, actorOf(t.db, fanta.id), { meetingId: String(id) }, NOW);
    expect(publishMinutes(t.db, actorOf(t.db, fanta.id), minutesForm(id, {}), AFTER)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('the public sees attendance with the dashboard rule: no cell of 1 to 4, none worked out from the total', () => {
    const shown = publicAttendance([
      { gender: 'woman', ageBand: '15-24', count: 12 },
      { gender: 'woman', ageBand: '25-35', count: 8 },
      { gender: 'man', ageBand: '36+', count: 3 },
      { gender: 'unspecified', ageBand: 'unknown', count: 6 },
    ]);
    expect(shown.total).toBe(29);
    // 3 men: "fewer than 5", and the smallest other group (6 not stated) masked with them, never the women
    expect(shown.byGender).toEqual({
      withheld: false,
      rows: [
        { group: 'woman', value: 20 },
        { group: 'man', value: 'few' },
        { group: 'unspecified', value: 'masked' },
      ],
    });
    expect(shown.byAge).toEqual({
      withheld: false,
      rows: [
        { group: '15-24', value: 12 },
        { group: '25-35', value: 8 },
        { group: '36+', value: 'few' },
        { group: 'unknown', value: 'masked' },
      ],
    });
    // 5 women and 1 man: the man is 6 − 5 whatever is hidden — not shown by gender at all.
    const six = publicAttendance([
      { gender: 'woman', ageBand: '15-24', count: 5 },
      { gender: 'man', ageBand: '15-24', count: 1 },
    ]);
    expect(six.total).toBe(6);
    expect(six.byGender.withheld).toBe(true);
    expect(six.byAge.rows[0]).toEqual({ group: '15-24', value: 6 });
    expect(publicAttendance([{ gender: 'woman', ageBand: '15-24', count: 4 }]).total).toBe('few');
    expect(publicAttendance([]).total).toBe(0);
  });
});

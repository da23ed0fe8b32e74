import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trainingAttendance, trainingParticipants, trainingSessions, type User } from '@/db/schema';
import { recordTrainingSession } from '@/lib/learn/record-training';
import { inclusionDashboard, type Breakdown } from '@/lib/stats/dashboard';
import type { Cell } from '@/lib/stats/disclosure';
import { setCourseState, setLessonState } from '@/lib/learn/publish';
import { createCourse } from '@/lib/learn/save-course';
import { createLesson } from '@/lib/learn/save-lesson';
import { actorOf, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';
import { courseForm, ctxOf, lessonForm, NOW } from '../helpers/learn';

let t: TestDb;
let fanta: User; // facilitator, Nioro space
let oumar: User; // facilitator, Kayes space
let awa: User;
let courseId: number;
let participants: User[];

beforeEach(async () => {
  t = makeTestDb();
  const nioro = t.communeId('nioro-du-sahel');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
  oumar = await addUser(t, { displayName: 'Oumar Sylla', communeId: t.communeId('kayes'), grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  participants = [
    await addUser(t, { displayName: 'Aminata', participantCode: 'NIO-AAA1', registeredAtSpaceId: t.spaceId('nioro'), communeId: nioro, gender: 'woman', birthYear: 2004 }),
    await addUser(t, { displayName: 'Hawa', participantCode: 'NIO-AAA2', registeredAtSpaceId: t.spaceId('nioro'), communeId: nioro, gender: 'woman', birthYear: 1995 }),
  ];
  const ctx = ctxOf(t.db, actorOf(t.db, fanta.id));
  const c = createCourse(ctx, courseForm());
  if (!c.ok) throw new Error(JSON.stringify(c));
  const l = createLesson(ctx, lessonForm(c.value.courseId));
  if (!l.ok) throw new Error(JSON.stringify(l));
  setLessonState(ctx, { id: String(l.value.lessonId), state: 'published' });
  setCourseState(ctx, { id: String(c.value.courseId), state: 'published' });
  courseId = c.value.courseId;
});
afterEach(() => t.cleanup());

const ctx = (u: User | null) => ctxOf(t.db, u ? actorOf(t.db, u.id) : null);
const session = (fields: Record<string, unknown> = {}) => ({ spaceId: String(t.spaceId('nioro')), courseId: String(courseId), heldOn: '2027-03-01', ...fields });

describe('recording a training session', () => {
  it('the space’s facilitators record it; others may not', () => {
    const input = session({ att_woman_15_24: '6' });
    expect(recordTrainingSession(ctx(oumar), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(recordTrainingSession(ctx(awa), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(recordTrainingSession(ctx(null), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(recordTrainingSession(ctx(fanta), input).ok).toBe(true);
    expect(auditRows(t.db, 'training.record')).toHaveLength(1);
  });

  it('refuses a session in the future, with nobody, with people not registered at the space, or named without consent', () => {
    expect(recordTrainingSession(ctx(fanta), session({ heldOn: '2027-03-11', att_man_15_24: '5' }))).toEqual({ ok: false, error: 'invalid', fieldErrors: { heldOn: 'trainingInFuture' } });
    expect(recordTrainingSession(ctx(fanta), session())).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: 'trainingEmpty' } });
    expect(recordTrainingSession(ctx(fanta), session({ participants: [String(awa.id)], consent: 'yes' }))).toEqual({ ok: false, error: 'invalid', fieldErrors: { participants: 'trainingParticipantUnknown' } });
    expect(recordTrainingSession(ctx(fanta), session({ participants: [String(participants[0]!.id)] }))).toEqual({ ok: false, error: 'invalid', fieldErrors: { consent: 'trainingConsentRequired' } });
    expect(recordTrainingSession(ctx(fanta), session({ att_woman_15_24: '-3' }))).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { att_woman_15_24: 'attendanceNegative' } });
    expect(t.db.select().from(trainingSessions).all()).toEqual([]);
  });
});

describe('training sessions in /stats (the "formation" channel)', () => {
  const q = (text: string) => t.db.get<{ n: number | null }>(sql.raw(text))?.n ?? 0;
  /** Every training row as /stats counts it: counted people (no account) and named participants (accounts). */
  const TRAINED = `
    SELECT NULL AS user_id, a.gender AS gender, a.age_band AS age_band, a.count AS n, s.commune_id AS commune_id
      FROM training_attendance a JOIN training_sessions ts ON ts.id = a.session_id JOIN connected_spaces s ON s.id = ts.space_id
    UNION ALL
    SELECT u.id, coalesce(u.gender, 'unspecified'),
           CASE WHEN u.birth_year IS NULL THEN 'unknown' WHEN 2027 - u.birth_year < 25 THEN '15-24' WHEN 2027 - u.birth_year <= 35 THEN '25-35' ELSE '36+' END,
           1, s.commune_id
      FROM training_participants p JOIN users u ON u.id = p.user_id JOIN training_sessions ts ON ts.id = p.session_id JOIN connected_spaces s ON s.id = ts.space_id`;
  const people = (where = '1 = 1') => q(`SELECT coalesce(sum(CASE WHEN user_id IS NULL THEN n END), 0) + count(DISTINCT user_id) AS n FROM (${TRAINED}) WHERE ${where}`);
  const items = (where = '1 = 1') => q(`SELECT coalesce(sum(n), 0) AS n FROM (${TRAINED}) WHERE ${where}`);

  function record() {
    const nioro = recordTrainingSession(ctx(fanta), session({
      att_woman_15_24: '9',
      att_woman_25_35: '6',
      att_man_15_24: '5',
      att_man_36plus: '3',
      participants: participants.map((p) => String(p.id)),
      consent: 'yes',
    }));
    const again = recordTrainingSession(ctx(fanta), session({ heldOn: '2027-03-05', att_woman_15_24: '4', participants: [String(participants[0]!.id)], consent: 'yes' }));
    const kayes = recordTrainingSession(ctx(oumar), session({ spaceId: String(t.spaceId('kayes-ville')), att_woman_15_24: '7', att_man_25_35: '8' }));
    expect([nioro.ok, again.ok, kayes.ok]).toEqual([true, true, true]);
  }

  const row = (b: Breakdown, group: string) => b.rows.find((r) => r.group === group)!;
  /** A cell as /stats shows it is the SQL count, or hides a count of 1–4 ('few'), or hides one to protect it. */
  function expectShownOrProtected(cell: Cell, truth: number, what: string) {
    if (typeof cell === 'number') expect(cell, what).toBe(truth);
    else if (cell === 'few') expect(truth >= 1 && truth <= 4, `${what}: few but ${truth}`).toBe(true);
    else expect(truth === 0 || truth >= 5, `${what}: ${cell} but ${truth}`).toBe(true);
  }

  it('counts the people trained and the attendances exactly as plain SQL does', () => {
    record();
    const d = inclusionDashboard(t.db, { kind: 'all' }, NOW);
    const channel = d.breakdowns.find((b) => b.dimension === 'channel')!;
    const formation = row(channel, 'formation');
    // 9+6+5+3 + 4 + 7+8 counted, and the two named participants (Aminata named twice is one person, two attendances).
    expect(people()).toBe(44);
    expect(items()).toBe(45);
    expect(formation.values.participants).toBe(people());
    expect(formation.values.training).toBe(items());
    expect(d.totals.training).toBe(items());
    expect(d.totals.participants).toBe(people());
    // By space: Nioro and Kayes ville.
    const space = d.breakdowns.find((b) => b.dimension === 'space')!;
    expect(row(space, String(t.spaceId('nioro'))).values.training).toBe(items(`commune_id = ${t.communeId('nioro-du-sahel')}`));
    expect(row(space, String(t.spaceId('kayes-ville'))).values.training).toBe(items(`commune_id = ${t.communeId('kayes')}`));
  });

  it('shows training by gender and age band under the small-group rule', () => {
    record();
    const d = inclusionDashboard(t.db, { kind: 'all' }, NOW);
    const gender = d.breakdowns.find((b) => b.dimension === 'gender')!;
    const age = d.breakdowns.find((b) => b.dimension === 'age')!;
    expect(gender.withheld).toBe(false);
    expect(row(gender, 'woman').values.training).toBe(items("gender = 'woman'"));
    expect(row(gender, 'man').values.training).toBe(items("gender = 'man'"));
    expect(row(gender, 'woman').values.participants).toBe(people("gender = 'woman'"));
    // The three men aged 36 or more are a small group: never printed, and not given back by the other bands.
    expect(items("age_band = '36+'")).toBe(3);
    expect(row(age, '36+').values.training).toBe('few');
    const shownAges = age.rows.filter((r) => typeof r.values.training === 'number').length;
    expect(shownAges).toBeLessThan(age.rows.filter((r) => items(`age_band = '${r.group}'`) > 0).length);
    for (const r of age.rows) expectShownOrProtected(r.values.training, items(`age_band = '${r.group}'`), `age ${r.group}`);
    for (const r of gender.rows) {
      const g = r.group === 'unknown' ? "gender NOT IN ('woman', 'man')" : `gender = '${r.group}'`;
      expectShownOrProtected(r.values.training, items(g), `gender ${r.group}`);
    }
    // The share of women counts the women trained.
    expect(d.women.participants.count).toBe(people("gender = 'woman'"));
  });

  it('a commune’s figures count the sessions of its spaces only', () => {
    record();
    const kayes = t.communeId('kayes');
    const d = inclusionDashboard(t.db, { kind: 'commune', id: kayes }, NOW);
    expect(d.totals.training).toBe(items(`commune_id = ${kayes}`));
    expect(d.totals.training).toBe(15);
    expect(t.db.select().from(trainingAttendance).all().length + t.db.select().from(trainingParticipants).all().length).toBe(10);
  });
});

import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assistedContributions, comments, meetingAttendance, meetings, projects, projectSupports, votes, type Gender, type User } from '@/db/schema';
import { toCsv } from '@/lib/open-data/exports';
import { CSV_COLUMNS, dashboardCsvRows, inclusionDashboard, METRICS, type Dashboard } from '@/lib/stats/dashboard';
import { resolveStatsScope } from '@/lib/stats/scope';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../helpers/db';

// Ages are counted for 2027: born 2007 → 20 (15–24), 1997 → 30 (25–35), 1980 → 47 (36+).
const NOW = new Date('2027-03-20T10:00:00.000Z');

let t: TestDb;
let kayes: number;
let nioro: number;
let official: User;
let topicKayes: number;
let topicNioro: number;
let projectKayes: number;

type Person = { commune: 'kayes' | 'nioro-du-sahel'; gender: Gender | null; birthYear: number | null };

/** people of each kind, made with real accounts */
async function people(n: number, p: Person): Promise<User[]> {
  const out: User[] = [];
  for (let i = 0; i < n; i++) out.push(await addUser(t, { displayName: `P ${p.commune} ${p.gender} ${i}`, communeId: t.communeId(p.commune), gender: p.gender, birthYear: p.birthYear }));
  return out;
}

const vote = (u: User, topicId: number, createdAt: string) => t.db.insert(votes).values({ topicId, userId: u.id, choice: 'for', createdAt }).run();
const comment = (u: User, topicId: number, createdAt: string, extra: Partial<typeof comments.$inferInsert> = {}) =>
  t.db.insert(comments).values({ topicId, authorId: u.id, stance: 'for', body: 'Un avis sur le forage', createdAt, ...extra }).run();

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  nioro = t.communeId('nioro-du-sahel');
  official = await addUser(t, { displayName: 'Maire de Kayes', grants: [{ role: 'official', communeId: kayes, title: 'Maire' }] });
  topicKayes = addTopic(t, { authorId: official.id, communeId: kayes }).id;
  topicNioro = addTopic(t, { authorId: official.id, communeId: nioro, title: 'Marché de Nioro' }).id;

  // Kayes: 7 young women, 6 men aged 30, 5 people who did not state their gender or age.
  const youngWomen = await people(7, { commune: 'kayes', gender: 'woman', birthYear: 2007 });
  const men30 = await people(6, { commune: 'kayes', gender: 'man', birthYear: 1997 });
  const unstated = await people(5, { commune: 'kayes', gender: null, birthYear: null });
  // Nioro: 3 women over 36 and 5 young men.
  const womenNioro = await people(3, { commune: 'nioro-du-sahel', gender: 'woman', birthYear: 1980 });
  const menNioro = await people(5, { commune: 'nioro-du-sahel', gender: 'unspecified', birthYear: 2005 });

  for (const u of [...youngWomen, ...men30, ...unstated]) vote(u, topicKayes, '2027-03-02T10:00:00.000Z');
  for (const u of [...womenNioro, ...menNioro]) vote(u, topicNioro, '2027-02-10T10:00:00.000Z');
  for (const u of youngWomen.slice(0, 5)) comment(u, topicKayes, '2027-03-03T10:00:00.000Z');
  comment(men30[0]!, topicKayes, '2027-03-03T11:00:00.000Z');
  // Not counted: a deleted comment, a hidden one, and the official's answer.
  comment(men30[1]!, topicKayes, '2027-03-03T12:00:00.000Z', { deletedAt: '2027-03-03T12:05:00.000Z' });
  comment(men30[2]!, topicKayes, '2027-03-03T12:00:00.000Z', { visibility: 'hidden' });
  comment(official, topicKayes, '2027-03-04T12:00:00.000Z', { isOfficialAnswer: true });

  projectKayes = t.db
    .insert(projects)
    .values({ communeId: kayes, authorId: youngWomen[0]!.id, title: 'Moulin solaire', problem: 'p', solution: 's', sector: 'women', location: 'Kayes', beneficiaries: ['women'], status: 'collecting', submittedAt: '2027-03-05T10:00:00.000Z' })
    .returning({ id: projects.id })
    .get().id;
  // A draft is not a contribution yet.
  t.db.insert(projects).values({ communeId: kayes, authorId: men30[0]!.id, title: 'Brouillon', problem: 'p', solution: 's', sector: 'roads', location: 'Kayes', beneficiaries: ['everyone'] }).run();
  for (const u of [...youngWomen.slice(1, 6), men30[0]!]) t.db.insert(projectSupports).values({ projectId: projectKayes, userId: u.id, createdAt: '2027-03-06T10:00:00.000Z' }).run();
});
afterEach(() => t.cleanup());

/** The contributions, written again in plain SQL, independently of the code under test. */
const CONTRIBUTIONS = `
  SELECT c.author_id AS user_id, 'comments' AS kind, coalesce(c.topic_id, 0) AS topic_id, coalesce(tp.commune_id, pr.commune_id) AS commune_id, c.created_at AS created_at
    FROM comments c LEFT JOIN topics tp ON tp.id = c.topic_id LEFT JOIN projects pr ON pr.id = c.project_id
   WHERE c.deleted_at IS NULL AND c.visibility = 'visible' AND NOT c.is_official_answer
  UNION ALL SELECT v.user_id, 'votes', v.topic_id, tp.commune_id, v.created_at FROM votes v JOIN topics tp ON tp.id = v.topic_id
  UNION ALL SELECT author_id, 'projects', 0, commune_id, coalesce(submitted_at, created_at) FROM projects WHERE status != 'draft' AND visibility = 'visible'
  UNION ALL SELECT s.user_id, 'supports', 0, pr.commune_id, s.created_at FROM project_supports s JOIN projects pr ON pr.id = s.project_id`;

/** Enough of RFC 4180 for these files: quoted fields with doubled quotes, one record per line. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      records.push(record);
      record = [];
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length) {
    endField();
    records.push(record);
  }
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

function q(query: string): number {
  return t.db.get<{ n: number }>(sql.raw(query))!.n;
}

const dash = (scope: Parameters<typeof inclusionDashboard>[1] = { kind: 'all' }) => inclusionDashboard(t.db, scope, NOW);
const row = (d: Dashboard, dimension: string, group: string) => d.breakdowns.find((b) => b.dimension === dimension)!.rows.find((r) => r.group === group)!;

describe('the inclusion dashboard', () => {
  it('shows the totals the database holds', () => {
    const d = dash();
    expect(d.totals.participants).toBe(q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS})`));
    expect(d.totals.participants).toBe(26);
    // one project by one person: hidden (see below)
    expect(d.totals.projects).toBeNull();
    for (const kind of ['comments', 'votes', 'supports'] as const) {
      expect(d.totals[kind]).toBe(q(`SELECT count(*) AS n FROM (${CONTRIBUTIONS}) WHERE kind = '${kind}'`));
    }
    expect(d.totals.comments).toBe(6);
    expect(d.totals.contributions).toBe(q(`SELECT count(*) AS n FROM (${CONTRIBUTIONS})`));
  });

  it('splits participants and contributions by gender and age band as the database does', () => {
    const d = dash();
    const byGender = (g: string) => q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE u.gender = '${g}'`);
    expect(row(d, 'gender', 'woman').values.participants).toBe(byGender('woman'));
    expect(row(d, 'gender', 'man').values.participants).toBe(byGender('man'));
    expect(row(d, 'gender', 'woman').values.votes).toBe(q(`SELECT count(*) AS n FROM votes v JOIN users u ON u.id = v.user_id WHERE u.gender = 'woman'`));
    // 5 without a gender + 5 "prefer not to say" = 10 not stated
    expect(row(d, 'gender', 'unknown').values.participants).toBe(q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE u.gender IS NULL OR u.gender = 'unspecified'`));
    const band = (lo: number, hi: number) => q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE 2027 - u.birth_year BETWEEN ${lo} AND ${hi}`);
    expect(row(d, 'age', '15-24').values.participants).toBe(band(0, 24));
    expect(row(d, 'age', '25-35').values.participants).toBe(band(25, 35));
    // 3 women of Nioro are 36 or more: hidden; and the 5 of unknown age with them, or they would be subtracted back
    expect(band(36, 200)).toBe(3);
    expect(row(d, 'age', '36+').values.participants).toBeNull();
    expect(row(d, 'age', 'unknown').values.participants).toBeNull();
  });

  it('highlights the share of women and of youth, overall and per commune, as the database counts them', () => {
    const d = dash();
    const total = q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS})`);
    const women = q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE u.gender = 'woman'`);
    const youth = q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE 2027 - u.birth_year <= 35`);
    expect(d.women.participants).toEqual({ count: women, total, percent: Math.round((100 * women) / total) });
    expect(d.youth.participants).toEqual({ count: youth, total, percent: Math.round((100 * youth) / total) });

    const kayesShares = d.communeShares.find((c) => c.group === String(kayes))!;
    const inKayes = (where: string) => q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE x.commune_id = ${kayes} AND ${where}`);
    expect(kayesShares.participants).toBe(inKayes('1'));
    expect(kayesShares.women).toBe(inKayes(`u.gender = 'woman'`));
    expect(kayesShares.youth).toBe(inKayes('2027 - u.birth_year <= 35'));
    expect(kayesShares.womenPercent).toBe(Math.round((100 * inKayes(`u.gender = 'woman'`)) / inKayes('1')));
  });

  it('counts by commune, month and topic as the database does', () => {
    const d = dash();
    expect(row(d, 'commune', String(kayes)).values.contributions).toBe(q(`SELECT count(*) AS n FROM (${CONTRIBUTIONS}) WHERE commune_id = ${kayes}`));
    expect(row(d, 'month', '2027-03').values.participants).toBe(q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS}) WHERE created_at LIKE '2027-03%'`));
    expect(row(d, 'topic', String(topicKayes)).values.votes).toBe(q(`SELECT count(*) AS n FROM votes WHERE topic_id = ${topicKayes}`));
  });

  it('restricted to one topic, counts only that topic', () => {
    const d = dash({ kind: 'topic', id: topicKayes });
    expect(d.totals.participants).toBe(q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS}) WHERE topic_id = ${topicKayes}`));
    expect(d.totals.supports).toBe(0);
  });
});

describe('small groups are never shown', () => {
  it('suppresses every cell behind 1 to 4 people, and a second cell so it cannot be subtracted back', () => {
    const d = dash();
    // 3 women of Nioro, 5 people of Nioro in all who did not say: gender in Nioro's topic alone.
    const nioroTopic = dash({ kind: 'topic', id: topicNioro });
    expect(row(nioroTopic, 'gender', 'woman').values.participants).toBeNull();
    expect(row(nioroTopic, 'gender', 'man').values.participants).toBe(0);
    // the 5 "not stated" would give the 3 women back by subtraction from the total of 8: hidden too
    expect(row(nioroTopic, 'gender', 'unknown').values.participants).toBeNull();
    expect(nioroTopic.women.participants.percent).toBeNull();
    // 1 project by 1 person: never shown, anywhere
    expect(d.totals.projects).toBeNull();
    expect(row(d, 'gender', 'woman').values.projects).toBeNull();
    // 6 commenters in total but only 1 man: his cell is hidden, and so is another
    expect(row(d, 'gender', 'man').values.comments).toBeNull();
    for (const b of d.breakdowns) {
      for (const m of METRICS) {
        // a lone hidden cell is only possible when every other one is 0 (then the total is hidden too)
        const hidden = b.rows.filter((r) => r.values[m] === null).length;
        const shown = b.rows.filter((r) => (r.values[m] ?? 0) > 0).length;
        expect(hidden !== 1 || shown === 0, `${b.dimension}/${m}`).toBe(true);
      }
    }
  });

  it('no figure from 1 to 4 appears in the dashboard or in its CSV', () => {
    for (const scope of [{ kind: 'all' } as const, { kind: 'topic', id: topicNioro } as const, { kind: 'project', id: projectKayes } as const, { kind: 'commune', id: nioro } as const]) {
      const d = dash(scope);
      const figures = [
        ...Object.values(d.totals),
        ...d.breakdowns.flatMap((b) => b.rows.flatMap((r) => Object.values(r.values))),
        ...d.communeShares.flatMap((c) => [c.participants, c.women, c.youth]),
        d.women.participants.count,
        d.youth.participants.count,
      ];
      for (const f of figures) expect(f === null || f === 0 || f >= 5, `${JSON.stringify(scope)}: ${f}`).toBe(true);

      const csv = parseCsv(toCsv(dashboardCsvRows(d), CSV_COLUMNS));
      expect(csv.length).toBeGreaterThan(0);
      for (const line of csv) {
        for (const key of [...METRICS, 'women', 'youth']) {
          const v = line[key] ?? '';
          if (v === '' || v === '<5') continue;
          expect(Number(v) === 0 || Number(v) >= 5, `${key}=${v} in ${JSON.stringify(line)}`).toBe(true);
        }
      }
    }
  });

  it('a commune where fewer than 5 people took part shows no figure at all', () => {
    const d = dash({ kind: 'project', id: projectKayes });
    // supporters: 6 people, but the project itself: 1 person
    expect(d.totals.supports).toBe(6);
    expect(d.totals.projects).toBeNull();
  });
});

describe('who sees which figures', () => {
  it('everyone sees the whole platform and each commune; a topic or project only its officials and admins', async () => {
    const citizen = await addUser(t, { displayName: 'Citoyenne' });
    const officialNioro = await addUser(t, { displayName: 'Maire de Nioro', grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
    const admin = await addUser(t, { displayName: 'Admin', grants: [{ role: 'admin' }] });
    expect(resolveStatsScope(t.db, null, {})).toMatchObject({ ok: true, scope: { kind: 'all' } });
    expect(resolveStatsScope(t.db, null, { commune: String(kayes) })).toMatchObject({ ok: true, scope: { kind: 'commune', id: kayes } });
    expect(resolveStatsScope(t.db, null, { topic: String(topicKayes) })).toEqual({ ok: false, error: 'forbidden' });
    expect(resolveStatsScope(t.db, actorOf(t.db, citizen.id), { topic: String(topicKayes) })).toEqual({ ok: false, error: 'forbidden' });
    expect(resolveStatsScope(t.db, actorOf(t.db, officialNioro.id), { topic: String(topicKayes) })).toEqual({ ok: false, error: 'forbidden' });
    expect(resolveStatsScope(t.db, actorOf(t.db, official.id), { topic: String(topicKayes) })).toMatchObject({ ok: true, scope: { kind: 'topic', id: topicKayes } });
    expect(resolveStatsScope(t.db, actorOf(t.db, officialNioro.id), { project: String(projectKayes) })).toEqual({ ok: false, error: 'forbidden' });
    expect(resolveStatsScope(t.db, actorOf(t.db, official.id), { project: String(projectKayes) })).toMatchObject({ ok: true, scope: { kind: 'project' } });
    expect(resolveStatsScope(t.db, actorOf(t.db, admin.id), { project: String(projectKayes) })).toMatchObject({ ok: true });
    expect(resolveStatsScope(t.db, null, { topic: 'abc' })).toEqual({ ok: false, error: 'not_found' });
    expect(resolveStatsScope(t.db, null, { commune: '99999' })).toEqual({ ok: false, error: 'not_found' });
  });
});

describe('channels (self, assisted, meeting) and connected spaces', () => {
  let kayesSpace: number;
  let nioroSpace: number;

  /** A meeting with attendance as a facilitator publishes it (rows with a count > 0). */
  function meetingWith(fields: Partial<typeof meetings.$inferInsert>, cells: [string, string, number][]) {
    const id = t.db
      .insert(meetings)
      .values({ spaceId: nioroSpace, title: 'Débat', startsAt: '2027-02-15T10:00:00.000Z', place: 'Salle', agenda: 'Ordre du jour', createdBy: official.id, minutes: 'Compte rendu', minutesPublishedAt: '2027-02-15T14:00:00.000Z', ...fields })
      .returning({ id: meetings.id })
      .get().id;
    for (const [gender, ageBand, count] of cells) t.db.insert(meetingAttendance).values({ meetingId: id, gender: gender as 'woman', ageBand: ageBand as '36+', count }).run();
    return id;
  }

  beforeEach(async () => {
    kayesSpace = t.spaceId('kayes-ville');
    nioroSpace = t.spaceId('nioro');
    const facilitator = await addUser(t, { displayName: 'Animatrice de Kayes', grants: [{ role: 'facilitator', spaceId: kayesSpace }] });
    const assisted = (kind: 'comment' | 'vote', subjectId: number, participantId: number, withdrawnAt: string | null = null) =>
      t.db.insert(assistedContributions).values({ participantId, facilitatorId: facilitator.id, spaceId: kayesSpace, kind, subjectId, consentGivenAt: '2027-03-03T09:59:00.000Z', withdrawnAt }).run();
    // The young women's 5 comments were entered with a facilitator's help at Kayes; so were the votes of the 5
    // people who did not state their gender. One more assisted row was withdrawn: that comment counts as "self".
    const womenComments = t.db.all<{ id: number; author_id: number }>(sql`SELECT c.id, c.author_id FROM comments c JOIN users u ON u.id = c.author_id WHERE u.gender = 'woman' AND u.birth_year = 2007`);
    for (const c of womenComments) assisted('comment', c.id, c.author_id);
    const unstatedVotes = t.db.all<{ topic_id: number; user_id: number }>(sql`SELECT v.topic_id, v.user_id FROM votes v JOIN users u ON u.id = v.user_id WHERE u.gender IS NULL`);
    for (const v of unstatedVotes) assisted('vote', v.topic_id, v.user_id);
    const manComment = t.db.get<{ id: number; author_id: number }>(sql`SELECT c.id, c.author_id FROM comments c JOIN users u ON u.id = c.author_id WHERE u.gender = 'man' AND c.deleted_at IS NULL AND c.visibility = 'visible' AND c.is_official_answer = 0`)!;
    assisted('comment', manComment.id, manComment.author_id, '2027-03-04T10:00:00.000Z');

    // A public debate at Nioro about Nioro's topic: 9 young women, 6 women over 36, 7 men of 25–35, 2 young men.
    meetingWith({ topicId: topicNioro }, [['woman', '15-24', 9], ['woman', '36+', 6], ['man', '25-35', 7], ['man', '15-24', 2]]);
    // Not counted: a cancelled meeting, and one whose minutes are not published.
    meetingWith({ cancelledAt: '2027-02-10T10:00:00.000Z' }, [['woman', '15-24', 40]]);
    meetingWith({ minutes: null, minutesPublishedAt: null }, [['man', '36+', 30]]);
  });

  /** The channel of each contribution, and the meeting attendance, in plain SQL. */
  const ASSISTED = `EXISTS (SELECT 1 FROM assisted_contributions a WHERE a.withdrawn_at IS NULL AND (
      (x.kind = 'comments' AND a.kind = 'comment' AND a.subject_id = x.id)
   OR (x.kind = 'votes' AND a.kind = 'vote' AND a.subject_id = x.topic_id AND a.participant_id = x.user_id)))`;
  const WITH_IDS = `
    SELECT c.id, c.author_id AS user_id, 'comments' AS kind, c.topic_id FROM comments c
     WHERE c.deleted_at IS NULL AND c.visibility = 'visible' AND NOT c.is_official_answer
    UNION ALL SELECT v.id, v.user_id, 'votes', v.topic_id FROM votes v
    UNION ALL SELECT id, author_id, 'projects', NULL FROM projects WHERE status != 'draft' AND visibility = 'visible'
    UNION ALL SELECT 0, user_id, 'supports', NULL FROM project_supports`;
  const ATTENDED = `SELECT a.* , m.space_id, m.topic_id, m.starts_at FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
     WHERE m.cancelled_at IS NULL AND m.minutes_published_at IS NOT NULL`;

  it('splits participants and contributions by channel as the database does', () => {
    const d = dash();
    const assistedPeople = q(`SELECT count(DISTINCT x.user_id) AS n FROM (${WITH_IDS}) x WHERE ${ASSISTED}`);
    const assistedCount = q(`SELECT count(*) AS n FROM (${WITH_IDS}) x WHERE ${ASSISTED}`);
    const selfPeople = q(`SELECT count(DISTINCT x.user_id) AS n FROM (${WITH_IDS}) x WHERE NOT ${ASSISTED}`);
    const attended = q(`SELECT sum(count) AS n FROM (${ATTENDED})`);
    expect([assistedPeople, assistedCount, attended]).toEqual([10, 10, 24]);
    expect(row(d, 'channel', 'assisted').values.participants).toBe(assistedPeople);
    expect(row(d, 'channel', 'assisted').values.contributions).toBe(assistedCount);
    expect(row(d, 'channel', 'assisted').values.votes).toBe(q(`SELECT count(*) AS n FROM (${WITH_IDS}) x WHERE x.kind = 'votes' AND ${ASSISTED}`));
    // 1 comment typed by its author alone (the man whose assisted row was withdrawn): hidden, and the 5
    // assisted comments with it, or the total of 6 would give his back
    expect(q(`SELECT count(*) AS n FROM (${WITH_IDS}) x WHERE x.kind = 'comments' AND ${ASSISTED}`)).toBe(5);
    expect(row(d, 'channel', 'self').values.comments).toBeNull();
    expect(row(d, 'channel', 'assisted').values.comments).toBeNull();
    expect(row(d, 'channel', 'self').values.participants).toBe(selfPeople);
    expect(row(d, 'channel', 'self').values.votes).toBe(q(`SELECT count(*) AS n FROM (${WITH_IDS}) x WHERE x.kind = 'votes' AND NOT ${ASSISTED}`));
    expect(row(d, 'channel', 'meeting').values.participants).toBe(attended);
    expect(row(d, 'channel', 'meeting').values.attendance).toBe(attended);
    expect(row(d, 'channel', 'meeting').values.comments).toBe(0);
    expect(d.breakdowns.find((b) => b.dimension === 'channel')!.rows.map((r) => r.group)).toEqual(['self', 'assisted', 'meeting']);
  });

  it('counts meeting attendance in the totals and in the shares of women and youth', () => {
    const d = dash();
    const accounts = q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS})`);
    const attended = q(`SELECT sum(count) AS n FROM (${ATTENDED})`);
    expect(d.totals.participants).toBe(accounts + attended);
    expect(d.totals.attendance).toBe(attended);
    expect(d.totals.contributions).toBe(q(`SELECT count(*) AS n FROM (${CONTRIBUTIONS})`) + attended);
    const women =
      q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE u.gender = 'woman'`) +
      q(`SELECT sum(count) AS n FROM (${ATTENDED}) WHERE gender = 'woman'`);
    const youth =
      q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE 2027 - u.birth_year <= 35`) +
      q(`SELECT sum(count) AS n FROM (${ATTENDED}) WHERE age_band IN ('15-24', '25-35')`);
    expect(d.women.participants).toEqual({ count: women, total: accounts + attended, percent: Math.round((100 * women) / (accounts + attended)) });
    expect(d.youth.participants.count).toBe(youth);
    const nioroShares = d.communeShares.find((c) => c.group === String(nioro))!;
    expect(nioroShares.participants).toBe(q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x WHERE x.commune_id = ${nioro}`) + attended);
    expect(nioroShares.women).toBe(3 + 15);
  });

  it('by connected space: contributions entered at the space and attendance at its meetings', () => {
    const d = dash();
    const atKayes = q(`SELECT count(*) AS n FROM (${WITH_IDS}) x WHERE ${ASSISTED.replace('a.withdrawn_at IS NULL', `a.withdrawn_at IS NULL AND a.space_id = ${kayesSpace}`)}`);
    expect(row(d, 'space', String(kayesSpace)).values.contributions).toBe(atKayes);
    expect(row(d, 'space', String(kayesSpace)).label).toBe('Espace connecté de Kayes ville');
    expect(row(d, 'space', String(nioroSpace)).values.participants).toBe(q(`SELECT sum(count) AS n FROM (${ATTENDED}) WHERE space_id = ${nioroSpace}`));
    // people who took part on their own, online, belong to no space
    const spaces = d.breakdowns.find((b) => b.dimension === 'space')!.rows.map((r) => r.group).sort();
    expect(spaces).toEqual([String(kayesSpace), String(nioroSpace)].sort());
  });

  it('a meeting counts in its topic, its month and its commune; the topic scope for its officials includes it', () => {
    const d = dash();
    expect(row(d, 'month', '2027-02').values.attendance).toBe(24);
    expect(row(d, 'topic', String(topicNioro)).values.attendance).toBe(24);
    const topic = dash({ kind: 'topic', id: topicNioro });
    expect(topic.totals.participants).toBe(q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS}) WHERE topic_id = ${topicNioro}`) + 24);
    expect(row(topic, 'channel', 'meeting').values.participants).toBe(24);
    // Kayes' topic had no meeting
    expect(dash({ kind: 'topic', id: topicKayes }).totals.attendance).toBe(0);
  });

  it('no figure from 1 to 4 in the new breakdowns or the CSV, and never a single hidden cell in a column', () => {
    for (const scope of [{ kind: 'all' } as const, { kind: 'topic', id: topicNioro } as const, { kind: 'commune', id: nioro } as const, { kind: 'commune', id: kayes } as const]) {
      const d = dash(scope);
      for (const b of d.breakdowns.filter((x) => x.dimension === 'channel' || x.dimension === 'space')) {
        for (const m of METRICS) {
          for (const r of b.rows) expect(r.values[m] === null || r.values[m] === 0 || r.values[m]! >= 5, `${b.dimension}/${r.group}/${m}`).toBe(true);
          const hidden = b.rows.filter((r) => r.values[m] === null).length;
          const shown = b.rows.filter((r) => (r.values[m] ?? 0) > 0).length;
          expect(hidden !== 1 || shown === 0, `${JSON.stringify(scope)} ${b.dimension}/${m}`).toBe(true);
        }
      }
      const csv = parseCsv(toCsv(dashboardCsvRows(d), CSV_COLUMNS));
      for (const line of csv.filter((l) => l.breakdown === 'channel' || l.breakdown === 'space')) {
        for (const key of METRICS) {
          const v = line[key] ?? '';
          if (v === '' || v === '<5') continue;
          expect(Number(v) === 0 || Number(v) >= 5, `${key}=${v} in ${JSON.stringify(line)}`).toBe(true);
        }
      }
    }
  });

  it('the CSV has the channel and space breakdowns and the attendance column', () => {
    const csv = parseCsv(toCsv(dashboardCsvRows(dash()), CSV_COLUMNS));
    expect(CSV_COLUMNS).toContain('attendance');
    expect(csv.filter((l) => l.breakdown === 'channel').map((l) => l.group)).toEqual(['self', 'assisted', 'meeting']);
    expect(csv.find((l) => l.breakdown === 'channel' && l.group === 'meeting')!.attendance).toBe('24');
    expect(csv.filter((l) => l.breakdown === 'space').map((l) => l.label).sort()).toEqual(['Espace connecté de Kayes ville', 'Espace connecté de Nioro']);
  });
});

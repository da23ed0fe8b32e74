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
const b = (d: Dashboard, dimension: string) => d.breakdowns.find((x) => x.dimension === dimension)!;
const row = (d: Dashboard, dimension: string, group: string) => d.breakdowns.find((b) => b.dimension === dimension)!.rows.find((r) => r.group === group)!;

describe('the inclusion dashboard', () => {
  it('shows the totals the database holds', () => {
    const d = dash();
    expect(d.totals.participants).toBe(q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS})`));
    expect(d.totals.participants).toBe(26);
    // one project by one person: "fewer than 5"
    expect(d.totals.projects).toBe('few');
    for (const kind of ['comments', 'votes', 'supports'] as const) {
      expect(d.totals[kind]).toBe(q(`SELECT count(*) AS n FROM (${CONTRIBUTIONS}) WHERE kind = '${kind}'`));
    }
    expect(d.totals.comments).toBe(6);
    // The sum would give the lone project back by subtraction: masked.
    expect(d.totals.contributions).toBe('masked');
    const one = dash({ kind: 'topic', id: topicKayes });
    expect(one.totals.contributions).toBe(q(`SELECT count(*) AS n FROM (${CONTRIBUTIONS}) WHERE topic_id = ${topicKayes}`));
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
    // 3 women of Nioro are 36 or more: "fewer than 5"; and the 5 of unknown age with them, or they
    // would be subtracted back — hidden to protect them, which the label says.
    expect(band(36, 200)).toBe(3);
    expect(row(d, 'age', '36+').values.participants).toBe('few');
    expect(row(d, 'age', 'unknown').values.participants).toBe('masked');
  });

  it('highlights the share of women and of youth, overall and per commune, as the database counts them', () => {
    const d = dash();
    const total = q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS})`);
    const women = q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE u.gender = 'woman'`);
    const youth = q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE 2027 - u.birth_year <= 35`);
    expect(d.women.participants).toEqual({ count: women, total, percent: Math.round((100 * women) / total) });
    expect(d.youth.participants).toEqual({ count: youth, total, percent: Math.round((100 * youth) / total) });

    const inKayes = (where: string) => q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE x.commune_id = ${kayes} AND ${where}`);
    const inNioro = (where: string) => q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE x.commune_id = ${nioro} AND ${where}`);
    // The participants of each commune are those of the commune breakdown on the same page.
    const kayesShares = d.communeShares.find((c) => c.group === String(kayes))!;
    expect(kayesShares.participants).toBe(inKayes('1'));
    expect(kayesShares.participants).toBe(row(d, 'commune', String(kayes)).values.participants);
    // Nioro has 3 women: 10 women in all − Kayes' 7 would give them back, so Kayes' 7 is masked too.
    expect([inKayes(`u.gender = 'woman'`), inNioro(`u.gender = 'woman'`), women]).toEqual([7, 3, 10]);
    expect(kayesShares.women).toBe('masked');
    expect(d.communeShares.find((c) => c.group === String(nioro))!.women).toBe('masked');
    expect(kayesShares.womenPercent).toBeNull();
    // For Kayes' own topic, its 7 women are shown (no other commune to subtract from).
    const topic = dash({ kind: 'topic', id: topicKayes });
    expect(topic.communeShares).toMatchObject([{ participants: 18, women: 7, womenPercent: 39 }]);
  });

  it('counts by commune, month and topic as the database does', () => {
    const d = dash();
    expect(row(d, 'commune', String(kayes)).values.votes).toBe(q(`SELECT count(*) AS n FROM (${CONTRIBUTIONS}) WHERE kind = 'votes' AND commune_id = ${kayes}`));
    expect(row(d, 'month', '2027-03').values.participants).toBe(q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS}) WHERE created_at LIKE '2027-03%'`));
    expect(row(d, 'topic', String(topicKayes)).values.votes).toBe(q(`SELECT count(*) AS n FROM votes WHERE topic_id = ${topicKayes}`));
    expect(row(d, 'topic', String(topicKayes)).values.contributions).toBe(q(`SELECT count(*) AS n FROM (${CONTRIBUTIONS}) WHERE topic_id = ${topicKayes}`));
  });

  it('restricted to one topic, counts only that topic', () => {
    const d = dash({ kind: 'topic', id: topicKayes });
    expect(d.totals.participants).toBe(q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS}) WHERE topic_id = ${topicKayes}`));
    expect(d.totals.supports).toBe(0);
  });
});

describe('small groups are never shown, nor worked out', () => {
  it('hides every figure behind 1 to 4 people, and masks what would give it back', () => {
    const d = dash();
    // 3 women of Nioro, 5 people of Nioro in all who did not say: gender in Nioro's topic alone.
    const nioroTopic = dash({ kind: 'topic', id: topicNioro });
    expect(row(nioroTopic, 'gender', 'woman').values.participants).toBe('few');
    expect(row(nioroTopic, 'gender', 'man').values.participants).toBe(0);
    // the 5 "not stated" would give the 3 women back by subtraction from the total of 8: masked
    expect(row(nioroTopic, 'gender', 'unknown').values.participants).toBe('masked');
    expect(nioroTopic.women.participants.percent).toBeNull();
    // 1 project by 1 person: its author's gender and age would show in any column of it, and the
    // contributions would give it back: both columns are withheld in every breakdown.
    expect(d.totals.projects).toBe('few');
    for (const b of d.breakdowns.filter((x) => ['gender', 'age', 'channel', 'commune', 'month'].includes(x.dimension))) {
      for (const r of b.rows) expect([r.values.projects, r.values.contributions], `${b.dimension}/${r.group}`).toEqual(['withheld', 'withheld']);
    }
    // 6 commenters but only 1 man: 6 − 5 women would give his comment back, and masking the 5 cannot
    // help (it could not be 4): the comments by gender are withheld.
    expect(row(d, 'gender', 'man').values.comments).toBe('withheld');
    expect(row(d, 'gender', 'woman').values.comments).toBe('withheld');
  });

  it('no figure from 1 to 4 appears in the dashboard or in its CSV, and hidden cells say why', () => {
    for (const scope of [{ kind: 'all' } as const, { kind: 'topic', id: topicNioro } as const, { kind: 'project', id: projectKayes } as const, { kind: 'commune', id: nioro } as const]) {
      const d = dash(scope);
      const figures = [
        ...Object.values(d.totals),
        ...d.breakdowns.flatMap((b) => b.rows.flatMap((r) => Object.values(r.values))),
        ...d.communeShares.flatMap((c) => [c.participants, c.women, c.youth]),
        d.women.participants.count,
        d.youth.participants.count,
      ];
      for (const f of figures) expect(typeof f === 'string' ? ['few', 'masked', 'withheld'].includes(f) : f === 0 || f >= 5, `${JSON.stringify(scope)}: ${f}`).toBe(true);

      const csv = parseCsv(toCsv(dashboardCsvRows(d), CSV_COLUMNS));
      expect(csv.length).toBeGreaterThan(0);
      for (const line of csv) {
        for (const key of [...METRICS, 'women', 'youth']) {
          const v = line[key] ?? '';
          if (['', '<5', 'masked', 'withheld'].includes(v)) continue;
          expect(Number(v) === 0 || Number(v) >= 5, `${key}=${v} in ${JSON.stringify(line)}`).toBe(true);
        }
      }
    }
  });

  it('"fewer than 5" only ever stands for 1 to 4 people, and "masked" never does', () => {
    for (const scope of [{ kind: 'all' } as const, { kind: 'topic', id: topicNioro } as const, { kind: 'topic', id: topicKayes } as const, { kind: 'commune', id: kayes } as const]) {
      const d = dash(scope);
      for (const b of d.breakdowns.filter((x) => ['gender', 'age', 'commune', 'month', 'topic'].includes(x.dimension))) {
        for (const r of b.rows) {
          for (const m of METRICS) {
            const v = r.values[m];
            if (v !== 'few' && v !== 'masked') continue;
            // The people behind a figure: for a kind, the distinct people who did it; for the row sum, its participants.
            const people = m === 'contributions' || m === 'participants' ? peopleOf(scope, b.dimension, r.group, null) : peopleOf(scope, b.dimension, r.group, m);
            if (v === 'few') expect(people >= 1 && people <= 4, `${b.dimension}/${r.group}/${m}: few for ${people}`).toBe(true);
            else expect(people >= 5, `${b.dimension}/${r.group}/${m}: masked for ${people}`).toBe(true);
          }
        }
      }
    }
  });

  it('a project shows no split of its 6 supporters (5 women and 1 man: the man would be 6 − 5)', () => {
    const d = dash({ kind: 'project', id: projectKayes });
    expect(d.totals.supports).toBe(6);
    // The project itself is its author's, whose name is on the page: it is not counted in its own figures.
    expect(d.totals.projects).toBe(0);
    expect(d.breakdowns.find((b) => b.dimension === 'gender')!.withheld).toBe(true);
  });
});

/** The people behind a group's figure in a scope (accounts only: the fixture's first part has no meetings). */
function peopleOf(scope: Parameters<typeof inclusionDashboard>[1], dimension: string, group: string, kind: string | null): number {
  const where = [
    scope.kind === 'all' ? '1' : scope.kind === 'commune' ? `x.commune_id = ${scope.id}` : scope.kind === 'topic' ? `x.topic_id = ${scope.id}` : `0`,
    kind ? `x.kind = '${kind}'` : '1',
    dimension === 'gender' ? `(CASE WHEN u.gender IN ('woman', 'man') THEN u.gender ELSE 'unknown' END) = '${group}'`
    : dimension === 'age' ? `(CASE WHEN u.birth_year IS NULL THEN 'unknown' WHEN 2027 - u.birth_year < 25 THEN '15-24' WHEN 2027 - u.birth_year <= 35 THEN '25-35' ELSE '36+' END) = '${group}'`
    : dimension === 'commune' ? `x.commune_id = ${group}`
    : dimension === 'month' ? `substr(x.created_at, 1, 7) = '${group}'`
    : dimension === 'topic' ? `x.topic_id = ${group}`
    : '1',
  ].join(' AND ');
  return q(`SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users u ON u.id = x.user_id WHERE ${where}`);
}

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
    // The one project would come back from the row sums: withheld (see "small groups are never shown").
    expect(row(d, 'channel', 'assisted').values.contributions).toBe('withheld');
    expect(assistedCount).toBe(10);
    expect(row(d, 'channel', 'assisted').values.votes).toBe(q(`SELECT count(*) AS n FROM (${WITH_IDS}) x WHERE x.kind = 'votes' AND ${ASSISTED}`));
    // 1 comment typed by its author alone (the man whose assisted row was withdrawn): the total of 6
    // minus the 5 assisted ones would give it back, and the 5 cannot be masked (it could not be 4):
    // the comments by channel are withheld, every row alike.
    expect(q(`SELECT count(*) AS n FROM (${WITH_IDS}) x WHERE x.kind = 'comments' AND ${ASSISTED}`)).toBe(5);
    expect(b(d, 'channel').rows.map((r) => r.values.comments)).toEqual(['withheld', 'withheld', 'withheld', 'withheld', 'withheld']);
    expect(row(d, 'channel', 'self').values.participants).toBe(selfPeople);
    expect(row(d, 'channel', 'self').values.votes).toBe(q(`SELECT count(*) AS n FROM (${WITH_IDS}) x WHERE x.kind = 'votes' AND NOT ${ASSISTED}`));
    expect(row(d, 'channel', 'meeting').values.participants).toBe(attended);
    expect(row(d, 'channel', 'meeting').values.attendance).toBe(attended);
    expect(row(d, 'channel', 'meeting').values.attendance).toBe(24);
    expect(d.breakdowns.find((b) => b.dimension === 'channel')!.rows.map((r) => r.group)).toEqual(['self', 'voice', 'assisted', 'meeting', 'formation']);
  });

  it('counts meeting attendance in the totals and in the shares of women and youth', () => {
    const d = dash();
    const accounts = q(`SELECT count(DISTINCT user_id) AS n FROM (${CONTRIBUTIONS})`);
    const attended = q(`SELECT sum(count) AS n FROM (${ATTENDED})`);
    expect(d.totals.participants).toBe(accounts + attended);
    expect(d.totals.attendance).toBe(attended);
    // the lone project would come back from the sum: masked
    expect(d.totals.contributions).toBe('masked');
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
    // 3 women with accounts and 15 at the meeting: 18 of 32; the rest is 14, so both sides are shown.
    expect(nioroShares.participants).toBe(32);
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
          for (const r of b.rows) {
            const v = r.values[m];
            expect(typeof v === 'string' || v === 0 || v >= 5, `${b.dimension}/${r.group}/${m}`).toBe(true);
          }
          // A lone small figure in a column with a known total is given back by subtraction.
          const few = b.rows.filter((r) => r.values[m] === 'few').length;
          const hidden = b.rows.filter((r) => typeof r.values[m] === 'string').length;
          expect(few === 0 || hidden >= 2, `${JSON.stringify(scope)} ${b.dimension}/${m}`).toBe(true);
        }
      }
      const csv = parseCsv(toCsv(dashboardCsvRows(d), CSV_COLUMNS));
      for (const line of csv.filter((l) => l.breakdown === 'channel' || l.breakdown === 'space')) {
        for (const key of METRICS) {
          const v = line[key] ?? '';
          if (['', '<5', 'masked', 'withheld'].includes(v)) continue;
          expect(Number(v) === 0 || Number(v) >= 5, `${key}=${v} in ${JSON.stringify(line)}`).toBe(true);
        }
      }
    }
  });

  it('the CSV has the channel and space breakdowns and the attendance column', () => {
    const csv = parseCsv(toCsv(dashboardCsvRows(dash()), CSV_COLUMNS));
    expect(CSV_COLUMNS).toContain('attendance');
    expect(csv.filter((l) => l.breakdown === 'channel').map((l) => l.group)).toEqual(['self', 'voice', 'assisted', 'meeting', 'formation']);
    expect(csv.find((l) => l.breakdown === 'channel' && l.group === 'meeting')!.attendance).toBe('24');
    expect(csv.filter((l) => l.breakdown === 'space').map((l) => l.label).sort()).toEqual(['Espace connecté de Kayes ville', 'Espace connecté de Nioro']);
  });
});

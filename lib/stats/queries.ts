import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { publicProjectSqlOn } from '@/lib/projects/visibility';
import { ageBandSql, genderGroupSql } from '@/db/queries/demographics';

/**
 * Every contribution a person made, one row each: comments (not deleted, not hidden or held, and not
 * an official's answer), votes, citizen projects past the draft stage, and project supports. Votes
 * and supports are those of verified accounts only, as in the public tallies and support counts
 * (migration verified_counts): a figure published here must agree with them, or a split would be withheld.
 * `commune_id` is the commune of the consultation or project, `topic_id` / `project_id` its subject.
 * `assisted_space_id`: the connected space where a facilitator entered it for the person (an
 * assisted_contributions row, not withdrawn), else null. `voice`: 1 for a voice comment and for a project
 * with a voice description, as the public hears them (their recording published; issue 13 §7).
 * This is the one definition the inclusion dashboard and the connected-space pages count from.
 */
const CONTRIBUTIONS = sql`
  SELECT c.author_id AS user_id, 'comments' AS kind, c.created_at AS created_at,
         c.topic_id AS topic_id, c.project_id AS project_id, coalesce(t.commune_id, p.commune_id) AS commune_id,
         (SELECT a.space_id FROM assisted_contributions a
           WHERE a.kind = 'comment' AND a.subject_id = c.id AND a.withdrawn_at IS NULL LIMIT 1) AS assisted_space_id,
         EXISTS (SELECT 1 FROM media m WHERE m.kind = 'comment' AND m.subject_id = c.id AND m.state = 'published') AS voice
    FROM comments c LEFT JOIN topics t ON t.id = c.topic_id LEFT JOIN projects p ON p.id = c.project_id
   WHERE c.deleted_at IS NULL AND c.visibility = 'visible' AND c.is_official_answer = 0
  UNION ALL
  SELECT v.user_id, 'votes', v.created_at, v.topic_id, NULL, t.commune_id,
         (SELECT a.space_id FROM assisted_contributions a
           WHERE a.kind = 'vote' AND a.subject_id = v.topic_id AND a.participant_id = v.user_id AND a.withdrawn_at IS NULL LIMIT 1), 0
    FROM votes v JOIN topics t ON t.id = v.topic_id
   WHERE EXISTS (SELECT 1 FROM users cu WHERE cu.id = v.user_id AND cu.verified_at IS NOT NULL)
  UNION ALL
  SELECT p.author_id, 'projects', coalesce(p.submitted_at, p.created_at), NULL, p.id, p.commune_id,
         (SELECT a.space_id FROM assisted_contributions a
           WHERE a.kind = 'project' AND a.subject_id = p.id AND a.withdrawn_at IS NULL LIMIT 1),
         EXISTS (SELECT 1 FROM media m WHERE m.kind = 'project_description' AND m.subject_id = p.id AND m.state = 'published')
    FROM projects p WHERE ${publicProjectSqlOn('p')}
  UNION ALL
  SELECT s.user_id, 'supports', s.created_at, NULL, s.project_id, p.commune_id,
         (SELECT a.space_id FROM assisted_contributions a
           WHERE a.kind = 'project_support' AND a.subject_id = s.project_id AND a.participant_id = s.user_id AND a.withdrawn_at IS NULL LIMIT 1), 0
    FROM project_supports s JOIN projects p ON p.id = s.project_id
   WHERE EXISTS (SELECT 1 FROM users cu WHERE cu.id = s.user_id AND cu.verified_at IS NOT NULL)`;

export const CONTRIBUTION_KINDS = ['comments', 'votes', 'projects', 'supports'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/**
 * What the dashboard counts: the contributions of accounts, people's attendance at public meetings, and
 * people trained at connected spaces (issue 15: counted by gender and age band, or named with their consent).
 */
export const STATS_KINDS = [...CONTRIBUTION_KINDS, 'attendance', 'training'] as const;
export type StatsKind = (typeof STATS_KINDS)[number];

/**
 * How a contribution reached Baro: typed by the person, recorded by them (a voice comment, a project told
 * by voice: issue 13 §7), entered for them by a facilitator, said at a meeting, or a training session at a
 * connected space ("formation"). Each contribution has one channel: a facilitator's entry is "assisted".
 */
export const CHANNELS = ['self', 'voice', 'assisted', 'meeting', 'formation'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What the figures cover: everything, one commune, one topic or one project. */
export type StatsScope = { kind: 'all' } | { kind: 'commune' | 'topic' | 'project'; id: number };

export const STATS_DIMENSIONS = ['gender', 'age', 'channel', 'space', 'commune', 'month', 'topic'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** A raw cell: `n` contributions (or participants) made by `people` distinct persons. */
export type RawCell = { group: string; label: string; kind: StatsKind | 'participants'; n: number; people: number };

function scopeWhere(scope: StatsScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`1 = 1`;
    case 'commune':
      return sql`x.commune_id = ${scope.id}`;
    case 'topic':
      return sql`x.topic_id = ${scope.id}`;
    case 'project':
      return sql`x.project_id = ${scope.id}`;
  }
}


/**
 * Everything the dashboard counts, one row per contribution or per group of meeting attendees:
 * - contributions of accounts (CONTRIBUTIONS), weight 1, with the person's gender and age band, the
 *   channel "assisted" when a facilitator entered it (then `space_id` is that space), else "self";
 * - attendance at public meetings (minutes published, not cancelled): one row per gender × age band
 *   counted in the room, `user_id` null and `weight` the number of people. Its date is the meeting's,
 *   its topic or project the meeting's, its commune and space those of the meeting's space.
 * - training sessions at connected spaces (issue 15), channel "formation", on the session's day, in its space
 *   and that space's commune, with no topic or project: the people counted by gender × age band, like a
 *   meeting's attendance (`user_id` null, `weight` the count), and the participants named with their consent
 *   (one row each, with their own gender and age band, counted once as people like any account).
 * People at a meeting have no account: each attendance counts as one person (docs/features/stats.md).
 */
function statsRows(year: number): SQL {
  return sql`
  SELECT x.user_id AS user_id, x.kind AS kind, x.created_at AS created_at, x.topic_id AS topic_id,
         x.project_id AS project_id, x.commune_id AS commune_id,
         CASE WHEN x.assisted_space_id IS NOT NULL THEN 'assisted' WHEN x.voice THEN 'voice' ELSE 'self' END AS channel,
         x.assisted_space_id AS space_id, ${genderGroupSql} AS gender, ${ageBandSql(year)} AS age_band, 1 AS weight
    FROM (${CONTRIBUTIONS}) x JOIN users ON users.id = x.user_id
  UNION ALL
  SELECT NULL, 'attendance', m.starts_at, m.topic_id, m.project_id, s.commune_id, 'meeting', m.space_id,
         CASE WHEN a.gender IN ('woman', 'man') THEN a.gender ELSE 'unknown' END, a.age_band, a.count
    FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id JOIN connected_spaces s ON s.id = m.space_id
   WHERE m.cancelled_at IS NULL AND m.minutes_published_at IS NOT NULL AND a.count > 0
  UNION ALL
  SELECT NULL, 'training', ts.held_on, NULL, NULL, s.commune_id, 'formation', ts.space_id,
         CASE WHEN a.gender IN ('woman', 'man') THEN a.gender ELSE 'unknown' END, a.age_band, a.count
    FROM training_attendance a JOIN training_sessions ts ON ts.id = a.session_id JOIN connected_spaces s ON s.id = ts.space_id
   WHERE a.count > 0
  UNION ALL
  SELECT tp.user_id, 'training', ts.held_on, NULL, NULL, s.commune_id, 'formation', ts.space_id,
         ${genderGroupSql}, ${ageBandSql(year)}, 1
    FROM training_participants tp JOIN training_sessions ts ON ts.id = tp.session_id
         JOIN connected_spaces s ON s.id = ts.space_id JOIN users ON users.id = tp.user_id`;
}

/** Distinct accounts, plus people counted at meetings (who cannot be told apart). */
const PEOPLE = sql`count(DISTINCT x.user_id) + coalesce(sum(CASE WHEN x.user_id IS NULL THEN x.weight END), 0)`;

function groupExpr(dimension: StatsDimension | 'total'): { group: SQL; label: SQL; join: SQL; where: SQL } {
  const none = { join: sql``, where: sql`1 = 1` };
  switch (dimension) {
    case 'total':
      return { group: sql`'all'`, label: sql`'all'`, ...none };
    case 'gender':
      return { group: sql`x.gender`, label: sql`x.gender`, ...none };
    case 'age':
      return { group: sql`x.age_band`, label: sql`x.age_band`, ...none };
    case 'channel':
      return { group: sql`x.channel`, label: sql`x.channel`, ...none };
    case 'space':
      return { group: sql`cast(x.space_id AS text)`, label: sql`connected_spaces.name`, join: sql`JOIN connected_spaces ON connected_spaces.id = x.space_id`, where: sql`x.space_id IS NOT NULL` };
    case 'month':
      return { group: sql`substr(x.created_at, 1, 7)`, label: sql`substr(x.created_at, 1, 7)`, ...none };
    case 'commune':
      return { group: sql`cast(x.commune_id AS text)`, label: sql`communes.name`, join: sql`JOIN communes ON communes.id = x.commune_id`, where: sql`1 = 1` };
    case 'topic':
      return { group: sql`cast(x.topic_id AS text)`, label: sql`topics.title`, join: sql`JOIN topics ON topics.id = x.topic_id`, where: sql`x.topic_id IS NOT NULL` };
  }
}

/**
 * Contributions by kind, and participants, for each group of a dimension, with the number of people
 * behind every count (what the small-group suppression looks at). `excludeKinds` are left out of
 * both (a project's own submission, in the project's figures).
 * `year` is the year ages are computed for (a person's age band is the one they are in now).
 */
export function rawBreakdown(db: Db, scope: StatsScope, dimension: StatsDimension | 'total', year: number, excludeKinds: readonly StatsKind[] = []): RawCell[] {
  const g = groupExpr(dimension);
  const kinds = excludeKinds.length ? sql`x.kind NOT IN (${sql.join(excludeKinds.map((k) => sql`${k}`), sql`, `)})` : sql`1 = 1`;
  const from = sql`FROM (${statsRows(year)}) x ${g.join} WHERE ${scopeWhere(scope)} AND ${g.where} AND ${kinds}`;
  return db.all<RawCell>(sql`
    SELECT ${g.group} AS "group", min(${g.label}) AS label, x.kind AS kind, sum(x.weight) AS n, ${PEOPLE} AS people
      ${from} GROUP BY 1, x.kind
    UNION ALL
    SELECT ${g.group}, min(${g.label}), 'participants', ${PEOPLE}, ${PEOPLE}
      ${from} GROUP BY 1
    ORDER BY 1`);
}

/** Per commune: participants, and how many of them are women and how many are 15–35. */
export type RawShares = { group: string; label: string; participants: number; women: number; youth: number };

export function rawSharesByCommune(db: Db, scope: StatsScope, year: number, excludeKinds: readonly StatsKind[] = []): RawShares[] {
  const kinds = excludeKinds.length ? sql`x.kind NOT IN (${sql.join(excludeKinds.map((k) => sql`${k}`), sql`, `)})` : sql`1 = 1`;
  const among = (where: SQL) =>
    sql`count(DISTINCT CASE WHEN ${where} THEN x.user_id END) + coalesce(sum(CASE WHEN x.user_id IS NULL AND ${where} THEN x.weight END), 0)`;
  return db.all<RawShares>(sql`
    SELECT cast(x.commune_id AS text) AS "group", min(communes.name) AS label,
           ${PEOPLE} AS participants,
           ${among(sql`x.gender = 'woman'`)} AS women,
           ${among(sql`x.age_band IN ('15-24', '25-35')`)} AS youth
      FROM (${statsRows(year)}) x JOIN communes ON communes.id = x.commune_id
     WHERE ${scopeWhere(scope)} AND ${kinds}
     GROUP BY 1 ORDER BY 2`);
}

/**
 * Voice contributions of a scope (issue 13 §7), and who made them: how many, by how many people, how many
 * of them by women and by people aged 15–35, and the people on the other side of each split (for the
 * small-group rule: a share is shown only when neither side, nor what it leaves of the published totals of
 * women's and youth's contributions, is 1 to 4 people).
 */
export type RawVoice = {
  n: number;
  people: number;
  womenN: number;
  womenPeople: number;
  /** people with voice contributions who are not women */
  notWomenPeople: number;
  /** women behind contributions of other channels (what the women's total minus the voice part leaves) */
  womenOtherPeople: number;
  youthN: number;
  youthPeople: number;
  notYouthPeople: number;
  youthOtherPeople: number;
};

export function rawVoice(db: Db, scope: StatsScope, year: number, excludeKinds: readonly StatsKind[] = []): RawVoice {
  const kinds = excludeKinds.length ? sql`x.kind NOT IN (${sql.join(excludeKinds.map((k) => sql`${k}`), sql`, `)})` : sql`1 = 1`;
  const people = (where: SQL) =>
    sql`count(DISTINCT CASE WHEN ${where} THEN x.user_id END) + coalesce(sum(CASE WHEN x.user_id IS NULL AND ${where} THEN x.weight END), 0)`;
  const voice = sql`x.channel = 'voice'`;
  const woman = sql`x.gender = 'woman'`;
  const youth = sql`x.age_band IN ('15-24', '25-35')`;
  const row = db.get<RawVoice>(sql`
    SELECT coalesce(sum(CASE WHEN ${voice} THEN x.weight END), 0) AS n,
           ${people(voice)} AS people,
           coalesce(sum(CASE WHEN ${voice} AND ${woman} THEN x.weight END), 0) AS womenN,
           ${people(sql`${voice} AND ${woman}`)} AS womenPeople,
           ${people(sql`${voice} AND NOT (${woman})`)} AS notWomenPeople,
           ${people(sql`NOT (${voice}) AND ${woman}`)} AS womenOtherPeople,
           coalesce(sum(CASE WHEN ${voice} AND ${youth} THEN x.weight END), 0) AS youthN,
           ${people(sql`${voice} AND ${youth}`)} AS youthPeople,
           ${people(sql`${voice} AND NOT (${youth})`)} AS notYouthPeople,
           ${people(sql`NOT (${voice}) AND ${youth}`)} AS youthOtherPeople
      FROM (${statsRows(year)}) x
     WHERE ${scopeWhere(scope)} AND ${kinds}`);
  return row ?? { n: 0, people: 0, womenN: 0, womenPeople: 0, notWomenPeople: 0, womenOtherPeople: 0, youthN: 0, youthPeople: 0, notYouthPeople: 0, youthOtherPeople: 0 };
}

/** How many residents of a commune have taken part at least once (any subject, any commune). */
export function residentsWhoTookPart(db: Db, communeId: number): number {
  const row = db.get<{ n: number }>(sql`
    SELECT count(DISTINCT x.user_id) AS n FROM (${CONTRIBUTIONS}) x JOIN users ON users.id = x.user_id
     WHERE users.commune_id = ${communeId}`);
  return row?.n ?? 0;
}

/** Published topics and projects of the given communes, newest first: those whose figures an official may open. */
export function subjectsWithStats(db: Db, topicCommunes: number[], projectCommunes: number[], limit = 30) {
  const inList = (ids: number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);
  return {
    topics: topicCommunes.length
      ? db.all<{ id: number; title: string }>(sql`SELECT id, title FROM topics WHERE phase <> 'draft' AND commune_id IN (${inList(topicCommunes)}) ORDER BY id DESC LIMIT ${limit}`)
      : [],
    projects: projectCommunes.length
      ? db.all<{ id: number; title: string }>(sql`SELECT id, title FROM projects WHERE status <> 'draft' AND commune_id IN (${inList(projectCommunes)}) ORDER BY id DESC LIMIT ${limit}`)
      : [],
  };
}

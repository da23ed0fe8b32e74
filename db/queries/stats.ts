import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { ageBandSql } from './demographics';

/**
 * Every contribution a person made, one row each: comments (not deleted, not hidden or held, and not
 * an official's answer), votes, citizen projects past the draft stage, and project supports.
 * `commune_id` is the commune of the consultation or project, `topic_id` / `project_id` its subject.
 * This is the one definition the inclusion dashboard and the connected-space pages count from.
 */
const CONTRIBUTIONS = sql`
  SELECT c.author_id AS user_id, 'comments' AS kind, c.created_at AS created_at,
         c.topic_id AS topic_id, c.project_id AS project_id, coalesce(t.commune_id, p.commune_id) AS commune_id
    FROM comments c LEFT JOIN topics t ON t.id = c.topic_id LEFT JOIN projects p ON p.id = c.project_id
   WHERE c.deleted_at IS NULL AND c.visibility = 'visible' AND c.is_official_answer = 0
  UNION ALL
  SELECT v.user_id, 'votes', v.created_at, v.topic_id, NULL, t.commune_id
    FROM votes v JOIN topics t ON t.id = v.topic_id
  UNION ALL
  SELECT p.author_id, 'projects', coalesce(p.submitted_at, p.created_at), NULL, p.id, p.commune_id
    FROM projects p WHERE p.status <> 'draft' AND p.visibility = 'visible'
  UNION ALL
  SELECT s.user_id, 'supports', s.created_at, NULL, s.project_id, p.commune_id
    FROM project_supports s JOIN projects p ON p.id = s.project_id`;

export const CONTRIBUTION_KINDS = ['comments', 'votes', 'projects', 'supports'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** What the figures cover: everything, one commune, one topic or one project. */
export type StatsScope = { kind: 'all' } | { kind: 'commune' | 'topic' | 'project'; id: number };

export const STATS_DIMENSIONS = ['gender', 'age', 'commune', 'month', 'topic'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** A raw cell: `n` contributions (or participants) made by `people` distinct persons. */
export type RawCell = { group: string; label: string; kind: ContributionKind | 'participants'; n: number; people: number };

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

/** Gender as stated; "unspecified" (chose not to say) and missing are one group: not stated. */
const GENDER = sql`CASE WHEN users.gender IN ('woman', 'man') THEN users.gender ELSE 'unknown' END`;

function groupExpr(dimension: StatsDimension | 'total', year: number): { group: SQL; label: SQL; join: SQL; where: SQL } {
  const none = { join: sql``, where: sql`1 = 1` };
  switch (dimension) {
    case 'total':
      return { group: sql`'all'`, label: sql`'all'`, ...none };
    case 'gender':
      return { group: GENDER, label: GENDER, ...none };
    case 'age': {
      const band = ageBandSql(year);
      return { group: band, label: band, ...none };
    }
    case 'month':
      return { group: sql`substr(x.created_at, 1, 7)`, label: sql`substr(x.created_at, 1, 7)`, ...none };
    case 'commune':
      return { group: sql`cast(x.commune_id AS text)`, label: sql`communes.name`, join: sql`JOIN communes ON communes.id = x.commune_id`, where: sql`1 = 1` };
    case 'topic':
      return { group: sql`cast(x.topic_id AS text)`, label: sql`topics.title`, join: sql`JOIN topics ON topics.id = x.topic_id`, where: sql`x.topic_id IS NOT NULL` };
  }
}

/**
 * Contributions by kind, and distinct participants, for each group of a dimension, with the number
 * of distinct people behind every count (what the small-group suppression looks at).
 * `year` is the year ages are computed for (a person's age band is the one they are in now).
 */
export function rawBreakdown(db: Db, scope: StatsScope, dimension: StatsDimension | 'total', year: number): RawCell[] {
  const g = groupExpr(dimension, year);
  const from = sql`FROM (${CONTRIBUTIONS}) x JOIN users ON users.id = x.user_id ${g.join} WHERE ${scopeWhere(scope)} AND ${g.where}`;
  return db.all<RawCell>(sql`
    SELECT ${g.group} AS "group", min(${g.label}) AS label, x.kind AS kind, count(*) AS n, count(DISTINCT x.user_id) AS people
      ${from} GROUP BY 1, x.kind
    UNION ALL
    SELECT ${g.group}, min(${g.label}), 'participants', count(DISTINCT x.user_id), count(DISTINCT x.user_id)
      ${from} GROUP BY 1
    ORDER BY 1`);
}

/** Per commune: distinct participants, and how many of them are women and how many are 15–35. */
export type RawShares = { group: string; label: string; participants: number; women: number; youth: number };

export function rawSharesByCommune(db: Db, scope: StatsScope, year: number): RawShares[] {
  const band = ageBandSql(year);
  return db.all<RawShares>(sql`
    SELECT cast(x.commune_id AS text) AS "group", min(communes.name) AS label,
           count(DISTINCT x.user_id) AS participants,
           count(DISTINCT CASE WHEN users.gender = 'woman' THEN x.user_id END) AS women,
           count(DISTINCT CASE WHEN ${band} IN ('15-24', '25-35') THEN x.user_id END) AS youth
      FROM (${CONTRIBUTIONS}) x JOIN users ON users.id = x.user_id JOIN communes ON communes.id = x.commune_id
     WHERE ${scopeWhere(scope)}
     GROUP BY 1 ORDER BY 2`);
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

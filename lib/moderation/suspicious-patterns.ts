import { and, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projects, projectSupports, topics, users } from '@/db/schema';
import type { ViewContext } from '@/lib/view-context';

/**
 * Patterns that look like sock puppets (issue 12 §4), shown on the moderation dashboard for a person to
 * look into. Baro never acts on them by itself: nothing is hidden, no vote or support is removed, no
 * account is touched. A flag is a question, not a verdict (a women's group registering together at a
 * connected space and voting alike is not fraud). Thresholds are documented in
 * docs/features/verification.md ("Suspicious patterns").
 */
export const SUSPICION_RULES = {
  /** many accounts registered within one hour that vote the same way on one topic */
  voteCluster: {
    /** accounts whose registrations fit in this window count as registered together */
    windowMinutes: 60,
    /** at least this many of them chose the same answer */
    minAccounts: 10,
    /** among votes cast in the last … days */
    lookbackDays: 30,
  },
  /** many supports on one project from accounts created that week */
  supportBurst: {
    /** an account at most this old when it supported counts as new */
    accountAgeDays: 7,
    /** supports given in the last … days */
    windowDays: 7,
    /** at least this many supports from new accounts */
    minSupports: 10,
  },
} as const;

const DAY_MS = 86_400_000;

export type VoteCluster = {
  topicId: number;
  topicTitle: string;
  /** 'for' | 'against' | 'abstain', or a poll option's text */
  choice: string;
  pollOption: boolean;
  /** accounts registered within the window that chose it */
  accounts: number;
  /** when the first and the last of them registered */
  firstRegisteredAt: string;
  lastRegisteredAt: string;
};

export type SupportBurst = {
  projectId: number;
  projectTitle: string;
  /** supports of the last week from accounts at most a week old when they supported */
  fromNewAccounts: number;
  /** all supports of the last week */
  lastWeek: number;
};

export type SuspiciousPatterns = { voteClusters: VoteCluster[]; supportBursts: SupportBurst[] };

function inScope(column: typeof topics.communeId | typeof projects.communeId, scope: number[] | 'all'): SQL | undefined {
  if (scope === 'all') return undefined;
  return scope.length ? inArray(column, scope) : sql`0`;
}

/**
 * The largest group of same-choice voters of each topic whose accounts were registered within one
 * window, when it reaches the threshold. SQLite counts it with a window function (a RANGE frame over the
 * registration instant, per topic and choice): one sorted pass, no pairs compared.
 */
export function findVoteClusters(db: Db, scope: number[] | 'all', now: Date): VoteCluster[] {
  const r = SUSPICION_RULES.voteCluster;
  const since = new Date(now.getTime() - r.lookbackDays * DAY_MS).toISOString();
  const communes = scope === 'all' ? sql`1 = 1` : scope.length ? sql`t.commune_id IN (${sql.join(scope.map((id) => sql`${id}`), sql`, `)})` : sql`0`;
  const seconds = r.windowMinutes * 60;
  // Only accounts with enough others registered within the window around them can be in a cluster:
  // a first pass over accounts alone (ordinary registrations are spread out) keeps the second small, and
  // CROSS JOIN makes SQLite start from those accounts (their votes by votes_user_idx), not from every vote.
  const rows = db.all<{ topicId: number; choice: string; accounts: number; first: string; last: string }>(sql`
    WITH crowded AS (
      SELECT id FROM (
        SELECT id, count(*) OVER (ORDER BY julianday(created_at) * 86400.0 RANGE BETWEEN ${seconds} PRECEDING AND ${seconds} FOLLOWING) AS n
          FROM users
      ) WHERE n >= ${r.minAccounts}
    )
    SELECT topic_id AS topicId, choice, n AS accounts, first, last FROM (
      SELECT v.topic_id, v.choice, u.created_at AS last,
             count(*) OVER w AS n,
             first_value(u.created_at) OVER w AS first
        FROM crowded c CROSS JOIN votes v ON v.user_id = c.id JOIN users u ON u.id = c.id JOIN topics t ON t.id = v.topic_id
       WHERE coalesce(v.updated_at, v.created_at) >= ${since} AND ${communes}
      WINDOW w AS (PARTITION BY v.topic_id, v.choice ORDER BY julianday(u.created_at) * 86400.0
                   RANGE BETWEEN ${seconds} PRECEDING AND CURRENT ROW)
    ) WHERE n >= ${r.minAccounts}`);
  // The fullest window of each topic and answer (the first one found when two are as full).
  const best = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.topicId}\u0000${row.choice}`;
    const seen = best.get(key);
    if (!seen || row.accounts > seen.accounts || (row.accounts === seen.accounts && row.last < seen.last)) best.set(key, row);
  }
  if (best.size === 0) return [];
  const ids = [...new Set([...best.values()].map((b) => b.topicId))];
  const info = new Map(
    db.select({ id: topics.id, title: topics.title, pollOptions: topics.pollOptions }).from(topics).where(inArray(topics.id, ids)).all().map((t) => [t.id, t]),
  );
  return [...best.values()]
    .map((b) => {
      const t = info.get(b.topicId)!;
      const option = /^option:(\d+)$/.exec(b.choice);
      const pollText = option ? t.pollOptions?.[Number(option[1])] : undefined;
      return {
        topicId: b.topicId,
        topicTitle: t.title,
        choice: pollText ?? b.choice,
        pollOption: pollText !== undefined,
        accounts: b.accounts,
        firstRegisteredAt: b.first,
        lastRegisteredAt: b.last,
      };
    })
    .sort((a, b) => b.accounts - a.accounts || a.topicId - b.topicId);
}

/** Projects supported in the last week by many accounts that were at most a week old when they did. */
export function findSupportBursts(db: Db, scope: number[] | 'all', now: Date): SupportBurst[] {
  const r = SUSPICION_RULES.supportBurst;
  const since = new Date(now.getTime() - r.windowDays * DAY_MS).toISOString();
  const fresh = sql<number>`sum(julianday(${projectSupports.createdAt}) - julianday(${users.createdAt}) <= ${r.accountAgeDays})`;
  return db
    .select({ projectId: projects.id, projectTitle: projects.title, fromNewAccounts: fresh, lastWeek: sql<number>`count(*)` })
    .from(projectSupports)
    .innerJoin(users, eq(users.id, projectSupports.userId))
    .innerJoin(projects, eq(projects.id, projectSupports.projectId))
    .where(and(gte(projectSupports.createdAt, since), inScope(projects.communeId, scope)))
    .groupBy(projects.id)
    .having(sql`${fresh} >= ${r.minSupports}`)
    .orderBy(sql`${fresh} DESC`, projects.id)
    .all();
}

/** The moderation dashboard's panel, for the communes in a moderator's scope (lib/moderation/views.ts checks who asks). */
export function suspiciousPatterns(ctx: Pick<ViewContext, 'db' | 'now'>, scope: number[] | 'all'): SuspiciousPatterns {
  return { voteClusters: findVoteClusters(ctx.db, scope, ctx.now), supportBursts: findSupportBursts(ctx.db, scope, ctx.now) };
}

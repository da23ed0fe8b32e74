import { and, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projects, projectSupports, topics, users, votes } from '@/db/schema';
import { can, moderationScope } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';

/**
 * Patterns that look like sock puppets (issue 12 §4), shown on the moderation dashboard for a person to
 * look into. Baro never acts on them by itself: nothing is hidden, no vote or support is removed, no
 * account is touched. A flag is a question, not a verdict (a women's group registering together at a
 * connected space and voting alike is not fraud). Thresholds are documented in
 * docs/features/accounts.md ("Suspicious patterns").
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
 * window (a sliding window over the voters sorted by registration time), when it reaches the threshold.
 */
export function findVoteClusters(db: Db, scope: number[] | 'all', now: Date): VoteCluster[] {
  const r = SUSPICION_RULES.voteCluster;
  const since = new Date(now.getTime() - r.lookbackDays * DAY_MS).toISOString();
  const rows = db
    .select({ topicId: votes.topicId, choice: votes.choice, registeredAt: users.createdAt })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .innerJoin(topics, eq(topics.id, votes.topicId))
    .where(and(gte(sql`coalesce(${votes.updatedAt}, ${votes.createdAt})`, since), inScope(topics.communeId, scope)))
    .orderBy(votes.topicId, votes.choice, users.createdAt)
    .all();
  const windowMs = r.windowMinutes * 60_000;
  const best = new Map<string, { topicId: number; choice: string; accounts: number; first: string; last: string }>();
  // Rows come grouped by (topic, choice), sorted by registration: two pointers find the fullest window.
  let start = 0;
  for (let end = 0; end < rows.length; end++) {
    const e = rows[end]!;
    if (end > 0 && (rows[end - 1]!.topicId !== e.topicId || rows[end - 1]!.choice !== e.choice)) start = end;
    while (Date.parse(e.registeredAt) - Date.parse(rows[start]!.registeredAt) > windowMs) start++;
    const n = end - start + 1;
    const key = `${e.topicId}\u0000${e.choice}`;
    if (n >= r.minAccounts && n > (best.get(key)?.accounts ?? 0)) {
      best.set(key, { topicId: e.topicId, choice: e.choice, accounts: n, first: rows[start]!.registeredAt, last: e.registeredAt });
    }
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

/** The moderation dashboard's panel: what this moderator's communes show, or null for anyone else. */
export function suspiciousPatterns(ctx: ViewContext): SuspiciousPatterns | null {
  if (!can(ctx.actor, 'moderation.access', undefined)) return null;
  const scope = moderationScope(ctx.actor);
  return { voteClusters: findVoteClusters(ctx.db, scope, ctx.now), supportBursts: findSupportBursts(ctx.db, scope, ctx.now) };
}

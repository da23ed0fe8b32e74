import { and, count, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ageBandSql, genderGroupSql, type GroupCount } from '@/db/queries/demographics';
import { users, voteTallies, votes } from '@/db/schema';

export type Tally = Map<string, { residents: number; others: number }>;

/** Public tally: counts per choice, residents of the topic's commune apart from others. */
export function tally(db: Db, topicId: number, communeId: number): Tally {
  // vote_tallies is kept by triggers (migrations 0010 and verified_accounts: verified voters only): a few rows per topic, however many votes.
  const rows = db
    .select({
      choice: voteTallies.choice,
      resident: sql<number>`${voteTallies.communeId} = ${communeId}`,
      n: sql<number>`sum(${voteTallies.n})`,
    })
    .from(voteTallies)
    .where(and(eq(voteTallies.topicId, topicId), sql`${voteTallies.n} > 0`))
    .groupBy(voteTallies.choice, sql`${voteTallies.communeId} = ${communeId}`)
    .all();
  const byChoice: Tally = new Map();
  for (const r of rows) {
    const c = byChoice.get(r.choice) ?? { residents: 0, others: 0 };
    if (r.resident) c.residents += r.n;
    else c.others += r.n;
    byChoice.set(r.choice, c);
  }
  return byChoice;
}

/**
 * A topic's votes counted by choice and by the voter's gender ("woman", "man", "unknown" = not stated)
 * or age band, for the officials' split (lib/topics/vote-split.ts decides what of it is shown). Verified
 * voters only, as in the public tally (migration verified_accounts).
 */
export function voteCountsBy(db: Db, topicId: number, dimension: 'gender' | 'age', year: number): GroupCount[] {
  const group = dimension === 'gender' ? genderGroupSql : (ageBandSql(year) as unknown as SQL<string>);
  return db
    .select({ group, choice: votes.choice, n: count() })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .where(and(eq(votes.topicId, topicId), isNotNull(users.verifiedAt)))
    .groupBy(group, votes.choice)
    .all();
}

/** This person's choice on a topic, if they voted. */
export function myVote(db: Db, topicId: number, userId: number): string | null {
  return db.select({ choice: votes.choice }).from(votes).where(and(eq(votes.topicId, topicId), eq(votes.userId, userId))).get()?.choice ?? null;
}

import type { Db } from '@/db/client';
import { tally, voteCountsBy } from '@/lib/votes/queries';
import type { Topic } from '@/db/schema';
import { groupTotalsOf } from '@/lib/stats/breakdown-totals';
import { protectedBreakdown } from '@/lib/stats/dashboard';
import { protectSplit, type Split } from '@/lib/stats/split';
import { choicesOf } from '@/lib/votes/cast-vote';

export type VoteSplits = { byGender: Split; byAge: Split };

/**
 * A topic's votes split by gender and by age band, for its officials: what of it can be shown beside
 * the public tally and the topic's /stats figures (lib/stats/split.ts).
 */
export function voteSplits(db: Db, topic: Pick<Topic, 'id' | 'communeId' | 'pollOptions'>, now = new Date()): VoteSplits {
  const year = now.getUTCFullYear();
  const choices = choicesOf(topic);
  const publicTally = tally(db, topic.id, topic.communeId);
  const split = (dimension: 'gender' | 'age'): Split => {
    const breakdown = protectedBreakdown(db, { kind: 'topic', id: topic.id }, dimension, year);
    const groups = breakdown.groups.map((g) => g.group);
    const rows = voteCountsBy(db, topic.id, dimension, year);
    const counts = groups.map((g) => choices.map((c) => rows.find((r) => r.group === g && r.choice === c)?.n ?? 0));
    // The split is protected against the public tally: it must count exactly the same votes.
    const sameVotes = choices.every((c, k) => {
      const t = publicTally.get(c);
      return counts.reduce((a, row) => a + row[k]!, 0) === (t ? t.residents + t.others : 0);
    });
    if (!sameVotes || rows.some((r) => !choices.includes(r.choice))) return { status: 'withheld', reason: 'small' };
    return protectSplit(groups, choices, counts, groupTotalsOf(breakdown, 'votes'));
  };
  return { byGender: split('gender'), byAge: split('age') };
}

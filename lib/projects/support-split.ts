import type { Db } from '@/db/client';
import type { Project } from '@/db/schema';
import { groupTotalsOf } from '@/lib/stats/breakdown-totals';
import { protectedBreakdown } from '@/lib/stats/dashboard';
import type { Split } from '@/lib/stats/split';

export type SupportSplits = { byGender: Split; byAge: Split };

/**
 * A project's supporters by gender and by age band, for its officials: the supports column of the
 * project's /stats breakdowns (the same figures, protected there against the public support count).
 */
export function supportSplits(db: Db, project: Pick<Project, 'id' | 'supportCount'>, now = new Date()): SupportSplits {
  const year = now.getUTCFullYear();
  const split = (dimension: 'gender' | 'age'): Split => {
    const breakdown = protectedBreakdown(db, { kind: 'project', id: project.id }, dimension, year);
    const totals = groupTotalsOf(breakdown, 'supports');
    const counted = breakdown.groups.reduce((a, g) => a + g.kinds.supports.n, 0);
    if (!totals.ok || counted !== project.supportCount) return { status: 'withheld', reason: 'small' };
    return { status: 'shown', rows: breakdown.groups.map((g, i) => ({ group: g.group, total: totals.cells[i]!, cells: { support: totals.cells[i]! } })) };
  };
  return { byGender: split('gender'), byAge: split('age') };
}

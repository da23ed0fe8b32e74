import type { Cell } from './disclosure';
import type { GroupTotals } from './split';
import type { Metric, ProtectedBreakdown } from './dashboard';

/**
 * One column of a protected /stats breakdown (the votes of a topic, the supports of a project) as the
 * group totals of an officials' split: the same figures, and, for the split to echo, how each proof
 * of a hidden /stats figure changes that column.
 */
export function groupTotalsOf(b: ProtectedBreakdown, metric: Metric): GroupTotals {
  const { table } = b;
  const cells: Cell[] = b.groups.map((_, g) => (table.ok ? table.cells[g]![metric] : 'masked'));
  const witnesses = [...table.protection.witnesses.values()].map((move) => {
    const byRow = new Map<number, number>();
    b.groups.forEach((_, g) => {
      const d = move.get(table.index(g, metric)) ?? 0;
      if (d !== 0) byRow.set(g, d);
    });
    return byRow;
  });
  // A column /stats cannot show at all cannot be the totals of a split either.
  return { cells, witnesses, ok: table.ok && !table.withheld.has(metric) };
}

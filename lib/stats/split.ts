import { cellOf, evaluate, moveOf, protect, type Cell, type Figure, type Model, type Move, type Status } from './disclosure';

/**
 * The officials' split of a topic's votes by one attribute (gender, or age band): groups × choices.
 *
 * Published beside it, and tied to it: the public tally (every choice's count is known exactly) and
 * the number of votes of each group (the split's Total column, the same figure as /stats shows for the
 * topic, protected there: `groupTotals`).
 *
 * The split is shown only if:
 * - no group that voted is unanimous (unless the whole tally is): a row with a single non-zero cell
 *   tells every member's vote, and the labels make non-zero cells visible even when hidden;
 * - every cell of 1–4 votes keeps two possible values even for a reader who knows exactly how many
 *   people of each group voted (so whatever else is published about group sizes, no vote can be worked
 *   out): proved by a witness that moves votes around a rectangle of hidden cells, keeping every row
 *   and every choice total;
 * - every change of a group's total that proves a `few` figure of /stats can be made in the split too
 *   (a vote moving between the two groups within one hidden choice), so the split does not pin down
 *   what /stats hides.
 * Otherwise it is withheld, and the page says there are not yet enough votes to show it.
 */
export type SplitRow = { group: string; total: Cell; cells: Record<string, Cell> };
export type Split =
  | { status: 'shown'; rows: SplitRow[] }
  | { status: 'withheld'; reason: 'unanimous' | 'small' };

export type GroupTotals = {
  /** the published figure of each group's vote count (from the protected /stats table) */
  cells: Cell[];
  /** the changes of group totals that prove /stats' hidden figures (row → delta), to be echoed here */
  witnesses: Map<number, number>[];
  /** false when /stats could not publish the groups' totals at all */
  ok: boolean;
};

export function splitModel(counts: readonly (readonly number[])[], rowSumsKnown: boolean): Model {
  const G = counts.length;
  const K = counts[0]?.length ?? 0;
  const at = (g: number, c: number) => g * K + c;
  const figures: Figure[] = counts.flatMap((row) => row.map((n) => ({ value: n, people: n, onePerPerson: true })));
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: K }, (_, c) => counts.reduce((a, row) => a + row[c]!, 0));
  const holds = (v: readonly number[]) => {
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (let g = 0; g < G; g++) {
        if (v[at(g, c)]! < 0) return false;
        s += v[at(g, c)]!;
      }
      if (s !== colSums[c]) return false;
    }
    if (rowSumsKnown) {
      for (let g = 0; g < G; g++) {
        let s = 0;
        for (let c = 0; c < K; c++) s += v[at(g, c)]!;
        if (s !== rowSums[g]) return false;
      }
    }
    return true;
  };
  const moves = (i: number): Move[] => {
    const g = Math.floor(i / K);
    const c = i % K;
    const out: Move[] = [];
    // A rectangle: one vote of g moves from c to c2 while one vote of h moves from c2 to c.
    for (const d of [1, -1]) {
      for (let h = 0; h < G; h++) {
        if (h === g) continue;
        for (let c2 = 0; c2 < K; c2++) {
          if (c2 === c) continue;
          out.push(moveOf([at(g, c), d], [at(g, c2), -d], [at(h, c), -d], [at(h, c2), d]));
        }
      }
    }
    return out;
  };
  return { figures, holds, moves };
}

export function protectSplit(
  groups: readonly string[],
  categories: readonly string[],
  counts: readonly (readonly number[])[],
  groupTotals: GroupTotals,
): Split {
  const K = categories.length;
  const colSums = categories.map((_, c) => counts.reduce((a, row) => a + row[c]!, 0));
  const contested = colSums.filter((n) => n > 0).length >= 2;
  if (contested && counts.some((row) => row.filter((n) => n > 0).length === 1)) return { status: 'withheld', reason: 'unanimous' };
  if (!groupTotals.ok) return { status: 'withheld', reason: 'small' };

  // The votes between choices, for a reader who knows every group's size.
  const choice = splitModel(counts, true);
  const p = protect(choice);
  if (!p.ok) return { status: 'withheld', reason: 'small' };
  const statuses: Status[] = p.statuses;

  // The group totals /stats hides must stay uncertain here too: echo each change of two groups' totals
  // by one vote moving between them within a single choice, hiding the cheapest cells to allow it.
  const published = splitModel(counts, false);
  const values = counts.flat();
  for (const w of groupTotals.witnesses) {
    const changed = [...w.entries()].filter(([, d]) => d !== 0);
    if (changed.length === 0) continue;
    if (changed.length !== 2 || changed[0]![1] !== -changed[1]![1]) return { status: 'withheld', reason: 'small' };
    const [[g, d], [h]] = changed as [[number, number], [number, number]];
    let best: { toMask: number[]; cost: number } | null = null;
    for (let c = 0; c < K; c++) {
      const r = evaluate(published, statuses, values, moveOf([g * K + c, d], [h * K + c, -d]));
      if (r && (!best || r.cost < best.cost)) best = r;
    }
    if (!best) return { status: 'withheld', reason: 'small' };
    for (const j of best.toMask) statuses[j] = 'masked';
  }
  // Masking more keeps every proof valid; check the choice witnesses under the final labels anyway.
  for (const w of p.witnesses.values()) {
    const r = evaluate(choice, statuses, values, w);
    if (!r || r.toMask.length) return { status: 'withheld', reason: 'small' };
  }

  return {
    status: 'shown',
    rows: groups.map((group, g) => ({
      group,
      total: groupTotals.cells[g]!,
      cells: Object.fromEntries(categories.map((c, k) => [c, cellOf(counts[g]![k]!, statuses[g * K + k]!)])),
    })),
  };
}

/**
 * Statistical disclosure control for every published breakdown: the one place that decides which
 * figure is shown, which is hidden and how a hidden figure is labelled. The pages only render it.
 *
 * The rule (docs/features/privacy.md):
 * - A figure behind 1 to 4 people is never shown: it reads "fewer than 5" (`few`).
 * - A figure is hidden only to protect such a figure reads "hidden to protect a small group"
 *   (`masked`); it is 0 or at least 5 people, never 1 to 4.
 * - Every `few` figure must keep at least two possible values given everything published beside it
 *   (totals, the public tally, the other cells, the labels themselves). This module proves it for
 *   each one by exhibiting a second data set (a *witness*) that differs in that figure and yields
 *   exactly the same published page. If it cannot, it hides one more figure (the cheapest that
 *   makes a witness valid) and, when nothing works, the whole breakdown is withheld.
 *
 * A witness is checked against the whole model (every sum and every inequality that links the
 * figures), so the proof does not depend on how the witness was found: the search may miss one
 * (then more is hidden than strictly needed), it cannot accept a wrong one.
 */

/** Groups smaller than this are never shown: with so few people, a count could identify someone. */
export const SMALL_GROUP = 5;

/**
 * `few`: 1 to 4 people, "fewer than 5"; `masked`: hidden to protect a small group (≥ 5 people);
 * `withheld`: a whole column that cannot be shown yet — every row of it alike, zeros included, so
 * that not even which groups are empty shows.
 */
export type Hidden = 'few' | 'masked' | 'withheld';
/** A figure as published: a number, or why it is hidden. */
export type Cell = number | Hidden;
export type Status = 'shown' | Hidden;

export const isShown = (c: Cell): c is number => typeof c === 'number';

/** The label a figure gets from the people behind it alone (before any complementary suppression). */
export function primaryStatus(people: number): Status {
  return people > 0 && people < SMALL_GROUP ? 'few' : 'shown';
}

export function cellOf(value: number, status: Status): Cell {
  return status === 'shown' ? value : status;
}

/** Whole percent of a shown part of a shown total; null when either is hidden or the total is 0. */
export function percent(part: Cell, total: Cell): number | null {
  if (!isShown(part) || !isShown(total) || total === 0) return null;
  return Math.round((100 * part) / total);
}

/** A figure of a model: its true value, the people behind it, and what its label says it may be. */
export type Figure = {
  value: number;
  people: number;
  /**
   * The values a reader knows a hidden figure may take from its label: for `few`, 1–4 people (a count
   * of 1–4 when each person counts once, at least 1 otherwise); for `masked`, at least 5.
   */
  onePerPerson: boolean;
  /** taken last when something has to be hidden to protect another figure (e.g. the share of women) */
  keep?: boolean;
};

/** A change to some figures (index → delta): one alternative data set. */
export type Move = ReadonlyMap<number, number>;

export type Model = {
  figures: Figure[];
  /**
   * Every published relation between figures (sums, known totals, couplings), for candidate values.
   * `changed`, when given, lists the only figures that differ from the true values: a model may then
   * check only the relations they are in (the others hold for the true values, checked once).
   */
  holds: (values: readonly number[], changed?: readonly number[]) => boolean;
  /** candidate alternative data sets that change figure i */
  moves: (i: number) => Move[];
};

export function inLabel(f: Figure, x: number, status: Hidden): boolean {
  if (!Number.isInteger(x)) return false;
  if (status === 'withheld') return x >= 0;
  if (status === 'masked') return x >= SMALL_GROUP;
  return f.onePerPerson ? x >= 1 && x < SMALL_GROUP : x >= 1;
}

export type Protection = {
  statuses: Status[];
  /** for each `few` figure, the alternative data set that proves it has a second possible value */
  witnesses: Map<number, Move>;
  /** false when some `few` figure could not be protected (`failed`): the breakdown must be withheld */
  ok: boolean;
  failed?: number;
};

/**
 * Checks a move against the current labels. Returns the shown figures it would have to hide (and the
 * cost of hiding them), or null if the move is not a valid alternative whatever is hidden.
 */
export function evaluate(model: Model, statuses: readonly Status[], values: readonly number[], move: Move) {
  const toMask: number[] = [];
  let cost = 0;
  const changed: number[] = [];
  for (const [i, d] of move) {
    if (d === 0) continue;
    const f = model.figures[i]!;
    const x = f.value + d;
    changed.push(i);
    const s = statuses[i]!;
    if (s === 'shown') {
      // A shown 0 stays 0: hiding a zero would need a label of its own. Only figures of ≥ 5 people are masked.
      if (f.people < SMALL_GROUP || !inLabel(f, x, 'masked')) return null;
      toMask.push(i);
      // Keep the groups the page is about (women, youth) visible when there is a choice.
      cost += f.value + (f.keep ? 1_000_000 : 0);
    } else if (!inLabel(f, x, s)) return null;
  }
  // The alternative data set, built on a scratch copy that is put back afterwards.
  const next = values as number[];
  for (const i of changed) next[i] = next[i]! + move.get(i)!;
  const ok = model.holds(next, changed);
  for (const i of changed) next[i] = next[i]! - move.get(i)!;
  return ok ? { toMask, cost } : null;
}

function findWitness(model: Model, statuses: Status[], values: number[], i: number, allowMasking: boolean) {
  let best: { move: Move; toMask: number[]; cost: number } | null = null;
  for (const move of model.moves(i)) {
    if ((move.get(i) ?? 0) === 0) continue;
    const r = evaluate(model, statuses, values, move);
    if (!r) continue;
    if (!allowMasking && r.toMask.length) continue;
    if (!best || r.cost < best.cost) best = { move, ...r };
    if (best.cost === 0) break;
  }
  return best;
}

/**
 * Labels every figure: `few` for 1–4 people, then, for each `few` figure, hides the cheapest set of
 * figures that lets a witness exist. `premasked` figures start hidden (to stay consistent with a
 * figure published elsewhere). Finally every `few` figure is checked again under the final labels.
 */
export function protect(model: Model, premasked: readonly number[] = [], withheld: ReadonlySet<number> = new Set()): Protection {
  const values = model.figures.map((f) => f.value);
  const statuses: Status[] = model.figures.map((f, i) => (withheld.has(i) ? 'withheld' : primaryStatus(f.people)));
  for (const i of premasked) if (statuses[i] === 'shown' && model.figures[i]!.people >= SMALL_GROUP) statuses[i] = 'masked';
  const witnesses = new Map<number, Move>();
  // A model that does not hold for the true figures is wrong: publish nothing rather than trust it.
  if (!model.holds(values)) return { statuses, witnesses, ok: false };
  const few = statuses.flatMap((s, i) => (s === 'few' ? [i] : []));
  for (const i of few) {
    const w = findWitness(model, statuses, values, i, true);
    if (!w) return { statuses, witnesses, ok: false, failed: i };
    for (const j of w.toMask) statuses[j] = 'masked';
    witnesses.set(i, w.move);
  }
  // Hiding more never invalidates a witness (it keeps masked figures at their true value, which fits
  // their label), but check them all again under the final labels all the same.
  for (const i of few) {
    const w = witnesses.get(i)!;
    const r = evaluate(model, statuses, values, w);
    if (!r || r.toMask.length) return { statuses, witnesses, ok: false, failed: i };
  }
  return { statuses, witnesses, ok: true };
}

/** A move from (index, delta) pairs, summing deltas on the same figure. */
export function moveOf(...pairs: [number, number][]): Move {
  const m = new Map<number, number>();
  for (const [i, d] of pairs) m.set(i, (m.get(i) ?? 0) + d);
  return m;
}

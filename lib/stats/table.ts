import { cellOf, moveOf, protect, type Cell, type Figure, type Model, type Move, type Protection } from './disclosure';

/**
 * A breakdown of people and what they did, one row per group: the tables of /stats, a project's
 * supporters and a meeting's attendance. Columns are the `participants` (distinct people), kinds of
 * contributions, and `contributions` (the sum of the kinds in the row).
 *
 * What a reader can tie together, all of which the model checks:
 * - each column adds up to a known total. Every column sum is treated as known, even where this page
 *   does not show it (vote, comment and support counts are public elsewhere; the sum over connected
 *   spaces is the "assisted" row of the channel table; and so on): a reader who knows more can only
 *   rule out more, so protecting against this reader protects against every other;
 * - the participants of a group are at most the participants of the scope;
 * - in a row, contributions = the sum of the kinds; each participant made at least one contribution;
 *   people at a meeting have no account (attendance adds to the participants); a kind counted once per
 *   person (a vote on one topic, a support of one project, an attendance) has at most as many items
 *   as the row has participants; a shown or masked kind is 5 people or more, a `few` one 1 to 4.
 */
export type Counted = { n: number; people: number };

export type TableSpec<M extends string> = {
  /** the column of distinct people, if any */
  participants?: M;
  /** kinds of contributions; `attendance` is people counted at meetings, who have no account */
  kinds: readonly M[];
  attendance?: M;
  /** the sum of the kinds, if shown */
  contributions?: M;
  /** kinds counted once per person in this scope (a vote on one topic, a support of one project) */
  onePerPerson: readonly M[];
  /** distinct participants of the whole scope (a group has at most that many) */
  participantsTotal?: number;
  rows: { group: string; keep?: boolean; cells: Partial<Record<M, Counted>> }[];
};

export type TableProtection<M extends string> = {
  ok: boolean;
  cells: Record<M, Cell>[];
  protection: Protection;
  /** the figure index of (row, metric), to read a witness */
  index: (row: number, metric: M) => number;
  metrics: readonly M[];
  /** columns that cannot be shown at all yet */
  withheld: ReadonlySet<M>;
};

export function tableModel<M extends string>(spec: TableSpec<M>, withheld: ReadonlySet<M> = new Set()): { model: Model; metrics: M[]; index: (r: number, m: M) => number } {
  const metrics: M[] = [
    ...(spec.participants ? [spec.participants] : []),
    ...spec.kinds,
    ...(spec.contributions ? [spec.contributions] : []),
  ];
  const col = new Map(metrics.map((m, i) => [m, i]));
  const M = metrics.length;
  const index = (r: number, m: M) => r * M + col.get(m)!;
  const P = spec.participants;
  const A = spec.attendance;
  const C = spec.contributions;
  const accountKinds = spec.kinds.filter((k) => k !== A);
  const once = new Set<M>([...spec.onePerPerson, ...(A ? [A] : [])]);

  const figures: Figure[] = [];
  spec.rows.forEach((row) => {
    const participants = P ? (row.cells[P]?.people ?? 0) : 0;
    for (const m of metrics) {
      const c = row.cells[m] ?? { n: 0, people: 0 };
      // The people behind the sum of a row are its participants.
      const people = m === C && P ? participants : c.people;
      figures.push({ value: c.n, people, onePerPerson: m === P || once.has(m), keep: row.keep });
    }
  });
  // What a label alone tells of a row's accounts: a shown or masked kind is ≥ 5 people, a few one ≥ 1
  // (a withheld column tells nothing).
  const accountFloor = spec.rows.map((row) =>
    Math.max(0, ...accountKinds.filter((k) => !withheld.has(k)).map((k) => {
      const p = row.cells[k]?.people ?? 0;
      return p === 0 ? 0 : p < 5 ? 1 : 5;
    })),
  );

  const sums = metrics.map((m) => figures.filter((_, i) => i % M === col.get(m)).reduce((a, f) => a + f.value, 0));
  const R = spec.rows.length;
  const columnHolds = (v: readonly number[], c: number) => {
    let sum = 0;
    for (let r = 0; r < R; r++) {
      const x = v[r * M + c]!;
      if (x < 0) return false;
      if (metrics[c] === P && spec.participantsTotal !== undefined && x > spec.participantsTotal) return false;
      sum += x;
    }
    return sum === sums[c];
  };
  const rowHolds = (v: readonly number[], r: number) => {
    const kindsSum = spec.kinds.reduce((a, k) => a + v[index(r, k)]!, 0);
    if (C && v[index(r, C)] !== kindsSum) return false;
    if (!P) return true;
    const p = v[index(r, P)]!;
    const att = A ? v[index(r, A)]! : 0;
    if (p > kindsSum || (p === 0) !== (kindsSum === 0)) return false;
    if (p < att + accountFloor[r]!) return false;
    for (const k of accountKinds) if (once.has(k) && p < att + v[index(r, k)]!) return false;
    return true;
  };
  const holds = (v: readonly number[], changed?: readonly number[]) => {
    const rows = changed ? [...new Set(changed.map((i) => Math.floor(i / M)))] : spec.rows.map((_, r) => r);
    const cols = changed ? [...new Set(changed.map((i) => i % M))] : metrics.map((_, c) => c);
    return cols.every((c) => columnHolds(v, c)) && rows.every((r) => rowHolds(v, r));
  };

  /** The pair (g: +d, h: -d) on each of the given metrics. */
  const pair = (g: number, h: number, d: number, ms: readonly M[]): [number, number][] =>
    ms.flatMap((x): [number, number][] => [[index(g, x), d], [index(h, x), -d]]);
  const moves = (i: number): Move[] => {
    const g = Math.floor(i / M);
    const m = metrics[i % M]!;
    const sum = C ? [C] : [];
    const withP = P ? [P] : [];
    // What moves together when one item or one person changes group: a kind carries the row's sum, and
    // may carry the participants (a person who only did that); a person may move alone (one who did
    // other things too) or with one item; the sum moves with one of its kinds.
    const carried: M[][] =
      m === P ? [[P], ...spec.kinds.map((k) => [P, k, ...sum])]
      : m === C ? spec.kinds.flatMap((k) => [[k, C], [k, C, ...withP]])
      : [[m, ...sum], [m, ...sum, ...withP]];
    const out: Move[] = [];
    for (const d of [1, -1]) {
      for (let h = 0; h < spec.rows.length; h++) {
        if (h === g) continue;
        for (const ms of carried) out.push(moveOf(...pair(g, h, d, ms)));
      }
    }
    return out;
  };

  return { model: { figures, holds, moves }, metrics, index };
}

/**
 * Protects a table; `premasked` lists (row, metric) figures that must start hidden. A column with a
 * small figure that nothing can protect is withheld whole (and the row sums with it, which would give
 * it back), and the rest is protected again; if the participants cannot be shown, nothing is.
 */
export function protectTable<M extends string>(spec: TableSpec<M>, premasked: [number, M][] = []): TableProtection<M> {
  const withheld = new Set<M>();
  for (;;) {
    const { model, metrics, index } = tableModel(spec, withheld);
    const ids = new Set(spec.rows.flatMap((_, r) => [...withheld].map((m) => index(r, m))));
    const protection = protect(model, premasked.filter(([, m]) => !withheld.has(m)).map(([r, m]) => index(r, m)), ids);
    const failed = protection.failed === undefined ? undefined : metrics[protection.failed % metrics.length]!;
    if (protection.ok || failed === undefined || failed === spec.participants || withheld.has(failed)) {
      const cells = spec.rows.map((_, r) =>
        Object.fromEntries(metrics.map((m) => [m, cellOf(model.figures[index(r, m)]!.value, protection.statuses[index(r, m)]!)])) as Record<M, Cell>,
      );
      return { ok: protection.ok, cells, protection, index, metrics, withheld };
    }
    withheld.add(failed);
    if (spec.contributions) withheld.add(spec.contributions);
  }
}

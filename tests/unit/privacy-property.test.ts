// Property tests of the small-group rule (docs/features/privacy.md): random vote sets and participation,
// including very small ones, are run through the real protection code; then, for everything published
// about them, every hidden figure of 1–4 people is checked to keep at least two values consistent with
// ALL the published figures, and no published zero may give away a whole group's vote. The feasible
// values are found here by exhaustive search, independently of the witnesses the code relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupTotalsOf } from '@/lib/stats/breakdown-totals';
import type { Metric, ProtectedBreakdown } from '@/lib/stats/dashboard';
import type { Cell } from '@/lib/stats/disclosure';
import { protectSplit } from '@/lib/stats/split';
import { protectTable, type TableSpec } from '@/lib/stats/table';

const GENDERS = ['woman', 'man', 'unknown'] as const;
const BANDS = ['15-24', '25-35', '36+', 'unknown'] as const;
const KINDS = ['comments', 'votes', 'projects', 'supports', 'attendance'] as const;

/** The values a hidden figure may take by its label (few: 1–4 people; masked: 0 or ≥ 5 is never 1–4, and never 0 here). */
function domain(c: Cell, max: number, onePerPerson = true): number[] {
  if (typeof c === 'number') return [c];
  const lo = c === 'few' ? 1 : 5;
  const hi = c === 'few' && onePerPerson ? 4 : max;
  return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
}

/** The labels tell the truth: few means 1–4 people, masked never 1–4, shown is exact. */
function labelsAreTrue(c: Cell, value: number, people = value) {
  if (c === 'few') expect(people >= 1 && people <= 4, `few for ${people} people`).toBe(true);
  else if (c === 'masked') expect(people === 0 || people >= 5, `masked for ${people} people`).toBe(true);
  else expect(c).toBe(value);
}

/** Every way to write `total` as a sum of cells each taken from its domain. */
function* compositions(domains: number[][], total: number, i = 0): Generator<number[]> {
  if (i === domains.length) {
    if (total === 0) yield [];
    return;
  }
  for (const v of domains[i]!) {
    if (v > total) continue;
    for (const rest of compositions(domains, total - v, i + 1)) yield [v, ...rest];
  }
}

/** Every combination of one item from each list. */
function* product<T>(lists: T[][], i = 0): Generator<T[]> {
  if (i === lists.length) {
    yield [];
    return;
  }
  for (const x of lists[i]!) for (const rest of product(lists, i + 1)) yield [x, ...rest];
}

// ---------------------------------------------------------------------------------------------------
// A topic: the public tally, the officials' splits by gender and by age, and the topic's /stats tables.

type Voter = { gender: number; band: number; resident: boolean; choice: number };

const voter = (choices: number) =>
  fc.record({
    // Skewed towards some groups and some choices, so that small cells are common.
    gender: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 })),
    band: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 3 })),
    resident: fc.boolean(),
    choice: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: choices - 1 })),
  });
/** Tiny topics (where everything is small) and topics of 15 to 40 votes (where splits get shown with hidden cells). */
const voters = (choices: number) =>
  fc.oneof(fc.array(voter(choices), { maxLength: 10 }), fc.array(voter(choices), { minLength: 15, maxLength: 40 }));

/** The topic's /stats breakdown for one attribute when the topic only has votes: people = votes. */
function votesBreakdown(groups: readonly string[], perGroup: number[]): ProtectedBreakdown {
  const spec: TableSpec<Metric> = {
    participants: 'participants',
    kinds: KINDS,
    attendance: 'attendance',
    contributions: 'contributions',
    onePerPerson: ['votes'],
    participantsTotal: perGroup.reduce((a, b) => a + b, 0),
    rows: groups.map((g, i) => {
      const c = { n: perGroup[i]!, people: perGroup[i]! };
      return { group: g, cells: { participants: c, votes: c, contributions: c } };
    }),
  };
  return {
    dimension: 'gender',
    groups: groups.map((g, i) => ({ group: g, label: g, kinds: Object.fromEntries(['participants', ...KINDS, 'contributions'].map((m) => [m, m === 'participants' || m === 'votes' || m === 'contributions' ? { n: perGroup[i]!, people: perGroup[i]! } : { n: 0, people: 0 }])) as never })),
    table: protectTable(spec),
  };
}

/**
 * Over every groups × choices table consistent with what is published — the tally's count of each
 * choice, the split's cells and totals (if shown), and the /stats figures of each group's votes,
 * participants and contributions (all equal to the group's votes on a topic that only has votes) —
 * the values each cell takes. `knownSizes`: the reader also knows exactly how many of each group
 * voted (the strongest reader). Exhaustive: a dynamic programme over the choices, whose state is
 * the votes of each group so far.
 */
function feasibleValues(
  choiceTotals: number[],
  groups: number,
  split: ReturnType<typeof protectSplit>,
  stats: Record<Metric, Cell>[] | null,
  knownSizes: number[] | null,
): { values: Set<number>[][]; sizes: Set<number>[] } {
  const N = choiceTotals.reduce((a, b) => a + b, 0);
  const all = Array.from({ length: N + 1 }, (_, i) => i);
  const columns = choiceTotals.map((total, c) => {
    const doms = Array.from({ length: groups }, (_, g) => (split.status === 'shown' ? domain(split.rows[g]!.cells[String(c)]!, N) : all));
    return [...compositions(doms, total)];
  });
  // The sizes each group may have: every published figure of it (a withheld /stats breakdown publishes nothing).
  const sizeOk = (g: number, size: number) => {
    if (knownSizes && size !== knownSizes[g]) return false;
    const figures: Cell[] = [...(stats ? [stats[g]!.votes, stats[g]!.participants, stats[g]!.contributions] : []), ...(split.status === 'shown' ? [split.rows[g]!.total] : [])];
    return figures.every((f) => domain(f, N).includes(size));
  };
  const key = (s: number[]) => s.join(',');
  const add = (s: number[], x: number[]) => s.map((v, g) => v + x[g]!);
  const forward: Map<string, number[]>[] = [new Map([[key(Array(groups).fill(0)), Array(groups).fill(0)]])];
  for (const col of columns) {
    const next = new Map<string, number[]>();
    for (const s of forward.at(-1)!.values()) for (const x of col) next.set(key(add(s, x)), add(s, x));
    forward.push(next);
  }
  const done = new Set([...forward.at(-1)!.values()].filter((s) => s.every((v, g) => sizeOk(g, v))).map(key));
  const backward: Set<string>[] = [];
  backward[columns.length] = done;
  for (let c = columns.length - 1; c >= 0; c--) {
    backward[c] = new Set([...forward[c]!.values()].filter((s) => columns[c]!.some((x) => backward[c + 1]!.has(key(add(s, x))))).map(key));
  }
  const values = Array.from({ length: groups }, () => choiceTotals.map(() => new Set<number>()));
  columns.forEach((col, c) => {
    for (const s of forward[c]!.values()) {
      if (!backward[c]!.has(key(s))) continue;
      for (const x of col) if (backward[c + 1]!.has(key(add(s, x)))) x.forEach((v, g) => values[g]![c]!.add(v));
    }
  });
  const sizes = Array.from({ length: groups }, () => new Set<number>());
  for (const k of done) k.split(',').forEach((v, g) => sizes[g]!.add(Number(v)));
  return { values, sizes };
}

/** With the split withheld, the sizes each group may have: any sizes adding up to the votes (the tally does not tie them). */
function feasibleSizesAlone(total: number, stats: Record<Metric, Cell>[]): Set<number>[] {
  const doms = stats.map((s) => domain(s.votes, total).filter((v) => [s.participants, s.contributions].every((f) => domain(f, total).includes(v))));
  const out = stats.map(() => new Set<number>());
  for (const sizes of compositions(doms, total)) sizes.forEach((v, g) => out[g]!.add(v));
  return out;
}

function checkTopic(vs: Voter[], choices: number, attribute: 'gender' | 'band') {
  const groups = attribute === 'gender' ? GENDERS : BANDS;
  const G = groups.length;
  const counts = groups.map((_, g) => Array.from({ length: choices }, (_, c) => vs.filter((v) => v[attribute] === g && v.choice === c).length));
  const sizes = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const choiceTotals = Array.from({ length: choices }, (_, c) => vs.filter((v) => v.choice === c).length);
  const breakdown = votesBreakdown(groups, sizes);
  const split = protectSplit(groups, Array.from({ length: choices }, (_, c) => String(c)), counts, groupTotalsOf(breakdown, 'votes'));
  const stats = breakdown.table.ok ? breakdown.table.cells : null;

  // Labels tell the truth.
  if (stats) stats.forEach((s, g) => ['participants', 'votes', 'contributions'].forEach((m) => labelsAreTrue(s[m as Metric], sizes[g]!)));
  if (split.status === 'shown') {
    split.rows.forEach((r, g) => {
      labelsAreTrue(r.total, sizes[g]!);
      counts[g]!.forEach((n, c) => labelsAreTrue(r.cells[String(c)]!, n));
    });
  }

  if (split.status === 'withheld') {
    // Nothing of the split is published: only the /stats sizes, tied by the number of votes.
    if (stats) {
      const feasible = feasibleSizesAlone(vs.length, stats);
      stats.forEach((s, g) => {
        expect(feasible[g]!.has(sizes[g]!)).toBe(true);
        if (s.votes === 'few') expect(feasible[g]!.size, `${attribute} size of group ${g}`).toBeGreaterThanOrEqual(2);
      });
    }
    return split;
  }
  for (const knownSizes of [null, sizes]) {
    const { values, sizes: feasible } = feasibleValues(choiceTotals, G, split, stats, knownSizes);
    counts.forEach((row, g) => row.forEach((n, c) => expect(values[g]![c]!.has(n), 'the truth is feasible').toBe(true)));
    // Every hidden cell of 1–4 votes keeps two possible values.
    split.rows.forEach((r, g) =>
      counts[g]!.forEach((_, c) => {
        if (r.cells[String(c)] === 'few') expect(values[g]![c]!.size, `${attribute} ${g}/${c} (known sizes: ${!!knownSizes})`).toBeGreaterThanOrEqual(2);
      }),
    );
    // Every hidden group size of 1–4 keeps two possible values (for a reader who does not know them).
    if (!knownSizes) {
      split.rows.forEach((r, g) => {
        if (r.total === 'few' || stats?.[g]?.votes === 'few') expect(feasible[g]!.size, `${attribute} size of group ${g}`).toBeGreaterThanOrEqual(2);
      });
    }
    // No published figure gives away a whole group's vote, unless the public tally already does:
    // for each group that voted, at least two choices must be possible for some of its members.
    const contested = choiceTotals.filter((n) => n > 0).length >= 2;
    if (contested) {
      sizes.forEach((size, g) => {
        if (size === 0) return;
        const possible = values[g]!.filter((set) => [...set].some((v) => v > 0)).length;
        expect(possible, `${attribute} group ${g}: a whole group's vote is given away`).toBeGreaterThanOrEqual(2);
      });
    }
  }
  return split;
}

describe('an official’s split never lets anyone work out one person’s vote', () => {
  it('the measured leak: 7 votes, women 5 for and 1 against, the only man abstained — the split is withheld', () => {
    const vs: Voter[] = [
      ...Array.from({ length: 5 }, () => ({ gender: 0, band: 1, resident: true, choice: 0 })),
      { gender: 0, band: 1, resident: true, choice: 1 },
      { gender: 1, band: 1, resident: true, choice: 2 },
    ];
    expect(checkTopic(vs, 3, 'gender').status).toBe('withheld');
  });

  for (const choices of [2, 3]) {
    it(`every hidden cell keeps two values beside the tally, the other split and /stats (${choices} choices)`, () => {
      let shownWithHidden = 0;
      fc.assert(
        fc.property(voters(choices), (vs) => {
          for (const attribute of ['gender', 'band'] as const) {
            const split = checkTopic(vs, choices, attribute);
            if (split.status === 'shown' && split.rows.some((r) => Object.values(r.cells).includes('few'))) shownWithHidden++;
          }
        }),
        { numRuns: Number(process.env.PRIVACY_RUNS ?? 300) },
      );
      // Not vacuous: many generated splits are shown with hidden small cells.
      expect(shownWithHidden).toBeGreaterThan(20);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// A /stats breakdown (by gender): participants, comments, votes, attendance at meetings and their sum.

type Person = { gender: number; comments: number; votes: number; attends: boolean };

const people = (votesPerPerson: number) =>
  fc.array(
    fc.record({
      gender: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 })),
      comments: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
      votes: fc.integer({ min: 0, max: votesPerPerson }),
      // Someone counted at a meeting has no account: a person of their own.
      attends: fc.boolean(),
    }),
    { maxLength: 26 },
  );

/** The gender table of a scope, from people: what /stats counts. */
function statsRows(ps: Person[]) {
  return GENDERS.map((_, g) => {
    const accounts = ps.filter((p) => p.gender === g && !p.attends && p.comments + p.votes > 0);
    const attendees = ps.filter((p) => p.gender === g && p.attends).length;
    const kind = (f: (p: Person) => number) => ({ n: accounts.reduce((a, p) => a + f(p), 0), people: accounts.filter((p) => f(p) > 0).length });
    const comments = kind((p) => p.comments);
    const votes = kind((p) => p.votes);
    const participants = accounts.length + attendees;
    return {
      participants: { n: participants, people: participants },
      comments,
      votes,
      attendance: { n: attendees, people: attendees },
      contributions: { n: comments.n + votes.n + attendees, people: participants },
    } as Record<Metric, { n: number; people: number }>;
  });
}

const COLUMNS = ['participants', 'comments', 'votes', 'attendance', 'contributions'] as const;

/**
 * Every value each published figure may take, over every table consistent with the page: the known
 * column totals, each hidden figure's label, and what ties a row together — contributions are the sum
 * of the kinds; every participant made at least one; people at a meeting have no account; in a topic,
 * one vote per person; a kind shown or masked is 5 people or more, a small one 1 to 4.
 */
function feasibleStats(rows: Record<Metric, { n: number; people: number }>[], cells: Record<Metric, Cell>[], votesOnce: boolean) {
  const total = (m: Metric) => rows.reduce((a, r) => a + r[m].n, 0);
  const P = total('participants');
  const dom = (m: Metric, c: Cell) => {
    const max = total(m);
    if (c === 'withheld') return Array.from({ length: max + 1 }, (_, i) => i);
    const once = m === 'participants' || m === 'attendance' || (m === 'votes' && votesOnce);
    return domain(c, max, once);
  };
  const perColumn = COLUMNS.map((m) => [...compositions(cells.map((c) => dom(m, c[m])), total(m))]);
  const floor = cells.map((c) =>
    Math.max(0, ...(['comments', 'votes'] as const).map((k) => (c[k] === 0 || c[k] === 'withheld' ? 0 : c[k] === 'few' ? 1 : 5))),
  );
  const values = cells.map(() => Object.fromEntries(COLUMNS.map((m) => [m, new Set<number>()])) as Record<(typeof COLUMNS)[number], Set<number>>);
  for (const cols of product(perColumn)) {
    const [pp, cc, vv, aa, ss] = cols as [number[], number[], number[], number[], number[]];
    const ok = cells.every((_, g) => {
      const p = pp[g]!, c = cc[g]!, v = vv[g]!, a = aa[g]!, s = ss[g]!;
      if (s !== c + v + a) return false;
      if (p > s || (p === 0) !== (s === 0) || p > P) return false;
      if (p < a + floor[g]! || p < a + (votesOnce ? v : 0)) return false;
      return true;
    });
    if (!ok) continue;
    cells.forEach((_, g) => COLUMNS.forEach((m, k) => values[g]![m].add(cols[k]![g]!)));
  }
  return values;
}

function checkStats(ps: Person[], votesOnce: boolean) {
  const rows = statsRows(ps);
  const table = protectTable<Metric>({
    participants: 'participants',
    kinds: ['comments', 'votes', 'attendance'] as Metric[],
    attendance: 'attendance',
    contributions: 'contributions',
    onePerPerson: votesOnce ? ['votes'] : [],
    participantsTotal: rows.reduce((a, r) => a + r.participants.n, 0),
    rows: GENDERS.map((g, i) => ({ group: g, keep: g === 'woman', cells: rows[i]! })),
  });
  if (!table.ok) return table;
  table.cells.forEach((c, g) => COLUMNS.forEach((m) => (c[m] === 'withheld' ? null : labelsAreTrue(c[m], rows[g]![m].n, rows[g]![m].people))));
  const values = feasibleStats(rows, table.cells, votesOnce);
  table.cells.forEach((c, g) =>
    COLUMNS.forEach((m) => {
      expect(values[g]![m].has(rows[g]![m].n), `truth of ${g}/${m}`).toBe(true);
      if (c[m] === 'few') expect(values[g]![m].size, `${GENDERS[g]}/${m} = ${rows[g]![m].n}: ${JSON.stringify(table.cells)}`).toBeGreaterThanOrEqual(2);
    }),
  );
  return table;
}

describe('/stats never lets anyone work out a figure about 1 to 4 people', () => {
  for (const [scope, votesOnce] of [['a topic (one vote each)', true], ['the whole platform', false]] as const) {
    it(`every hidden small figure keeps two values beside the totals and the rest of its row (${scope})`, () => {
      let shownWithHidden = 0;
      fc.assert(
        fc.property(people(votesOnce ? 1 : 2), (ps) => {
          const t = checkStats(ps, votesOnce);
          if (t.ok && t.cells.some((c) => Object.values(c).includes('few'))) shownWithHidden++;
        }),
        { numRuns: Number(process.env.PRIVACY_RUNS ?? 300) },
      );
      expect(shownWithHidden).toBeGreaterThan(20);
    });
  }
});

import type { Db } from '@/db/client';
import { AGE_BANDS } from '@/db/queries/demographics';
import {
  CHANNELS,
  rawBreakdown,
  rawSharesByCommune,
  STATS_DIMENSIONS,
  STATS_KINDS,
  type RawCell,
  type StatsDimension,
  type StatsScope,
} from '@/db/queries/stats';
import { binaryPart, percent, primaryCell, suppressColumn, type Cell } from './suppression';

/** "attendance": people counted at public meetings; "contributions" adds it to the account contributions. */
export const METRICS = ['participants', ...STATS_KINDS, 'contributions'] as const;
export type Metric = (typeof METRICS)[number];

export type StatsRow = { group: string; label: string; values: Record<Metric, Cell> };
export type Breakdown = { dimension: StatsDimension; rows: StatsRow[] };
export type Share = { count: Cell; total: Cell; percent: number | null };
export type CommuneShares = { group: string; label: string; participants: Cell; women: Cell; youth: Cell; womenPercent: number | null; youthPercent: number | null };

export type Dashboard = {
  scope: StatsScope;
  totals: Record<Metric, Cell>;
  /** women among participants and among contributions */
  women: { participants: Share; contributions: Share };
  /** people aged 15–35 (Mali's definition of youth) */
  youth: { participants: Share; contributions: Share };
  breakdowns: Breakdown[];
  communeShares: CommuneShares[];
};

export const GENDER_GROUPS = ['woman', 'man', 'unknown'] as const;
const YOUTH_BANDS = ['15-24', '25-35'];

/** Groups always listed, even when empty, so charts keep the same shape from one page to the next. */
const FIXED_GROUPS: Partial<Record<StatsDimension, readonly string[]>> = { gender: GENDER_GROUPS, age: AGE_BANDS, channel: CHANNELS };
/** Groups a second suppression takes last (see suppressColumn). */
const PREFER_KEEP: Partial<Record<StatsDimension, readonly string[]>> = { gender: ['woman'], age: YOUTH_BANDS };

type Counted = { n: number; people: number };
type GroupTally = { group: string; label: string; kinds: Record<Metric, Counted> };

function tallyGroups(cells: RawCell[], fixed: readonly string[] = []): GroupTally[] {
  const empty = (): Record<Metric, Counted> =>
    Object.fromEntries(METRICS.map((m) => [m, { n: 0, people: 0 }])) as Record<Metric, Counted>;
  const groups = new Map<string, GroupTally>(fixed.map((g) => [g, { group: g, label: g, kinds: empty() }]));
  for (const c of cells) {
    const g = groups.get(c.group) ?? { group: c.group, label: c.label ?? c.group, kinds: empty() };
    g.kinds[c.kind] = { n: c.n, people: c.people };
    if (c.kind !== 'participants') g.kinds.contributions.n += c.n;
    groups.set(c.group, g);
  }
  // Everyone who contributed is a participant, so the people behind "contributions" are the participants.
  for (const g of groups.values()) g.kinds.contributions.people = g.kinds.participants.people;
  return [...groups.values()];
}

function suppressRows(groups: GroupTally[], preferKeep: readonly string[] = []): StatsRow[] {
  const columns = Object.fromEntries(
    METRICS.map((m) => [m, suppressColumn(groups.map((g) => ({ group: g.group, ...g.kinds[m] })), preferKeep)]),
  ) as Record<Metric, Cell[]>;
  return groups.map((g, i) => ({
    group: g.group,
    label: g.label,
    values: Object.fromEntries(METRICS.map((m) => [m, columns[m][i] ?? null])) as Record<Metric, Cell>,
  }));
}

function share(count: Cell, total: Cell): Share {
  return { count, total, percent: percent(count, total) };
}

/** The sum of the youth bands, only when neither is suppressed (else the sum would reveal the hidden one). */
function youthOf(age: Breakdown, metric: Metric): Cell {
  const cells = age.rows.filter((r) => YOUTH_BANDS.includes(r.group)).map((r) => r.values[metric]);
  return cells.some((c) => c === null) ? null : cells.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/**
 * The inclusion dashboard for a scope: totals, the shares of women and youth, and breakdowns by
 * gender, age band, channel (self, assisted, meeting), connected space, commune, month and topic.
 * People counted at public meetings are participants like the others (each attendance one person,
 * since they have no account), in every breakdown and share. No figure behind 1 to 4 people is
 * ever returned.
 */
export function inclusionDashboard(db: Db, scope: StatsScope, now = new Date()): Dashboard {
  const year = now.getUTCFullYear();
  const [total] = suppressRows(tallyGroups(rawBreakdown(db, scope, 'total', year), ['all']));
  const totals = total!.values;
  const breakdowns = STATS_DIMENSIONS.map((dimension) => ({
    dimension,
    rows: suppressRows(tallyGroups(rawBreakdown(db, scope, dimension, year), FIXED_GROUPS[dimension]), PREFER_KEEP[dimension]),
  }));
  const gender = breakdowns.find((b) => b.dimension === 'gender')!;
  const age = breakdowns.find((b) => b.dimension === 'age')!;
  const woman = gender.rows.find((r) => r.group === 'woman')!;

  const communeShares = rawSharesByCommune(db, scope, year).map((r) => {
    const participants = primaryCell(r.participants, r.participants);
    const women = participants === null ? null : binaryPart(r.women, r.participants);
    const youth = participants === null ? null : binaryPart(r.youth, r.participants);
    return { group: r.group, label: r.label, participants, women, youth, womenPercent: percent(women, participants), youthPercent: percent(youth, participants) };
  });

  return {
    scope,
    totals,
    women: { participants: share(woman.values.participants, totals.participants), contributions: share(woman.values.contributions, totals.contributions) },
    youth: { participants: share(youthOf(age, 'participants'), totals.participants), contributions: share(youthOf(age, 'contributions'), totals.contributions) },
    breakdowns,
    communeShares,
  };
}

/** The dashboard as CSV rows: one per group and breakdown; suppressed figures are written "<5". */
export function dashboardCsvRows(d: Dashboard): Record<string, string | number>[] {
  const show = (c: Cell) => (c === null ? '<5' : c);
  const rows: Record<string, string | number>[] = [
    { breakdown: 'total', group: 'all', label: '', ...Object.fromEntries(METRICS.map((m) => [m, show(d.totals[m])])) },
  ];
  for (const b of d.breakdowns) {
    for (const r of b.rows) {
      rows.push({ breakdown: b.dimension, group: r.group, label: r.label, ...Object.fromEntries(METRICS.map((m) => [m, show(r.values[m])])) });
    }
  }
  for (const c of d.communeShares) {
    rows.push({ breakdown: 'commune_inclusion', group: c.group, label: c.label, participants: show(c.participants), women: show(c.women), youth: show(c.youth) });
  }
  return rows;
}

export const CSV_COLUMNS = ['breakdown', 'group', 'label', ...METRICS, 'women', 'youth'];

import type { Db } from '@/db/client';
import { AGE_BANDS } from './age-bands';
import {
  CHANNELS,
  rawBreakdown,
  rawVoice,
  rawSharesByCommune,
  STATS_DIMENSIONS,
  STATS_KINDS,
  type RawCell,
  type StatsDimension,
  type StatsKind,
  type StatsScope,
} from '@/lib/stats/queries';
import { isShown, percent, primaryStatus, SMALL_GROUP, type Cell } from './disclosure';
import { protectTable, type Counted, type TableProtection, type TableSpec } from './table';
import { partColumn } from './shares';

/** "attendance": people counted at public meetings; "contributions" adds it to the account contributions. */
export const METRICS = ['participants', ...STATS_KINDS, 'contributions'] as const;
export type Metric = (typeof METRICS)[number];

export type StatsRow = { group: string; label: string; values: Record<Metric, Cell> };
/** `withheld`: no figure of this breakdown can be shown without revealing a small group. */
export type Breakdown = { dimension: StatsDimension; rows: StatsRow[]; withheld: boolean };
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
  /** issue 13 §7: voice contributions, and the shares of women and of people aged 15–35 among them */
  voice: { contributions: Cell; women: Share; youth: Share };
};

export const GENDER_GROUPS = ['woman', 'man', 'unknown'] as const;
export const YOUTH_BANDS = ['15-24', '25-35'];

/** Groups always listed, even when empty, so charts keep the same shape from one page to the next. */
const FIXED_GROUPS: Partial<Record<StatsDimension, readonly string[]>> = { gender: GENDER_GROUPS, age: AGE_BANDS, channel: CHANNELS };
/** Groups hidden last when a figure must be hidden to protect another (the shares of women and youth). */
const PREFER_KEEP: Partial<Record<StatsDimension, readonly string[]>> = { gender: ['woman'], age: YOUTH_BANDS };

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

/**
 * What a scope counts. A project's own submission is left out of its figures: it is one item by its
 * author, whose name is on the page, so any split of it would tell the author's gender and age.
 */
export function scopeCells(db: Db, scope: StatsScope, dimension: StatsDimension | 'total', year: number): RawCell[] {
  return rawBreakdown(db, scope, dimension, year, excludedKinds(scope));
}

const excludedKinds = (scope: StatsScope): StatsKind[] => (scope.kind === 'project' ? ['projects'] : []);

/** The table model of one breakdown of a scope (see lib/stats/table.ts for what it ties together). */
function specOf(scope: StatsScope, dimension: StatsDimension, groups: GroupTally[], participantsTotal: number): TableSpec<Metric> {
  const keep = PREFER_KEEP[dimension] ?? [];
  return {
    participants: 'participants',
    kinds: STATS_KINDS,
    attendance: 'attendance',
    contributions: 'contributions',
    // One vote per person on a topic, one support per person of a project.
    onePerPerson: scope.kind === 'topic' ? ['votes'] : scope.kind === 'project' ? ['supports'] : [],
    participantsTotal,
    rows: groups.map((g) => ({ group: g.group, keep: keep.includes(g.group), cells: g.kinds })),
  };
}

export type ProtectedBreakdown = { dimension: StatsDimension; groups: GroupTally[]; table: TableProtection<Metric> };

/** One breakdown of a scope, protected: what /stats shows, and what the officials' splits build on. */
export function protectedBreakdown(db: Db, scope: StatsScope, dimension: StatsDimension, year: number): ProtectedBreakdown {
  const [total] = tallyGroups(scopeCells(db, scope, 'total', year), ['all']);
  const groups = tallyGroups(scopeCells(db, scope, dimension, year), FIXED_GROUPS[dimension]);
  return { dimension, groups, table: protectTable(specOf(scope, dimension, groups, total!.kinds.participants.n)) };
}

/** The totals of a scope as shown: every total is public knowledge, but no figure of 1–4 people is printed. */
function totalsOf(total: GroupTally): Record<Metric, Cell> {
  const out = {} as Record<Metric, Cell>;
  for (const m of METRICS) {
    const c = total.kinds[m];
    out[m] = primaryStatus(c.people) === 'few' ? 'few' : c.n;
  }
  // The sum is shown only with all its parts, else a hidden part would come back by subtraction.
  if (isShown(out.contributions) && STATS_KINDS.some((k) => !isShown(out[k]))) out.contributions = 'masked';
  return out;
}

function share(count: Cell, total: Cell): Share {
  return { count, total, percent: percent(count, total) };
}

/** The sum of the youth bands, shown only when both are (else the sum would reveal the hidden one). */
function youthOf(age: Breakdown, metric: Metric): Cell {
  const cells = age.rows.filter((r) => YOUTH_BANDS.includes(r.group)).map((r) => r.values[metric]);
  if (age.withheld || cells.includes('withheld')) return 'withheld';
  if (cells.every(isShown)) return cells.reduce<number>((a, b) => a + (b as number), 0);
  return cells.some((c) => c === 'few') ? 'few' : 'masked';
}

const few = (people: number) => people > 0 && people < SMALL_GROUP;

/**
 * A part of the voice contributions (those of women, or of youth) as published beside their total (the
 * channel breakdown's voice figure): shown only when the total is, and when neither the part, nor the rest of
 * the voice contributions, nor what the part leaves of the group's published contributions, is behind 1 to 4
 * people; `few` when the part itself is, `masked` when it is hidden to protect the others.
 */
function voicePart(total: Cell, n: number, people: number, restPeople: number, otherPeople: number): Cell {
  if (!isShown(total)) return 'withheld';
  if (n === 0) return 0;
  if (few(people)) return 'few';
  return few(restPeople) || few(otherPeople) ? 'masked' : n;
}

/**
 * The inclusion dashboard for a scope: totals, the shares of women and youth, and breakdowns by
 * gender, age band, channel (self, assisted, meeting), connected space, commune, month and topic.
 * People counted at public meetings are participants like the others (each attendance one person,
 * since they have no account), in every breakdown and share. No figure behind 1 to 4 people is
 * ever returned, and none can be worked out from the others (lib/stats/disclosure.ts).
 */
export function inclusionDashboard(db: Db, scope: StatsScope, now = new Date()): Dashboard {
  const year = now.getUTCFullYear();
  const [total] = tallyGroups(scopeCells(db, scope, 'total', year), ['all']);
  const totals = totalsOf(total!);
  const tallies = new Map<StatsDimension, GroupTally[]>();
  const breakdowns: Breakdown[] = STATS_DIMENSIONS.map((dimension) => {
    const groups = tallyGroups(scopeCells(db, scope, dimension, year), FIXED_GROUPS[dimension]);
    tallies.set(dimension, groups);
    const table = protectTable(specOf(scope, dimension, groups, total!.kinds.participants.n));
    if (!table.ok) return { dimension, rows: [], withheld: true };
    return { dimension, withheld: false, rows: groups.map((g, i) => ({ group: g.group, label: g.label, values: table.cells[i]! })) };
  });
  const gender = breakdowns.find((b) => b.dimension === 'gender')!;
  const age = breakdowns.find((b) => b.dimension === 'age')!;
  const commune = breakdowns.find((b) => b.dimension === 'commune')!;
  const woman = gender.rows.find((r) => r.group === 'woman');
  const womanCell = (m: Metric): Cell => (gender.withheld ? 'withheld' : (woman?.values[m] ?? 0));

  // Per commune: its participants as the commune breakdown shows them, and how many are women and 15–35.
  const raw = rawSharesByCommune(db, scope, year, excludedKinds(scope));
  const communeParticipants = raw.map((r): Cell => {
    const row = commune.rows.find((c) => c.group === r.group);
    if (row) return row.values.participants;
    return commune.withheld ? 'withheld' : primaryStatus(r.participants) === 'few' ? 'few' : r.participants;
  });
  const count = (dimension: StatsDimension, groups: readonly string[]) =>
    (tallies.get(dimension) ?? []).filter((g) => groups.includes(g.group)).reduce((a, g) => a + g.kinds.participants.n, 0);
  const womenAll = count('gender', ['woman']);
  const youthAll = count('age', YOUTH_BANDS);
  const participantsAll = total!.kinds.participants.n;
  const women = partColumn(raw.map((r, i) => ({ part: r.women, total: r.participants, totalCell: communeParticipants[i]! })), womenAll, participantsAll - womenAll);
  const youth = partColumn(raw.map((r, i) => ({ part: r.youth, total: r.participants, totalCell: communeParticipants[i]! })), youthAll, participantsAll - youthAll);
  const communeShares = raw.map((r, i) => {
    const participants = communeParticipants[i]!;
    return { group: r.group, label: r.label, participants, women: women[i]!, youth: youth[i]!, womenPercent: percent(women[i]!, participants), youthPercent: percent(youth[i]!, participants) };
  });

  const channel = breakdowns.find((b) => b.dimension === 'channel')!;
  const voiceTotal: Cell = channel.withheld ? 'withheld' : (channel.rows.find((r) => r.group === 'voice')?.values.contributions ?? 0);
  const v = rawVoice(db, scope, year, excludedKinds(scope));
  const voice = {
    contributions: voiceTotal,
    women: share(voicePart(voiceTotal, v.womenN, v.womenPeople, v.notWomenPeople, v.womenOtherPeople), voiceTotal),
    youth: share(voicePart(voiceTotal, v.youthN, v.youthPeople, v.notYouthPeople, v.youthOtherPeople), voiceTotal),
  };

  return {
    scope,
    totals,
    voice,
    women: { participants: share(womanCell('participants'), totals.participants), contributions: share(womanCell('contributions'), totals.contributions) },
    youth: { participants: share(youthOf(age, 'participants'), totals.participants), contributions: share(youthOf(age, 'contributions'), totals.contributions) },
    breakdowns,
    communeShares,
  };
}

/**
 * The dashboard as CSV rows: one per group and breakdown. A figure of 1–4 people is written "<5", a
 * figure hidden to protect it "masked", and a breakdown that cannot be shown at all one row "withheld".
 */
export function dashboardCsvRows(d: Dashboard): Record<string, string | number>[] {
  const show = (c: Cell) => (c === 'few' ? '<5' : c);
  const rows: Record<string, string | number>[] = [
    { breakdown: 'total', group: 'all', label: '', ...Object.fromEntries(METRICS.map((m) => [m, show(d.totals[m])])) },
  ];
  for (const b of d.breakdowns) {
    if (b.withheld) rows.push({ breakdown: b.dimension, group: 'withheld', label: '' });
    for (const r of b.rows) {
      rows.push({ breakdown: b.dimension, group: r.group, label: r.label, ...Object.fromEntries(METRICS.map((m) => [m, show(r.values[m])])) });
    }
  }
  for (const c of d.communeShares) {
    rows.push({ breakdown: 'commune_inclusion', group: c.group, label: c.label, participants: show(c.participants), women: show(c.women), youth: show(c.youth) });
  }
  rows.push({ breakdown: 'voice', group: 'all', label: '', contributions: show(d.voice.contributions), women: show(d.voice.women.count), youth: show(d.voice.youth.count) });
  return rows;
}

export const CSV_COLUMNS = ['breakdown', 'group', 'label', ...METRICS, 'women', 'youth'];

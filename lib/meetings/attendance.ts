import { ATTENDANCE_AGE_BANDS, ATTENDANCE_GENDERS } from './attendance-groups';
import { primaryStatus, type Cell } from '@/lib/stats/disclosure';
import { protectTable } from '@/lib/stats/table';

type Row = { gender: string; ageBand: string; count: number };

/** A split of a meeting's attendance: `withheld` when no figure of it can be shown without revealing someone. */
export type AttendanceSplit<G extends string> = { withheld: boolean; rows: { group: G; value: Cell }[] };

export type PublicAttendance = {
  total: Cell;
  byGender: AttendanceSplit<(typeof ATTENDANCE_GENDERS)[number]>;
  byAge: AttendanceSplit<(typeof ATTENDANCE_AGE_BANDS)[number]>;
};

/**
 * A meeting's attendance as the public sees it: the total, and the split by gender and by age band,
 * under the rule of every breakdown (lib/stats/disclosure.ts): no figure of 1–4 people, and every
 * such figure kept uncertain given the total (which the meeting's card shows, and is treated as
 * known even when it reads "fewer than 5"). The full grid stays with those who run the meeting.
 */
export function publicAttendance(rows: readonly Row[]): PublicAttendance {
  const sum = (pick: (r: Row) => boolean) => rows.filter(pick).reduce((a, r) => a + r.count, 0);
  const total = sum(() => true);
  const split = <G extends string>(groups: readonly G[], of: (r: Row) => string): AttendanceSplit<G> => {
    const table = protectTable({
      kinds: ['people'] as const,
      attendance: 'people',
      onePerPerson: [],
      rows: groups.map((g) => {
        const n = sum((r) => of(r) === g);
        return { group: g, cells: { people: { n, people: n } } };
      }),
    });
    const withheld = !table.ok || table.withheld.size > 0;
    return { withheld, rows: groups.map((g, i) => ({ group: g, value: withheld ? 'withheld' : table.cells[i]!.people })) };
  };
  return {
    total: publicTotal(total) ?? 'few',
    byGender: split(ATTENDANCE_GENDERS, (r) => r.gender),
    byAge: split(ATTENDANCE_AGE_BANDS, (r) => r.ageBand),
  };
}

/** The total people counted, as the public may see it (null: fewer than 5). */
export function publicTotal(total: number): number | null {
  return primaryStatus(total) === 'few' ? null : total;
}

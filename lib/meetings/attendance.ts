import { ATTENDANCE_AGE_BANDS, ATTENDANCE_GENDERS } from '@/db/schema';
import { primaryCell, suppressColumn, type Cell } from '@/lib/stats/suppression';

type Row = { gender: string; ageBand: string; count: number };

export type PublicAttendance = {
  total: Cell;
  byGender: { group: (typeof ATTENDANCE_GENDERS)[number]; value: Cell }[];
  byAge: { group: (typeof ATTENDANCE_AGE_BANDS)[number]; value: Cell }[];
};

/**
 * A meeting's attendance as the public sees it: the total, and the split by gender and by age band,
 * under the dashboard's rule (no cell of 1–4 people, and a second cell hidden when one alone would
 * be found again by subtraction from the total). The full grid stays with those who run the meeting.
 */
export function publicAttendance(rows: readonly Row[]): PublicAttendance {
  const sum = (pick: (r: Row) => boolean) => rows.filter(pick).reduce((a, r) => a + r.count, 0);
  const total = sum(() => true);
  const column = <G extends string>(groups: readonly G[], of: (r: Row) => string, keep: readonly string[]) => {
    const cells = groups.map((g) => {
      const n = sum((r) => of(r) === g);
      return { group: g, n, people: n };
    });
    const shown = suppressColumn(cells, keep);
    return groups.map((g, i) => ({ group: g, value: shown[i] ?? null }));
  };
  return {
    total: primaryCell(total, total),
    byGender: column(ATTENDANCE_GENDERS, (r) => r.gender, ['woman']),
    byAge: column(ATTENDANCE_AGE_BANDS, (r) => r.ageBand, ['15-24', '25-35']),
  };
}

/** The total people counted, as the public may see it (null: fewer than 5). */
export function publicTotal(total: number): Cell {
  return primaryCell(total, total);
}

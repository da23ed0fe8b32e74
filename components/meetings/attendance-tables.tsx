import { getTranslations } from 'next-intl/server';
import { StatsTable } from '@/components/stats/stats-table';
import type { PublicAttendance } from '@/lib/meetings/attendance';

const AGE_KEYS = { '15-24': 'band15to24', '25-35': 'band25to35', '36+': 'band36plus', unknown: 'unknown' } as const;

/** A meeting's attendance by gender and by age band, with the dashboard's "fewer than 5". */
export async function AttendanceTables({ attendance }: { attendance: PublicAttendance }) {
  const t = await getTranslations('Meetings');
  const ts = await getTranslations('Stats');
  const few = ts('few');
  const column = [{ key: 'people', label: t('people') }];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <StatsTable
        id="attendance-gender"
        caption={t('byGender')}
        groupHeader={t('gender')}
        columns={column}
        rows={attendance.byGender.map((r) => ({ key: r.group, label: ts(`gender.${r.group === 'unspecified' ? 'unknown' : r.group}`), values: { people: r.value } }))}
        few={few}
      />
      <StatsTable
        id="attendance-age"
        caption={t('byAge')}
        groupHeader={t('ageBand')}
        columns={column}
        rows={attendance.byAge.map((r) => ({ key: r.group, label: ts(`age.${AGE_KEYS[r.group]}`), values: { people: r.value } }))}
        few={few}
      />
    </div>
  );
}

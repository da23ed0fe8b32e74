import { getTranslations } from 'next-intl/server';
import { StatsTable } from '@/components/stats/stats-table';
import type { PublicAttendance } from '@/lib/meetings/attendance';

const AGE_KEYS = { '15-24': 'band15to24', '25-35': 'band25to35', '36+': 'band36plus', unknown: 'unknown' } as const;

/** A meeting's attendance by gender and by age band, with the dashboard's labels for hidden figures. */
export async function AttendanceTables({ attendance }: { attendance: PublicAttendance }) {
  const t = await getTranslations('Meetings');
  const ts = await getTranslations('Stats');
  const labels = { few: ts('few'), masked: ts('masked'), withheld: ts('notShown') };
  const column = [{ key: 'people', label: t('people') }];
  const withheld = (id: string) => <p id={id}>{t('attendanceWithheld')}</p>;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {attendance.byGender.withheld ? withheld('attendance-gender-withheld') : (
        <StatsTable
          id="attendance-gender"
          caption={t('byGender')}
          groupHeader={t('gender')}
          columns={column}
          rows={attendance.byGender.rows.map((r) => ({ key: r.group, label: ts(`gender.${r.group === 'unspecified' ? 'unknown' : r.group}`), values: { people: r.value } }))}
          labels={labels}
        />
      )}
      {attendance.byAge.withheld ? withheld('attendance-age-withheld') : (
        <StatsTable
          id="attendance-age"
          caption={t('byAge')}
          groupHeader={t('ageBand')}
          columns={column}
          rows={attendance.byAge.rows.map((r) => ({ key: r.group, label: ts(`age.${AGE_KEYS[r.group]}`), values: { people: r.value } }))}
          labels={labels}
        />
      )}
    </div>
  );
}

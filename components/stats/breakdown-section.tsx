import type { Breakdown } from '@/lib/stats/dashboard';
import { BarChart } from './bar-chart';
import { StatsTable } from './stats-table';
import { statsText } from './stats-text';

/** One breakdown (by gender, age band, channel, space, commune, month or topic): a chart of participants and the table. */
export async function BreakdownSection({ breakdown: b, locale }: { breakdown: Breakdown; locale: string }) {
  const { t, labels, groupLabel, metricColumns } = await statsText(locale);
  const rows = b.rows.map((r) => ({ key: r.group, label: groupLabel(b.dimension, r.group, r.label), values: r.values }));
  const title = t(`dimension.${b.dimension}`);
  return (
    <section aria-labelledby={`by-${b.dimension}`} className="rounded border border-stone-300 bg-stone-50 p-3">
      <h2 id={`by-${b.dimension}`} className="text-xl font-bold">{title}</h2>
      {b.withheld ? (
        <p id={`withheld-${b.dimension}`}>{t('withheld')}</p>
      ) : rows.length === 0 ? (
        <p>{t('noData')}</p>
      ) : (
        <>
          <BarChart id={`chart-${b.dimension}`} title={t('chartParticipants', { dimension: title })} rows={rows.map((r) => ({ label: r.label, value: r.values.participants }))} labels={labels} />
          <StatsTable id={`table-${b.dimension}`} caption={t('tableCaption', { dimension: title })} groupHeader={title} columns={metricColumns} rows={rows} labels={labels} />
        </>
      )}
    </section>
  );
}

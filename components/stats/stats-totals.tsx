import type { Dashboard } from '@/lib/stats/dashboard';
import { StatsTable } from './stats-table';
import { statsText } from './stats-text';

/** The scope's totals, one row: participants and each kind of contribution. */
export async function StatsTotals({ dashboard: d, scopeTitle, locale }: { dashboard: Dashboard; scopeTitle: string; locale: string }) {
  const { t, labels, metricColumns } = await statsText(locale);
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title" className="text-xl font-bold">{t('totals')}</h2>
      <StatsTable id="table-totals" caption={t('totals')} groupHeader={t('scope')} columns={metricColumns} rows={[{ key: 'all', label: scopeTitle, values: d.totals }]} labels={labels} />
    </section>
  );
}

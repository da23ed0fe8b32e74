import type { Dashboard } from '@/lib/stats/dashboard';
import { BarChart } from './bar-chart';
import { StatsTable } from './stats-table';
import { shareCell, statsText } from './stats-text';

/** Per commune: participants, and how many of them are women and young people, with their shares. */
export async function CommuneInclusion({ shares, locale }: { shares: Dashboard['communeShares']; locale: string }) {
  const { t, labels, percent } = await statsText(locale);
  return (
    <section aria-labelledby="by-commune-inclusion" className="rounded border border-stone-300 bg-stone-50 p-3">
      <h2 id="by-commune-inclusion" className="text-xl font-bold">{t('communeInclusion')}</h2>
      {shares.length === 0 ? (
        <p>{t('noData')}</p>
      ) : (
        <>
          <BarChart id="chart-commune-women" title={t('chartWomenShare')} rows={shares.map((c) => ({ label: c.label, value: shareCell(c.womenPercent, c.women) }))} labels={labels} unit={percent} />
          <BarChart id="chart-commune-youth" title={t('chartYouthShare')} rows={shares.map((c) => ({ label: c.label, value: shareCell(c.youthPercent, c.youth) }))} labels={labels} unit={percent} />
          <StatsTable
            id="table-commune-inclusion"
            caption={t('communeInclusion')}
            groupHeader={t('commune')}
            columns={[
              { key: 'participants', label: t('metric.participants') },
              { key: 'women', label: t('women') },
              { key: 'womenPercent', label: t('womenPercent'), unit: percent },
              { key: 'youth', label: t('youth') },
              { key: 'youthPercent', label: t('youthPercent'), unit: percent },
            ]}
            rows={shares.map((c) => ({
              key: c.group,
              label: c.label,
              values: {
                participants: c.participants,
                women: c.women,
                womenPercent: shareCell(c.womenPercent, c.women),
                youth: c.youth,
                youthPercent: shareCell(c.youthPercent, c.youth),
              },
            }))}
            labels={labels}
          />
        </>
      )}
    </section>
  );
}

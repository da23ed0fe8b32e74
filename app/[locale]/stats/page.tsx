import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BreakdownSection } from '@/components/stats/breakdown-section';
import { CommuneInclusion } from '@/components/stats/commune-inclusion';
import { StatsHighlights } from '@/components/stats/stats-highlights';
import { StatsMine } from '@/components/stats/stats-mine';
import { StatsTotals } from '@/components/stats/stats-totals';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { statsPage } from '@/lib/stats/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Stats');
  return { title: t('title') };
}

/** The inclusion dashboard: who takes part, by gender, age, channel, place and time (small groups stay private). */
export default async function StatsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = statsPage(await requestContext(), await searchParams);
  const t = await getTranslations('Stats');
  if ('refused' in view) forbidden();
  if ('unknownScope' in view) {
    return (
      <div className="max-w-xl">
        <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
        <p id="stats-error" role="alert">{t('unknownScope')}</p>
        <p className="mt-3"><a href={localePath(locale, '/stats')}>{t('allPlatform')}</a></p>
      </div>
    );
  }
  const tc = await getTranslations('Common');
  const { scope, dashboard } = view;
  const scopeTitle =
    scope.kind === 'all' ? t('allPlatform')
    : scope.kind === 'commune' ? t('scopeCommune', { name: scope.title })
    : scope.kind === 'topic' ? t('scopeTopic', { title: scope.title })
    : t('scopeProject', { title: scope.title });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-lg" id="stats-scope">{scopeTitle}</p>
        <p className="mt-2">{t('intro')}</p>
        <p className="mt-1 text-sm text-stone-700" id="stats-channels-note">{t('channelsNote')}</p>
        <p className="mt-1 text-sm text-stone-700">{t('privacy')}</p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t('filter')}>
        <div>
          <label htmlFor="stats-commune" className="mb-1 block font-semibold">{t('commune')}</label>
          <select id="stats-commune" name="commune" defaultValue={view.communeFilter} className="min-h-11 rounded border-2 border-stone-500 bg-white px-2">
            <option value="">{tc('allCommunes')}</option>
            {view.communes.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{t('show')}</button>
      </form>

      <StatsHighlights dashboard={dashboard} locale={locale} />
      <StatsTotals dashboard={dashboard} scopeTitle={scopeTitle} locale={locale} />
      <CommuneInclusion shares={dashboard.communeShares} locale={locale} />
      {dashboard.breakdowns.map((b) => (
        <BreakdownSection key={b.dimension} breakdown={b} locale={locale} />
      ))}

      <p>
        <a href={view.csvHref} id="stats-csv" download>{t('csv')}</a>
      </p>

      <StatsMine mine={view.mine} locale={locale} />
    </div>
  );
}

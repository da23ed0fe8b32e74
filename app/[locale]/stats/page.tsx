import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BarChart } from '@/components/stats/bar-chart';
import { cellText, StatsTable } from '@/components/stats/stats-table';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { subjectsWithStats, type StatsDimension } from '@/db/queries/stats';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { inclusionDashboard, METRICS, type Breakdown, type Share } from '@/lib/stats/dashboard';
import type { Cell } from '@/lib/stats/disclosure';
import { resolveStatsScope } from '@/lib/stats/scope';

const AGE_KEYS: Record<string, 'band15to24' | 'band25to35' | 'band36plus' | 'unknown'> = {
  '15-24': 'band15to24',
  '25-35': 'band25to35',
  '36+': 'band36plus',
  unknown: 'unknown',
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Stats');
  return { title: t('title') };
}

export default async function StatsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const db = getDb();
  const actor = await getActor();
  const t = await getTranslations('Stats');
  const tc = await getTranslations('Common');
  const resolved = resolveStatsScope(db, actor, sp);
  if (!resolved.ok) {
    if (resolved.error === 'forbidden') return <Forbidden />;
    return (
      <div className="max-w-xl">
        <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
        <p id="stats-error" role="alert">{t('unknownScope')}</p>
        <p className="mt-3"><a href={localePath(locale, '/stats')}>{t('allPlatform')}</a></p>
      </div>
    );
  }
  const d = inclusionDashboard(db, resolved.scope);
  const labels = { few: t('few'), masked: t('masked'), withheld: t('notShown') };
  const communes = listCommunes(db);
  // Officials: the topics and projects whose own figures they may open (the rule is in lib/permissions).
  const mine = actor
    ? subjectsWithStats(
        db,
        communes.filter((c) => can(actor, 'topic.viewInternal', { communeId: c.id })).map((c) => c.id),
        communes.filter((c) => can(actor, 'project.viewInternal', { communeId: c.id })).map((c) => c.id),
      )
    : { topics: [], projects: [] };
  const monthFormat = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const groupLabel = (dimension: StatsDimension, group: string, label: string) => {
    if (dimension === 'gender') return t(`gender.${group as 'woman' | 'man' | 'unknown'}`);
    if (dimension === 'age') return t(`age.${AGE_KEYS[group] ?? 'unknown'}`);
    if (dimension === 'channel') return t(`channel.${group as 'self' | 'assisted' | 'meeting' | 'formation'}`);
    if (dimension === 'month' && /^\d{4}-\d{2}$/.test(group)) return monthFormat.format(new Date(`${group}-01T00:00:00Z`));
    return label;
  };
  /** A percentage, or the reason its count is hidden. */
  const shareCell = (pct: number | null, count: Cell): Cell => (pct !== null ? pct : typeof count === 'number' ? 'masked' : count);
  const metricColumns = METRICS.map((m) => ({ key: m, label: t(`metric.${m}`) }));
  const csvHref = `/exports/stats.csv${resolved.query ? `?${resolved.query}` : ''}`;
  const scopeTitle =
    resolved.scope.kind === 'all' ? t('allPlatform')
    : resolved.scope.kind === 'commune' ? t('scopeCommune', { name: resolved.title ?? '' })
    : resolved.scope.kind === 'topic' ? t('scopeTopic', { title: resolved.title ?? '' })
    : t('scopeProject', { title: resolved.title ?? '' });

  // A share is hidden when its count is: say why, as the tables do.
  const shareText = (s: Share) => cellText(shareCell(s.percent, s.count), labels, ' %');
  const breakdownSection = (b: Breakdown) => {
    const rows = b.rows.map((r) => ({ key: r.group, label: groupLabel(b.dimension, r.group, r.label), values: r.values }));
    const title = t(`dimension.${b.dimension}`);
    return (
      <section key={b.dimension} aria-labelledby={`by-${b.dimension}`} className="rounded border border-stone-300 bg-stone-50 p-3">
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
  };

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
          <select id="stats-commune" name="commune" defaultValue={resolved.scope.kind === 'commune' ? String(resolved.scope.id) : ''} className="min-h-11 rounded border-2 border-stone-500 bg-white px-2">
            <option value="">{tc('allCommunes')}</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{t('show')}</button>
      </form>

      <section aria-labelledby="highlights" className="grid gap-3 sm:grid-cols-2">
        <h2 id="highlights" className="sr-only">{t('highlights')}</h2>
        <div className="rounded border-2 border-teal-800 bg-white p-4" id="share-women">
          <p className="text-sm font-semibold uppercase text-teal-900">{t('womenShare')}</p>
          <p className="text-3xl font-extrabold">{shareText(d.women.participants)}</p>
          <p className="text-sm">{t('ofParticipants')} · {t('ofContributions', { value: shareText(d.women.contributions) })}</p>
        </div>
        <div className="rounded border-2 border-teal-800 bg-white p-4" id="share-youth">
          <p className="text-sm font-semibold uppercase text-teal-900">{t('youthShare')}</p>
          <p className="text-3xl font-extrabold">{shareText(d.youth.participants)}</p>
          <p className="text-sm">{t('ofParticipants')} · {t('ofContributions', { value: shareText(d.youth.contributions) })}</p>
        </div>
      </section>

      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="text-xl font-bold">{t('totals')}</h2>
        <StatsTable id="table-totals" caption={t('totals')} groupHeader={t('scope')} columns={metricColumns} rows={[{ key: 'all', label: scopeTitle, values: d.totals }]} labels={labels} />
      </section>

      <section aria-labelledby="by-commune-inclusion" className="rounded border border-stone-300 bg-stone-50 p-3">
        <h2 id="by-commune-inclusion" className="text-xl font-bold">{t('communeInclusion')}</h2>
        {d.communeShares.length === 0 ? (
          <p>{t('noData')}</p>
        ) : (
          <>
            <BarChart id="chart-commune-women" title={t('chartWomenShare')} rows={d.communeShares.map((c) => ({ label: c.label, value: shareCell(c.womenPercent, c.women) }))} labels={labels} unit=" %" />
            <BarChart id="chart-commune-youth" title={t('chartYouthShare')} rows={d.communeShares.map((c) => ({ label: c.label, value: shareCell(c.youthPercent, c.youth) }))} labels={labels} unit=" %" />
            <StatsTable
              id="table-commune-inclusion"
              caption={t('communeInclusion')}
              groupHeader={t('commune')}
              columns={[
                { key: 'participants', label: t('metric.participants') },
                { key: 'women', label: t('women') },
                { key: 'womenPercent', label: t('womenPercent'), unit: ' %' },
                { key: 'youth', label: t('youth') },
                { key: 'youthPercent', label: t('youthPercent'), unit: ' %' },
              ]}
              rows={d.communeShares.map((c) => ({
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

      {d.breakdowns.map(breakdownSection)}

      <p>
        <a href={csvHref} id="stats-csv" download>{t('csv')}</a>
      </p>

      {mine.topics.length + mine.projects.length > 0 ? (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title" className="text-xl font-bold">{t('mine')}</h2>
          <p className="mb-2">{t('mineIntro')}</p>
          <ul className="list-disc pl-6" id="stats-mine">
            {mine.topics.map((x) => (
              <li key={`t${x.id}`}><a href={localePath(locale, `/stats?topic=${x.id}`)}>{t('topicLink', { title: x.title })}</a></li>
            ))}
            {mine.projects.map((x) => (
              <li key={`p${x.id}`}><a href={localePath(locale, `/stats?project=${x.id}`)}>{t('projectLink', { title: x.title })}</a></li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

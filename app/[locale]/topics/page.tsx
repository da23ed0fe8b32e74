import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TopicCard } from '@/components/topics/topic-card';
import { FilterSelect } from '@/components/ui/filter-select';
import { Notice } from '@/components/ui/notice';
import { Pagination } from '@/components/ui/pagination';
import { publicContext, requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { topicList, topicListFeed } from '@/lib/topics/views';

type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  const t = await getTranslations('Topics');
  const tFeed = await getTranslations('Feed');
  const commune = topicListFeed(publicContext(), await searchParams);
  // The Atom feed of the commune being looked at (or of all communes), advertised in <head>.
  return {
    title: t('title'),
    alternates: {
      types: {
        'application/atom+xml': [commune ? { url: `/feeds/${commune.slug}.atom`, title: tFeed('title', { commune: commune.name }) } : { url: '/feeds/all.atom', title: tFeed('allTitle') }],
        // The spoken summaries as a podcast (issue 13 §6), for podcast apps and community radio.
        'application/rss+xml': [commune ? { url: `/feeds/${commune.slug}.rss`, title: tFeed('podcastTitle', { commune: commune.name }) } : { url: '/feeds/all.rss', title: tFeed('podcastAllTitle') }],
      },
    },
  };
}

export default async function TopicsPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Search> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const view = topicList(await requestContext(), sp, locale);
  const f = view.filters;
  const t = await getTranslations('Topics');
  const ta = await getTranslations('Auth');
  // Right after signing in (lib/accounts/views.ts afterSignIn): what they can do next.
  const welcome = sp.signedin ? ta('signedInLanding') : null;
  const tSector = await getTranslations('Sectors');
  const tPhase = await getTranslations('Phases');
  const tCommon = await getTranslations('Common');
  const query = (page: number) => {
    const q = new URLSearchParams();
    if (f.communeId) q.set('commune', String(f.communeId));
    if (f.sector) q.set('sector', f.sector);
    if (f.phase) q.set('phase', f.phase);
    if (f.sort !== 'newest') q.set('sort', f.sort);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return localePath(locale, `/topics${s ? `?${s}` : ''}`);
  };

  return (
    <div className="space-y-6">
      {welcome ? (
        <Notice tone="success" id="welcome">
          {welcome} {f.phase === 'open' ? t('openHere') : null}
        </Notice>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
        {view.mayCreate ? (
          <a href={localePath(locale, '/topics/new')} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:text-white">
            {t('new')}
          </a>
        ) : null}
      </div>
      <form method="get" aria-label={t('filters')} className="grid gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-5">
        <FilterSelect name="commune" label={t('commune')} value={f.communeId ? String(f.communeId) : ''} options={[['', tCommon('allCommunes')], ...view.communes.map((c) => [String(c.id), c.name] as const)]} />
        <FilterSelect name="sector" label={t('sector')} value={f.sector ?? ''} options={[['', t('allSectors')], ...view.sectors.map((s) => [s, tSector(s)] as const)]} />
        <FilterSelect name="phase" label={t('phase')} value={f.phase ?? ''} options={[['', t('allPhases')], ...view.phases.map((p) => [p, tPhase(p)] as const)]} />
        <FilterSelect name="sort" label={t('sort')} value={f.sort} options={[['newest', t('sortNewest')], ['closing', t('sortClosing')], ['discussed', t('sortDiscussed')]]} />
        <div className="flex items-end">
          <button type="submit" className="min-h-11 w-full rounded bg-teal-800 px-4 font-semibold text-white">{t('apply')}</button>
        </div>
      </form>
      <p role="status" className="font-semibold">{t('count', { count: view.total })}</p>
      {view.topics.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="space-y-3">
          {view.topics.map((topic) => (
            <li key={topic.id}>
              <TopicCard topic={topic} href={localePath(locale, `/topics/${topic.id}`)} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={f.page} pages={view.pages} hrefFor={query} />
    </div>
  );
}

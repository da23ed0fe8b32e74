import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TopicCard } from '@/components/topics/topic-card';
import { FilterSelect } from '@/components/ui/filter-select';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { getCommune, listCommunes } from '@/db/queries/geography';
import { listTopics } from '@/db/queries/topics';
import { PHASES, SECTORS } from '@/db/schema';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { closeExpiredTopics } from '@/lib/topics/change-phase';
import { parseTopicListParams } from '@/lib/topics/list-params';
import { internalCommunesOf } from '@/lib/topics/readers';
import { withTopicLanguage } from '@/lib/translations/topic-content';

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
  const t = await getTranslations('Topics');
  const tf = await getTranslations('Feed');
  const { communeId } = parseTopicListParams(await searchParams);
  const commune = communeId ? getCommune(getDb(), communeId) : undefined;
  // The Atom feed of the commune being looked at (or of all communes), advertised in <head>.
  return {
    title: t('title'),
    alternates: {
      types: {
        'application/atom+xml': [
          commune ? { url: `/feeds/${commune.slug}.atom`, title: tf('title', { commune: commune.name }) } : { url: '/feeds/all.atom', title: tf('allTitle') },
        ],
      },
    },
  };
}


export default async function TopicsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const f = parseTopicListParams(await searchParams);
  const db = getDb();
  const actor = await getActor();
  const now = new Date();
  closeExpiredTopics(db, now);
  const result = listTopics(db, { ...f, internalCommunes: internalCommunesOf(actor), nowIso: now.toISOString() });
  const communes = listCommunes(db);
  const t = await getTranslations('Topics');
  const ts = await getTranslations('Sectors');
  const tp = await getTranslations('Phases');
  const tc = await getTranslations('Common');
  const mayCreate = communes.some((c) => can(actor, 'topic.create', { communeId: c.id }));
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
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
        {mayCreate ? (
          <a href={localePath(locale, '/topics/new')} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:text-white">
            {t('new')}
          </a>
        ) : null}
      </div>
      <form method="get" aria-label={t('filters')} className="grid gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-5">
        <FilterSelect name="commune" label={t('commune')} value={f.communeId ? String(f.communeId) : ''} options={[['', tc('allCommunes')], ...communes.map((c) => [String(c.id), c.name] as const)]} />
        <FilterSelect name="sector" label={t('sector')} value={f.sector ?? ''} options={[['', t('allSectors')], ...SECTORS.map((s) => [s, ts(s)] as const)]} />
        <FilterSelect name="phase" label={t('phase')} value={f.phase ?? ''} options={[['', t('allPhases')], ...PHASES.filter((p) => p !== 'draft').map((p) => [p, tp(p)] as const)]} />
        <FilterSelect name="sort" label={t('sort')} value={f.sort} options={[['newest', t('sortNewest')], ['closing', t('sortClosing')], ['discussed', t('sortDiscussed')]]} />
        <div className="flex items-end">
          <button type="submit" className="min-h-11 w-full rounded bg-teal-800 px-4 font-semibold text-white">{t('apply')}</button>
        </div>
      </form>
      <p role="status" className="font-semibold">{t('count', { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="space-y-3">
          {withTopicLanguage(getDb(), result.rows, locale).map((row) => (
            <li key={row.id}>
              <TopicCard topic={row} href={localePath(locale, `/topics/${row.id}`)} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={f.page} pages={result.pages} hrefFor={query} />
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { revertTranslationAction } from '@/app/actions/translations';
import { OutcomeNotice } from '@/components/translations/outcome-notice';
import { ProposalCard } from '@/components/translations/proposal-card';
import { Pagination } from '@/components/ui/pagination';
import { requestContext } from '@/lib/auth/request-context';
import { isTranslatableLocale, languageAutonyms, localePath, type Locale } from '@/lib/i18n/config';
import { loadTranslationList, TRANSLATION_FILTERS, type TranslationFilter } from '@/lib/translations/load';
import { PostForm } from '@/components/forms/post-form';

type Props = { params: Promise<{ locale: Locale; lang: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  const t = await getTranslations('Translations');
  return { title: isTranslatableLocale(lang) ? t('listTitle', { language: languageAutonyms[lang] }) : t('title'), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function TranslationListPage({ params, searchParams }: Props) {
  const { locale, lang } = await params;
  setRequestLocale(locale);
  if (!isTranslatableLocale(lang)) notFound();
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const sp = await searchParams;
  const filter: TranslationFilter = (TRANSLATION_FILTERS as readonly string[]).includes(one(sp.filter)) ? (one(sp.filter) as TranslationFilter) : 'review';
  const q = one(sp.q).slice(0, 100);
  const page = Math.max(1, Number.parseInt(one(sp.page), 10) || 1);
  const view = loadTranslationList(ctx, lang, { filter, q, page });
  if (!view) forbidden();
  const t = await getTranslations('Translations');
  const base = localePath(locale, `/admin/translations/${lang}`);
  const query = (o: { filter?: string; page?: number }) => {
    const p = new URLSearchParams({ filter: o.filter ?? filter });
    if (q) p.set('q', q);
    if (o.page && o.page > 1) p.set('page', String(o.page));
    return `${base}?${p.toString()}`;
  };
  const here = query({ page: view.page });
  const keyHref = (key: string) => `${base}/key?k=${encodeURIComponent(key)}`;
  const anchorOf = (key: string) => `key-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  return (
    <div className="space-y-4">
      <p>
        <a href={localePath(locale, '/admin/translations')}>← {t('title')}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('listTitle', { language: languageAutonyms[lang] })}</h1>
      <OutcomeNotice done={one(sp.done)} error={one(sp.error)} />
      <nav aria-label={t('filters')}>
        <ul className="flex flex-wrap gap-3">
          {TRANSLATION_FILTERS.map((f) => (
            <li key={f}>
              {f === filter ? (
                <span aria-current="page" className="font-bold">{t(`filter_${f}`)}</span>
              ) : (
                <a href={query({ filter: f })}>{t(`filter_${f}`)}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={base} className="flex flex-wrap items-end gap-2" role="search">
        <input type="hidden" name="filter" value={filter} />
        <div className="grow">
          <label htmlFor="q" className="mb-1 block font-semibold">{t('search')}</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} className="block w-full rounded border-2 border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{t('searchSubmit')}</button>
      </form>
      <p id="key-count">{t('keyCount', { count: view.total })}</p>
      <ul className="space-y-4" id="keys">
        {view.rows.map((r) => (
          <li key={r.key} id={anchorOf(r.key)} className="rounded border border-stone-300 bg-stone-50 p-3">
            <p className="font-mono text-sm break-all">{r.key}</p>
            <p lang="fr" className="mt-1">
              <span className="font-semibold">{t('french')}</span> {r.source}
            </p>
            <p className="mt-1" data-live>
              <span className="font-semibold">{t('live')}</span>{' '}
              {r.live ? (
                <span lang={lang}>{r.live}</span>
              ) : (
                <span className="text-stone-700">{t('noneYet')}</span>
              )}
              {r.liveFrom === 'file' ? <span className="text-sm text-stone-700"> ({t('fromFile')})</span> : null}
            </p>
            {r.liveProposalId ? (
              <PostForm action={revertTranslationAction} className="mt-1">
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="proposalId" value={r.liveProposalId} />
                <input type="hidden" name="back" value={here} />
                <button type="submit" className="min-h-11 text-sm font-semibold text-red-900 underline">{t('revert')}</button>
              </PostForm>
            ) : null}
            {r.pending.length ? (
              <>
                <h2 className="mt-3 font-bold">{t('pendingTitle', { count: r.pending.length })}</h2>
                <ul className="mt-2 space-y-2">
                  {r.pending.map((p) => (
                    <ProposalCard key={p.id} p={p} lang={lang} locale={locale} back={here} anchor={anchorOf(r.key)} />
                  ))}
                </ul>
              </>
            ) : null}
            <p className="mt-2">
              <a href={keyHref(r.key)}>{t('translateKey')}</a>
            </p>
          </li>
        ))}
      </ul>
      {view.rows.length === 0 ? <p>{t('emptyList')}</p> : null}
      <Pagination page={view.page} pages={view.pages} hrefFor={(p) => query({ page: p })} />
    </div>
  );
}

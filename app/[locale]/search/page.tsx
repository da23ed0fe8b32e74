import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Highlight } from '@/components/ui/highlight';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { searchPage } from '@/lib/search/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Search');
  return { title: t('title') };
}

const GROUP_TITLE = { topic: 'topics', project: 'projects', lesson: 'lessons', meeting: 'meetings', comment: 'comments' } as const;

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = searchPage(await requestContext(), await searchParams, locale);
  const t = await getTranslations('Search');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="q" className="mb-1 block font-semibold">{t('label')}</label>
          <input id="q" name="q" type="search" defaultValue={view.q} maxLength={200} aria-describedby="q-hint" className="block w-full rounded border-2 border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{t('submit')}</button>
      </form>
      <p id="q-hint" className="text-sm text-stone-700">{t('hint')}</p>
      {view.q ? <p role="status" className="font-semibold">{t('results', { count: view.count, q: view.q })}</p> : null}
      {view.groups.map((g) => (
        <section key={g.kind} aria-labelledby={`group-${g.kind}`}>
          <h2 id={`group-${g.kind}`} className="mb-2 text-xl font-bold">{t(GROUP_TITLE[g.kind])}</h2>
          <ul className="space-y-2">
            {g.results.map((r) => (
              <li key={r.key} className="rounded border border-stone-300 bg-white p-3">
                <a href={localePath(locale, r.path)} className="font-semibold">
                  {r.kind === 'comment' ? t(r.on === 'project' ? 'inProject' : 'inTopic', { title: r.title }) : r.title}
                </a>
                <p className="mt-1">
                  <Highlight parts={r.snippet} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

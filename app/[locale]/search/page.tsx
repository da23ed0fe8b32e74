import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Highlight } from '@/components/ui/highlight';
import { getDb } from '@/db/client';
import { searchContent } from '@/db/queries/search';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Search');
  return { title: t('title') };
}

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const q = (typeof sp.q === 'string' ? sp.q : '').trim().slice(0, 200);
  const hits = q ? searchContent(getDb(), q, 30, locale) : [];
  const t = await getTranslations('Search');
  const groups = [
    { key: 'topic', title: t('topics'), items: hits.filter((h) => h.kind === 'topic') },
    { key: 'project', title: t('projects'), items: hits.filter((h) => h.kind === 'project') },
    { key: 'lesson', title: t('lessons'), items: hits.filter((h) => h.kind === 'lesson') },
    { key: 'comment', title: t('comments'), items: hits.filter((h) => h.kind === 'comment') },
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="q" className="mb-1 block font-semibold">{t('label')}</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={200} aria-describedby="q-hint" className="block w-full rounded border-2 border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{t('submit')}</button>
      </form>
      <p id="q-hint" className="text-sm text-stone-700">{t('hint')}</p>
      {q ? <p role="status" className="font-semibold">{t('results', { count: hits.length, q })}</p> : null}
      {groups.map((g) =>
        g.items.length ? (
          <section key={g.key} aria-labelledby={`group-${g.key}`}>
            <h2 id={`group-${g.key}`} className="mb-2 text-xl font-bold">{g.title}</h2>
            <ul className="space-y-2">
              {g.items.map((h) => (
                <li key={`${h.kind}-${h.refId}`} className="rounded border border-stone-300 bg-white p-3">
                  <a
                    href={localePath(
                      locale,
                      h.kind === 'lesson'
                        ? `/learn/${h.courseSlug}/${h.lessonSlug}`
                        : `${h.projectId ? `/projects/${h.projectId}` : `/topics/${h.topicId}`}${h.kind === 'comment' ? `#comment-${h.refId}` : ''}`,
                    )}
                    className="font-semibold"
                  >
                    {h.kind === 'comment' ? t(h.projectId ? 'inProject' : 'inTopic', { title: h.title }) : h.title}
                  </a>
                  <p className="mt-1">
                    <Highlight text={h.snippet} />
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}

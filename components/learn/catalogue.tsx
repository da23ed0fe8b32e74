import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { CourseCard } from '@/lib/learn/views';

/** /learn: the courses, each with its place (commune or region), size, and the reader's progress. */
export async function Catalogue({ locale, courses, signedIn, canAuthor }: { locale: Locale; courses: CourseCard[]; signedIn: boolean; canAuthor: boolean }) {
  const t = await getTranslations('Learn');
  const tl = await getTranslations('Languages');
  const href = (p: string) => localePath(locale, p);
  return (
    <div className="space-y-5">
      <header className="max-w-2xl">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2">{t('intro')}</p>
      </header>
      <ul className="flex flex-wrap gap-x-5 gap-y-2" aria-label={t('links')}>
        {signedIn ? (
          <li>
            <a href={href('/learn/progress')} id="my-progress">{t('myProgress')}</a>
          </li>
        ) : null}
        <li>
          <a href={href('/certificates')}>{t('verifyLink')}</a>
        </li>
        {canAuthor ? (
          <li>
            <a href={href('/learn/manage')} id="learn-manage">{t('manageLink')}</a>
          </li>
        ) : null}
      </ul>
      {courses.length === 0 ? <p>{t('none')}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2" id="courses">
        {courses.map((c) => (
          <li key={c.slug} className="rounded border border-stone-300 bg-white p-4" lang={c.language === locale ? undefined : c.language}>
            <h2 className="text-lg font-bold">
              <a href={href(`/learn/${c.slug}`)}>{c.title}</a>
            </h2>
            <p className="text-sm text-stone-700">
              {c.communeName ? t('forCommune', { commune: c.communeName }) : t('forRegion')} · {t('lessonCount', { count: c.lessonCount })}
              {c.language !== locale && tl.has(c.language) ? ` · ${tl(c.language as 'fr')}` : ''}
            </p>
            <p className="mt-2">{c.summary}</p>
            {signedIn && (c.done > 0 || c.certified) ? (
              <p className="mt-2 text-sm font-semibold">
                {t('courseProgress', { done: c.done, total: c.lessonCount })}
                {c.certified ? ` · ${t('certified')}` : ''}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { authoringCourses, trainingSpaces } from '@/lib/learn/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('LearnAuthor');
  return { title: t('title'), robots: { index: false } };
}

/** The authoring area: the courses this facilitator (or admin) writes, drafts included. */
export default async function ManagePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  if (!can(ctx.actor, 'learn.author', undefined)) forbidden();
  const t = await getTranslations('LearnAuthor');
  const tl = await getTranslations('Languages');
  const href = (p: string) => localePath(locale, p);
  const courses = authoringCourses(ctx);
  const spaces = trainingSpaces(ctx);
  return (
    <div className="max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <ul className="flex flex-wrap gap-x-5 gap-y-2">
        <li>
          <a href={href('/learn/manage/new')} id="new-course" className="inline-block min-h-11 rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline">{t('newCourse')}</a>
        </li>
        {spaces.length > 0 ? (
          <li className="self-center">
            <a href={href('/facilitator/training')} id="training-link">{t('trainingLink')}</a>
          </li>
        ) : null}
      </ul>
      <ul className="space-y-3" id="authoring-courses">
        {courses.map((c) => (
          <li key={c.id} className="rounded border border-stone-300 bg-white p-3">
            <a href={href(`/learn/manage/courses/${c.id}`)} className="font-semibold">{c.title}</a>
            <p className="text-sm text-stone-700">
              {tl(c.language as 'fr')} · {c.communeName ?? t('wholeRegion')} · {t(c.state === 'published' ? 'published' : 'draft')}
              {c.visibility !== 'visible' ? ` · ${t(c.visibility === 'held' ? 'held' : 'hidden')}` : ''} · {t('lessonsPublished', { published: c.publishedLessons, total: c.lessonCount })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

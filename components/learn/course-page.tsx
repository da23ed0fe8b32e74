import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/ui/notice';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { CourseView } from '@/lib/learn/views';

/** A course: what it is about, its lessons in order, and where the reader stands. */
export async function CoursePage({ locale, view, signedIn }: { locale: Locale; view: CourseView; signedIn: boolean }) {
  const t = await getTranslations('Learn');
  const href = (p: string) => localePath(locale, p);
  const { course } = view;
  const published = view.lessons.filter((l) => l.state === 'published' && l.visibility === 'visible');
  const next = published.find((l) => !l.progress?.passed) ?? published[0];
  return (
    <div className="max-w-2xl space-y-5" lang={course.language === locale ? undefined : course.language}>
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <a href={href('/learn')}>{t('title')}</a>
      </nav>
      <header>
        <h1 className="text-2xl font-bold">{course.title}</h1>
        <p className="text-sm text-stone-700" id="course-scope">{view.communeName ? t('forCommune', { commune: view.communeName }) : t('forRegion')}</p>
      </header>
      {!view.isPublic ? <Notice tone="warning" id="course-draft">{t('notPublic')}</Notice> : null}
      {view.canEdit ? (
        <p>
          <a href={href(`/learn/manage/courses/${course.id}`)} id="edit-course">{t('editCourse')}</a>
        </p>
      ) : null}
      <p>{course.summary}</p>
      {signedIn ? (
        <p id="course-progress" className="font-semibold">{t('courseProgress', { done: view.done, total: published.length })}</p>
      ) : (
        <p className="text-sm text-stone-700">{t('signInToKeep')}</p>
      )}
      {view.certificate ? (
        <Notice tone="success" id="course-certificate">
          {t('certificateEarned')} <a href={href(`/learn/${course.slug}/certificate`)}>{t('certificateOpen')}</a>
        </Notice>
      ) : null}
      {next ? (
        <p>
          <a href={href(`/learn/${course.slug}/${next.slug}`)} id="course-start" className="inline-block min-h-11 rounded bg-teal-800 px-5 py-2 font-semibold text-white no-underline">
            {view.done > 0 ? t('continue') : t('start')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="mb-2 text-xl font-bold">{t('lessons')}</h2>
        <ol className="space-y-2" id="course-lessons">
          {view.lessons.map((l, i) => (
            <li key={l.id} className="rounded border border-stone-300 bg-white p-3">
              <a href={href(`/learn/${course.slug}/${l.slug}`)} className="font-semibold">{`${i + 1}. ${l.title}`}</a>
              {l.state !== 'published' || l.visibility !== 'visible' ? <span className="ml-2 text-sm text-amber-900">({t('draft')})</span> : null}
              {l.progress ? (
                <p className="text-sm">
                  {l.progress.passed ? <span aria-hidden="true">✓ </span> : null}
                  {l.progress.passed ? t('lessonDoneShort', { score: l.progress.bestScore, total: l.progress.questionCount }) : t('lessonTriedShort', { score: l.progress.bestScore, total: l.progress.questionCount })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

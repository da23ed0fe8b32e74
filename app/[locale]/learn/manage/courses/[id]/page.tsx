import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { moveLessonAction, setCourseStateAction } from '@/app/actions/learn';
import { CourseForm } from '@/components/learn/course-form';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { courseEditView } from '@/lib/learn/views';
import { idParam } from '@/lib/validation';
import { PostForm } from '@/components/forms/post-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('LearnAuthor');
  return { title: t('editCourse'), robots: { index: false } };
}

const NOTICES = ['created', 'saved', 'held', 'moved'] as const;

/** Edit a course: its text, publishing, and its lessons (order, state). */
export default async function EditCoursePage({ params, searchParams }: { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const courseId = idParam.safeParse(id);
  if (!courseId.success) notFound();
  const view = courseEditView(ctx, courseId.data);
  if (!view) notFound();
  if (view === 'forbidden') forbidden();
  const t = await getTranslations('LearnAuthor');
  const te = await getTranslations('Errors');
  const tl = await getTranslations('Languages');
  const href = (p: string) => localePath(locale, p);
  const { course } = view;
  const notice = NOTICES.find((k) => sp[k] === '1');
  const error = typeof sp.error === 'string' && /^[a-zA-Z_]{1,40}$/.test(sp.error) ? sp.error : null;
  const errorKey = error === 'not_found' ? 'notFound' : error;
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <a href={href('/learn/manage')}>{t('title')}</a>
      </p>
      <h1 className="text-2xl font-bold">{course.title}</h1>
      <p className="text-sm text-stone-700" id="course-status">
        {tl(course.language as 'fr')} · {view.communeName ?? t('wholeRegion')} · {t(course.state === 'published' ? 'published' : 'draft')}
        {course.visibility !== 'visible' ? ` · ${t(course.visibility === 'held' ? 'held' : 'hidden')}` : ''}
      </p>
      {notice ? <Notice tone={notice === 'held' ? 'warning' : 'success'} id="course-notice">{t(`notice_${notice}`)}</Notice> : null}
      {typeof sp.state === 'string' ? <Notice tone="success" id="course-notice">{t(sp.state === 'published' ? 'notice_published' : 'notice_unpublished')}</Notice> : null}
      {errorKey ? <Notice tone="error" id="course-error">{te.has(errorKey) ? te(errorKey as 'invalid') : te('invalid')}</Notice> : null}

      <section aria-labelledby="publish-title" className="rounded border border-stone-300 bg-white p-3">
        <h2 id="publish-title" className="text-lg font-bold">{t('publishing')}</h2>
        <p className="mb-2">{course.state === 'published' ? t('coursePublishedText') : t('courseDraftText')}</p>
        <PostForm action={setCourseStateAction} id="course-state-form">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="id" value={course.id} />
          <input type="hidden" name="state" value={course.state === 'published' ? 'draft' : 'published'} />
          <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{course.state === 'published' ? t('unpublish') : t('publishCourse')}</button>
        </PostForm>
        {course.state === 'published' ? (
          <p className="mt-2">
            <a href={href(`/learn/${course.slug}`)}>{t('seeAsReader')}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="mb-2 text-xl font-bold">{t('lessons')}</h2>
        <ol className="space-y-2" id="manage-lessons">
          {view.lessons.map((l, i) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-300 bg-white p-3">
              <span>
                <a href={href(`/learn/manage/lessons/${l.id}`)} className="font-semibold">{`${i + 1}. ${l.title}`}</a>{' '}
                <span className="text-sm text-stone-700">({t(l.state === 'published' ? 'published' : 'draft')}{l.visibility !== 'visible' ? `, ${t(l.visibility === 'held' ? 'held' : 'hidden')}` : ''})</span>
              </span>
              <span className="flex gap-2">
                {(['up', 'down'] as const).map((direction) =>
                  (direction === 'up' ? i > 0 : i < view.lessons.length - 1) ? (
                    <PostForm key={direction} action={moveLessonAction}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="lessonId" value={l.id} />
                      <input type="hidden" name="courseId" value={course.id} />
                      <input type="hidden" name="direction" value={direction} />
                      <button type="submit" className="min-h-11 min-w-11 rounded border-2 border-stone-500 px-2" aria-label={t(direction === 'up' ? 'moveUp' : 'moveDown', { title: l.title })}>
                        {direction === 'up' ? '↑' : '↓'}
                      </button>
                    </PostForm>
                  ) : null,
                )}
              </span>
            </li>
          ))}
        </ol>
        <p className="mt-3">
          <a href={href(`/learn/manage/courses/${course.id}/lessons/new`)} id="new-lesson" className="inline-block min-h-11 rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline">{t('newLesson')}</a>
        </p>
      </section>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title" className="mb-2 text-xl font-bold">{t('editCourse')}</h2>
        <CourseForm locale={locale} communes={view.communes} course={course} />
      </section>

      {view.revisions.length > 0 ? (
        <section aria-labelledby="revisions-title">
          <h2 id="revisions-title" className="mb-2 text-xl font-bold">{t('revisions')}</h2>
          <ul className="list-disc pl-6 text-sm">
            {view.revisions.map((r) => (
              <li key={r.id}>{t('revisionLine', { date: r.createdAt.slice(0, 16).replace('T', ' '), editor: r.editorName ?? '—', title: r.title })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

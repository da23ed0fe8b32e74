import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { removeAudioAction, removeImageAction, setLessonStateAction } from '@/app/actions/learn';
import { ChoiceAudioForm, NarrationForm } from '@/components/learn/audio-forms';
import { ImageForm } from '@/components/learn/image-form';
import { LessonForm } from '@/components/learn/lesson-form';
import { AudioPlayer } from '@/components/media/audio-player';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { lessonEditView } from '@/lib/learn/views';
import { idParam } from '@/lib/validation';
import { PostForm } from '@/components/forms/post-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('LearnAuthor');
  return { title: t('editLesson'), robots: { index: false } };
}

const NOTICES = ['created', 'saved', 'held', 'narration', 'choiceAudio', 'image', 'removed'] as const;

/** Edit a lesson: publishing, its narrations, its pictures, its text and quiz, its choices read aloud. */
export default async function EditLessonPage({ params, searchParams }: { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const lessonId = idParam.safeParse(id);
  if (!lessonId.success) notFound();
  const view = lessonEditView(ctx, lessonId.data);
  if (!view) notFound();
  if (view === 'forbidden') forbidden();
  const t = await getTranslations('LearnAuthor');
  const te = await getTranslations('Errors');
  const tl = await getTranslations('Languages');
  const href = (p: string) => localePath(locale, p);
  const { course, lesson } = view;
  const notice = NOTICES.find((k) => sp[k] === '1');
  const error = typeof sp.error === 'string' && /^[a-zA-Z_]{1,40}$/.test(sp.error) ? sp.error : null;
  const errorKey = error === 'not_found' ? 'notFound' : error;
  const languageName = (code: string | null) => (code && tl.has(code) ? tl(code as 'fr') : '');
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <a href={href('/learn/manage')}>{t('title')}</a> › <a href={href(`/learn/manage/courses/${course.id}`)}>{course.title}</a>
      </p>
      <h1 className="text-2xl font-bold">{lesson.title}</h1>
      <p className="text-sm text-stone-700" id="lesson-status">
        {t(lesson.state === 'published' ? 'published' : 'draft')}
        {lesson.visibility !== 'visible' ? ` · ${t(lesson.visibility === 'held' ? 'held' : 'hidden')}` : ''}
        {view.isPublic ? '' : ` · ${t('notPublicYet')}`}
      </p>
      {notice ? <Notice tone={notice === 'held' ? 'warning' : 'success'} id="lesson-notice">{t(`notice_${notice}`)}</Notice> : null}
      {typeof sp.state === 'string' ? <Notice tone="success" id="lesson-notice">{t(sp.state === 'published' ? 'notice_lessonPublished' : 'notice_unpublished')}</Notice> : null}
      {errorKey ? <Notice tone="error" id="lesson-error">{te.has(errorKey) ? te(errorKey as 'invalid') : te('invalid')}</Notice> : null}

      <section aria-labelledby="publish-title" className="rounded border border-stone-300 bg-white p-3">
        <h2 id="publish-title" className="text-lg font-bold">{t('publishing')}</h2>
        <PostForm action={setLessonStateAction} id="lesson-state-form" className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="id" value={lesson.id} />
          <input type="hidden" name="state" value={lesson.state === 'published' ? 'draft' : 'published'} />
          <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{lesson.state === 'published' ? t('unpublish') : t('publishLesson')}</button>
          <a href={href(`/learn/${course.slug}/${lesson.slug}`)} id="preview-lesson">{t('preview')}</a>
        </PostForm>
      </section>

      <section aria-labelledby="narrations" className="space-y-3">
        <h2 id="narrations" className="text-xl font-bold">{t('narrations')}</h2>
        {view.narrations.length === 0 ? <p>{t('noNarration')}</p> : null}
        <ul className="space-y-2" id="lesson-narrations">
          {view.narrations.map((n) => (
            <li key={n.id} className="flex flex-wrap items-end gap-3">
              <AudioPlayer src={n.src} durationMs={n.durationMs} label={t('narrationIn', { language: languageName(n.language) })} />
              <PostForm action={removeAudioAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="lessonId" value={lesson.id} />
                <input type="hidden" name="mediaId" value={n.id} />
                <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 text-red-900">{t('remove')}</button>
              </PostForm>
            </li>
          ))}
        </ul>
        <NarrationForm locale={locale} lessonId={lesson.id} defaultLanguage={course.language} />
      </section>

      <section aria-labelledby="images" className="space-y-3">
        <h2 id="images" className="text-xl font-bold">{t('images')}</h2>
        <ul className="space-y-2" id="lesson-images">
          {view.images.map((im) => (
            <li key={im.id} className="flex flex-wrap items-end gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={`/images/${im.id}.webp`} alt={im.alt} width={im.width} height={im.height} className="h-auto max-w-48 rounded" />
              <span className="text-sm">{t('imageSize', { kb: Math.ceil(im.sizeBytes / 1024), width: im.width, height: im.height })}</span>
              <PostForm action={removeImageAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="lessonId" value={lesson.id} />
                <input type="hidden" name="imageId" value={im.id} />
                <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 text-red-900">{t('remove')}</button>
              </PostForm>
            </li>
          ))}
        </ul>
        <ImageForm locale={locale} lessonId={lesson.id} />
      </section>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title" className="mb-2 text-xl font-bold">{t('textAndQuiz')}</h2>
        <LessonForm locale={locale} courseId={course.id} lesson={lesson} />
      </section>

      <section aria-labelledby="choice-audio" className="space-y-3">
        <h2 id="choice-audio" className="text-xl font-bold">{t('choiceAudio')}</h2>
        <p>{t('choiceAudioIntro')}</p>
        {lesson.quiz.map((q, i) => (
          <details key={i} className="rounded border border-stone-300 bg-white p-3">
            <summary className="min-h-11 cursor-pointer font-semibold">{t('questionN', { n: i + 1 })} : {q.question}</summary>
            {q.choices.map((c, j) => {
              const audio = c.audioId ? view.choiceAudio.get(c.audioId) : undefined;
              return (
                <div key={j} className="mt-3 border-t border-stone-200 pt-3">
                  <p className="font-semibold">{c.text}</p>
                  {audio ? <AudioPlayer src={audio.src} durationMs={audio.durationMs} label={t('choiceRecorded')} /> : null}
                  <ChoiceAudioForm locale={locale} lessonId={lesson.id} question={i + 1} choice={j + 1} label={t('choiceRecord', { choice: c.text })} />
                </div>
              );
            })}
          </details>
        ))}
      </section>

      {view.revisions.length > 0 ? (
        <section aria-labelledby="revisions-title">
          <h2 id="revisions-title" className="mb-2 text-xl font-bold">{t('revisions')}</h2>
          <ul className="list-disc pl-6 text-sm" id="lesson-revisions">
            {view.revisions.map((r) => (
              <li key={r.id}>{t('revisionLine', { date: r.createdAt.slice(0, 16).replace('T', ' '), editor: r.editorName ?? '—', title: r.title })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

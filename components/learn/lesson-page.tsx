import { getTranslations } from 'next-intl/server';
import { AudioPlayer } from '@/components/media/audio-player';
import { Notice } from '@/components/ui/notice';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { LessonView } from '@/lib/learn/views';
import { renderMarkdown } from '@/lib/markdown';
import { QuizForm } from './quiz-form';

/** A lesson as a reader sees it: where it sits in its course, its narrations, pictures, text and quiz. */
export async function LessonPage({ locale, view, signedIn }: { locale: Locale; view: LessonView; signedIn: boolean }) {
  const t = await getTranslations('Learn');
  const tl = await getTranslations('Languages');
  const { course, lesson } = view;
  const href = (p: string) => localePath(locale, p);
  const languageName = (code: string | null) => (code && tl.has(code) ? tl(code as 'fr') : '');
  return (
    <article className="max-w-2xl space-y-5" lang={lesson.language === locale ? undefined : lesson.language}>
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <a href={href('/learn')}>{t('title')}</a> › <a href={href(`/learn/${course.slug}`)}>{course.title}</a>
      </nav>
      <header>
        <p className="text-sm font-semibold uppercase text-teal-900" id="lesson-position">{t('lessonOf', { n: view.index, total: view.total })}</p>
        <h1 className="text-2xl font-bold">{lesson.title}</h1>
      </header>
      {!view.isPublic ? <Notice tone="warning" id="lesson-draft">{t('notPublic')}</Notice> : null}
      {view.canEdit ? (
        <p>
          <a href={href(`/learn/manage/lessons/${lesson.id}`)} id="edit-lesson">{t('editLesson')}</a>
        </p>
      ) : null}
      {view.progress ? (
        <Notice tone={view.progress.passed ? 'success' : 'info'} id="lesson-progress">
          {view.progress.passed
            ? t('lessonDone', { score: view.progress.bestScore, total: view.progress.questionCount })
            : t('lessonTried', { score: view.progress.bestScore, total: view.progress.questionCount })}
        </Notice>
      ) : null}

      {view.narrations.length > 0 ? (
        <section aria-labelledby="listen-title" className="rounded border border-teal-800 bg-teal-50 p-3">
          <h2 id="listen-title" className="text-lg font-bold">{t('listenTitle')}</h2>
          {view.narrations.map((n) => (
            <AudioPlayer key={n.id} id={`narration-${n.id}`} src={n.src} durationMs={n.durationMs} label={t('listenIn', { language: languageName(n.language) })} />
          ))}
        </section>
      ) : null}

      {view.images.map((im) => (
        <figure key={im.id}>
          {/* Small WebP (≤ 60 KB), its size given so the page does not jump; lazy: fetched only when reached. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={im.src} alt={im.alt} width={im.width} height={im.height} loading="lazy" className="h-auto max-w-full rounded" />
        </figure>
      ))}

      <div className="prose-baro space-y-3" id="lesson-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(lesson.body) }} />

      <section aria-labelledby="quiz-title" className="space-y-3">
        <h2 id="quiz-title" className="text-xl font-bold">{t('quizTitle')}</h2>
        <QuizForm locale={locale} courseSlug={course.slug} lessonSlug={lesson.slug} lessonId={lesson.id} quiz={view.quiz} passMark={view.passMark} signedIn={signedIn} />
      </section>

      <nav aria-label={t('lessonNav')} className="flex flex-wrap justify-between gap-3 border-t border-stone-300 pt-3">
        {view.prev ? <a href={href(`/learn/${course.slug}/${view.prev.slug}`)} rel="prev">← {view.prev.title}</a> : <span />}
        {view.next ? <a href={href(`/learn/${course.slug}/${view.next.slug}`)} rel="next" id="next-lesson">{view.next.title} →</a> : null}
      </nav>
    </article>
  );
}

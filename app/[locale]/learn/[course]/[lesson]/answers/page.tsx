import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { QuizForm } from '@/components/learn/quiz-form';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { answersFromQuery, grade } from '@/lib/learn/quiz';
import { lessonView } from '@/lib/learn/views';

type Props = {
  params: Promise<{ locale: Locale; course: string; lesson: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Learn');
  return { title: t('answersTitle'), robots: { index: false } };
}

/**
 * The answers page: the quiz graded from the answers in the URL, each question with the right answer and its
 * explanation. Writes nothing (a signed-in reader's answers were recorded by the form's action just before).
 */
export default async function AnswersPage({ params, searchParams }: Props) {
  const { locale, course, lesson } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const ctx = await requestContext();
  const view = lessonView(ctx, course, lesson, locale);
  if (!view) notFound();
  const t = await getTranslations('Learn');
  const href = (p: string) => localePath(locale, p);
  const given = answersFromQuery(sp, view.lesson.quiz);
  const lessonHref = href(`/learn/${view.course.slug}/${view.lesson.slug}`);

  if (given.some((a) => a === null)) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">{view.lesson.title}</h1>
        <Notice tone="error" id="quiz-incomplete">{t('answerAll')}</Notice>
        <h2 id="quiz-title" className="text-xl font-bold">{t('quizTitle')}</h2>
        <QuizForm locale={locale} courseSlug={view.course.slug} lessonSlug={view.lesson.slug} lessonId={view.lesson.id} quiz={view.quiz} passMark={view.passMark} signedIn={!!ctx.actor} answers={given} />
      </div>
    );
  }
  const graded = grade(view.lesson.quiz, given as number[]);
  // Said only when it is true: the reader's progress in this lesson exists (the URL alone proves nothing).
  const saved = sp.saved === '1' && !!ctx.actor && !!view.progress;
  return (
    <div className="max-w-2xl space-y-4">
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <a href={href('/learn')}>{t('title')}</a> › <a href={href(`/learn/${view.course.slug}`)}>{view.course.title}</a> › <a href={lessonHref}>{view.lesson.title}</a>
      </nav>
      <h1 className="text-2xl font-bold">{t('answersHeading', { lesson: view.lesson.title })}</h1>
      <Notice tone={graded.passed ? 'success' : 'warning'} id="quiz-score">
        {t(graded.passed ? 'scorePassed' : 'scoreFailed', { score: graded.score, total: graded.total, pass: view.passMark })}
      </Notice>
      {saved ? <p id="quiz-saved">{t('saved')}</p> : !ctx.actor ? <p className="text-sm text-stone-700">{t('signInToKeep')}</p> : null}
      {view.certificate && (sp.certificate === '1' || saved) ? (
        <Notice tone="success" id="quiz-certificate">
          {t('courseCompleted')} <a href={href(`/learn/${view.course.slug}/certificate`)} id="certificate-link">{t('certificateOpen')}</a>
        </Notice>
      ) : null}
      <ol className="space-y-3" id="quiz-answers">
        {graded.questions.map((q, i) => (
          <li key={i} className={`rounded border-l-4 bg-white p-3 ${q.right ? 'border-green-700' : 'border-red-700'}`} id={`answer-${i + 1}`}>
            <p className="font-semibold">{t('questionLegend', { n: i + 1, question: q.question.question })}</p>
            <p>
              <strong>{q.right ? t('right') : t('wrong')}</strong> {t('yourAnswer')} <span id={`chosen-${i + 1}`}>{q.question.choices[q.chosen]?.text ?? ''}</span>
            </p>
            {!q.right ? (
              <p>
                {t('rightAnswer')} <strong id={`right-${i + 1}`}>{q.question.choices[q.correct]?.text ?? ''}</strong>
              </p>
            ) : null}
            <p className="mt-1 text-stone-800">{q.question.explanation}</p>
          </li>
        ))}
      </ol>
      <ul className="flex flex-wrap gap-x-5 gap-y-2">
        {!graded.passed ? (
          <li>
            <a href={`${lessonHref}#quiz-title`} id="try-again">{t('tryAgain')}</a>
          </li>
        ) : null}
        {view.next ? (
          <li>
            <a href={href(`/learn/${view.course.slug}/${view.next.slug}`)} id="next-lesson">{t('nextLesson', { title: view.next.title })}</a>
          </li>
        ) : (
          <li>
            <a href={href(`/learn/${view.course.slug}`)} id="back-to-course">{t('backToCourse')}</a>
          </li>
        )}
      </ul>
    </div>
  );
}

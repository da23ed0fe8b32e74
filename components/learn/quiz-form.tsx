import { getTranslations } from 'next-intl/server';
import { submitQuizAction } from '@/app/actions/learn';
import { AudioPlayer } from '@/components/media/audio-player';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { QuizQuestionView } from '@/lib/learn/views';
import { PostForm } from '@/components/forms/post-form';

/**
 * A lesson's quiz: one plain form, one group of radio buttons per question; works without JavaScript.
 * Signed in, it posts to the server action that records the answers, then shows the answers page; anonymous,
 * it is a GET form straight to the answers page (graded there, nothing recorded), so it can sit in a page
 * served from the cache.
 */
export async function QuizForm({
  locale,
  courseSlug,
  lessonSlug,
  lessonId,
  quiz,
  passMark,
  signedIn,
  answers,
}: {
  locale: Locale;
  courseSlug: string;
  lessonSlug: string;
  lessonId: number;
  quiz: QuizQuestionView[];
  passMark: number;
  signedIn: boolean;
  /** answers already given (an incomplete attempt comes back with them) */
  answers?: (number | null)[];
}) {
  const t = await getTranslations('Learn');
  const answersPath = localePath(locale, `/learn/${courseSlug}/${lessonSlug}/answers`);
  const fields = (
    <>
      <p className="mb-3">{t('quizIntro', { count: quiz.length, pass: passMark })}</p>
      {quiz.map((q, i) => (
        <fieldset key={i} className="mb-4 rounded border border-stone-300 bg-white p-3" id={`question-${i + 1}`}>
          <legend className="px-1 font-semibold">{t('questionLegend', { n: i + 1, question: q.question })}</legend>
          <div className="space-y-1">
            {q.choices.map((c, j) => (
              <div key={j}>
                <label className="flex min-h-11 items-center gap-3">
                  <input type="radio" name={`q${i + 1}`} value={j} defaultChecked={answers?.[i] === j} className="h-5 w-5 shrink-0" />
                  <span>{c.text}</span>
                </label>
                {c.audio ? <AudioPlayer src={c.audio.src} durationMs={c.audio.durationMs} label={t('listenChoice', { choice: c.text })} /> : null}
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <button type="submit" className="min-h-11 rounded bg-teal-800 px-5 py-2 font-semibold text-white hover:bg-teal-900">
        {t('checkAnswers')}
      </button>
      {signedIn ? null : <p className="mt-2 text-sm text-stone-700">{t('signInToKeep')}</p>}
    </>
  );
  if (!signedIn) {
    return (
      <form method="get" action={answersPath} id="quiz-form" aria-labelledby="quiz-title">
        {fields}
      </form>
    );
  }
  return (
    <PostForm action={submitQuizAction} id="quiz-form" aria-labelledby="quiz-title">
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="course" value={courseSlug} />
      <input type="hidden" name="lesson" value={lessonSlug} />
      {fields}
    </PostForm>
  );
}

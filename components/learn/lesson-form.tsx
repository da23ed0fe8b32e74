import { getTranslations } from 'next-intl/server';
import { createLessonAction, updateLessonAction } from '@/app/actions/learn';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea, TextField } from '@/components/forms/fields';
import type { Locale } from '@/lib/i18n/config';
import { CHOICES_MAX, LESSON_MAX_WORDS, QUIZ_MAX, QUIZ_MIN, quizField, quizToFields, type QuizQuestion } from '@/lib/learn/quiz';

/**
 * A lesson's text and its quiz, in one plain form: 5 question blocks (3 to fill at least), each with its
 * explanation, up to 4 choices and which one is right. Empty blocks are left out.
 */
export async function LessonForm({
  locale,
  courseId,
  lesson,
}: {
  locale: Locale;
  courseId: number;
  lesson?: { id: number; title: string; body: string; quiz: QuizQuestion[] };
}) {
  const t = await getTranslations('LearnAuthor');
  const tc = await getTranslations('Common');
  const values = lesson ? quizToFields(lesson.quiz) : {};
  return (
    <ActionForm action={lesson ? updateLessonAction : createLessonAction} id="lesson-form">
      <Hidden name="locale" value={locale} />
      {lesson ? <Hidden name="lessonId" value={String(lesson.id)} /> : <Hidden name="courseId" value={String(courseId)} />}
      <TextField name="title" label={t('lessonTitle')} required requiredMark={tc('required')} maxLength={120} defaultValue={lesson?.title} />
      {lesson ? null : <TextField name="slug" label={t('slug')} hint={t('lessonSlugHint')} maxLength={60} />}
      <TextArea name="body" label={t('lessonBody')} hint={t('lessonBodyHint', { max: LESSON_MAX_WORDS })} required requiredMark={tc('required')} rows={14} maxLength={6000} defaultValue={lesson?.body} />
      <h2 className="mb-2 mt-6 text-xl font-bold">{t('quiz')}</h2>
      <p className="mb-3 text-sm text-stone-700">{t('quizHint', { min: QUIZ_MIN, max: QUIZ_MAX })}</p>
      {Array.from({ length: QUIZ_MAX }, (_, k) => k + 1).map((i) => (
        <fieldset key={i} className="mb-4 rounded border border-stone-300 bg-white p-3" id={`quiz-block-${i}`}>
          <legend className="px-1 font-semibold">{t('questionN', { n: i })}</legend>
          <TextField name={quizField.question(i)} label={t('question')} maxLength={300} defaultValue={values[quizField.question(i)]} />
          {Array.from({ length: CHOICES_MAX }, (_, c) => c + 1).map((c) => (
            <TextField key={c} name={quizField.choice(i, c)} label={t('choiceN', { n: c })} maxLength={200} defaultValue={values[quizField.choice(i, c)]} />
          ))}
          <RadioGroup
            name={quizField.correct(i)}
            legend={t('correctChoice')}
            options={Array.from({ length: CHOICES_MAX }, (_, c) => ({ value: String(c + 1), label: t('choiceN', { n: c + 1 }) }))}
            defaultValue={values[quizField.correct(i)]}
          />
          <TextArea name={quizField.explanation(i)} label={t('explanation')} hint={t('explanationHint')} rows={2} maxLength={600} defaultValue={values[quizField.explanation(i)]} />
        </fieldset>
      ))}
      <SubmitButton pendingLabel={tc('saving')}>{lesson ? tc('save') : t('createLesson')}</SubmitButton>
    </ActionForm>
  );
}

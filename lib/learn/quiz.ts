import type { QuizQuestion } from '@/db/schema';

/** A lesson's quiz: 3 to 5 questions of 2 to 4 choices, exactly one correct. */
export const QUIZ_MIN = 3;
export const QUIZ_MAX = 5;
export const CHOICES_MIN = 2;
export const CHOICES_MAX = 4;
/** A lesson's text: about 300 words at most (it is read on a phone and narrated). */
export const LESSON_MAX_WORDS = 300;

/** Words as a reader counts them (Markdown marks are not words). */
export function wordCount(markdown: string): number {
  return markdown.split(/[\s’'‑-]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The form field names of question i (1-based) and of its choices: q1, q1_explanation, q1_c1…q1_c4, q1_correct. */
export const quizField = {
  question: (i: number) => `q${i}`,
  explanation: (i: number) => `q${i}_explanation`,
  choice: (i: number, c: number) => `q${i}_c${c}`,
  correct: (i: number) => `q${i}_correct`,
};

/** Every field name of the quiz part of the lesson form. */
export const QUIZ_FIELDS = Array.from({ length: QUIZ_MAX }, (_, k) => k + 1).flatMap((i) => [
  quizField.question(i),
  quizField.explanation(i),
  ...Array.from({ length: CHOICES_MAX }, (_, c) => quizField.choice(i, c + 1)),
  quizField.correct(i),
]);

/** The lesson form's quiz fields as values (for editing an existing quiz). */
export function quizToFields(quiz: readonly QuizQuestion[]): Record<string, string> {
  const out: Record<string, string> = {};
  quiz.forEach((q, k) => {
    const i = k + 1;
    out[quizField.question(i)] = q.question;
    out[quizField.explanation(i)] = q.explanation;
    q.choices.forEach((c, j) => {
      out[quizField.choice(i, j + 1)] = c.text;
      if (c.correct) out[quizField.correct(i)] = String(j + 1);
    });
  });
  return out;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Reads the quiz from the lesson form. A block whose question is empty is skipped; each filled block needs
 * an explanation, 2–4 choices and one of them marked correct. Errors are message keys on the field concerned.
 * `previous`: the quiz before this edit, whose choice recordings are kept where a choice's text did not change.
 */
export function parseQuizFields(
  input: Record<string, unknown>,
  previous: readonly QuizQuestion[] = [],
): { ok: true; quiz: QuizQuestion[] } | { ok: false; fieldErrors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const quiz: QuizQuestion[] = [];
  for (let i = 1; i <= QUIZ_MAX; i++) {
    const question = text(input[quizField.question(i)]);
    const explanation = text(input[quizField.explanation(i)]);
    const raw = Array.from({ length: CHOICES_MAX }, (_, c) => text(input[quizField.choice(i, c + 1)]));
    const correctRaw = text(input[quizField.correct(i)]);
    if (!question) {
      if (explanation || raw.some(Boolean)) errors[quizField.question(i)] = 'quizQuestionRequired';
      continue;
    }
    if (question.length > 300) errors[quizField.question(i)] = 'tooLong';
    if (!explanation) errors[quizField.explanation(i)] = 'quizExplanationRequired';
    else if (explanation.length > 600) errors[quizField.explanation(i)] = 'tooLong';
    const filled = raw.map((t, c) => ({ t, c })).filter((x) => x.t);
    if (filled.length < CHOICES_MIN) errors[quizField.choice(i, 1)] = 'quizChoicesRange';
    else if (new Set(filled.map((x) => x.t.toLowerCase())).size !== filled.length) errors[quizField.choice(i, 1)] = 'quizChoicesDistinct';
    else if (filled.some((x) => x.t.length > 200)) errors[quizField.choice(i, 1)] = 'tooLong';
    const correct = /^[1-4]$/.test(correctRaw) ? Number(correctRaw) - 1 : -1;
    if (correct < 0 || !raw[correct]) errors[quizField.correct(i)] = 'quizCorrectRequired';
    const before = previous[quiz.length];
    quiz.push({
      question,
      explanation,
      choices: filled.map((x) => {
        const kept = before?.choices.find((b) => b.text === x.t && b.audioId);
        return { text: x.t, correct: x.c === correct, ...(kept?.audioId ? { audioId: kept.audioId } : {}) };
      }),
    });
  }
  if (Object.keys(errors).length === 0 && (quiz.length < QUIZ_MIN || quiz.length > QUIZ_MAX)) errors[quizField.question(quiz.length + 1 > QUIZ_MAX ? 1 : quiz.length + 1)] = 'quizQuestionsRange';
  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, quiz };
}

/** How many right answers pass a quiz of n questions: 60 %, rounded up (2 of 3, 3 of 4, 3 of 5). */
export function passMark(questionCount: number): number {
  return Math.ceil(questionCount * 0.6);
}

export type GradedQuestion = { question: QuizQuestion; chosen: number; correct: number; right: boolean };
export type Graded = { questions: GradedQuestion[]; score: number; total: number; passed: boolean };

/** Grades answers (the index of the chosen choice of each question, in order). */
export function grade(quiz: readonly QuizQuestion[], answers: readonly number[]): Graded {
  const questions = quiz.map((q, i) => {
    const chosen = answers[i] ?? -1;
    const correct = q.choices.findIndex((c) => c.correct);
    return { question: q, chosen, correct, right: chosen === correct };
  });
  const score = questions.filter((q) => q.right).length;
  return { questions, score, total: quiz.length, passed: score >= passMark(quiz.length) };
}

/** The answers of the answers page's URL (?q1=0&q2=2…): each question's chosen choice, null when missing or not a choice. */
export function answersFromQuery(sp: Record<string, string | string[] | undefined>, quiz: readonly QuizQuestion[]): (number | null)[] {
  return quiz.map((q, i) => {
    const raw = sp[`q${i + 1}`];
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (typeof v !== 'string' || !/^\d$/.test(v)) return null;
    const n = Number(v);
    return n < q.choices.length ? n : null;
  });
}

export type { QuizQuestion };

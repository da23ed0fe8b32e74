import { sql } from 'drizzle-orm';
import { lessonProgress } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { issueCertificateIfComplete } from './certificates';
import { findCourse, findLesson, readSubject, type LearnContext } from './load';
import { grade, type Graded } from './quiz';
import { submitQuizSchema } from './schemas';

export type QuizOutcome = { graded: Graded; answers: number[]; courseId: number; certificateIssued: boolean };

/**
 * A signed-in reader answers a lesson's quiz: graded at once, and their progress kept (best and last score;
 * the lesson is done once passed). Passing the last lesson of a course issues its certificate, in the same
 * transaction. Every question must be answered (else nothing is recorded).
 */
export function submitQuiz(ctx: LearnContext, input: unknown): Result<QuizOutcome> {
  const parsed = parse(submitQuizSchema, input);
  if (!parsed.ok) return parsed;
  const lesson = findLesson(ctx.db, parsed.data.lessonId as number);
  if (!lesson) return notFound();
  const course = findCourse(ctx.db, lesson.courseId)!;
  if (!can(ctx.actor, 'learn.read', readSubject(ctx.db, course, lesson))) return notFound();
  if (!ctx.actor || !can(ctx.actor, 'learn.progress', { userId: ctx.actor.id })) return forbidden();
  const answers = lesson.quiz.map((_, i) => (parsed.data as Record<string, number | undefined>)[`q${i + 1}`]);
  const missing = answers.findIndex((a, i) => a === undefined || a >= lesson.quiz[i]!.choices.length);
  if (missing >= 0) return invalid({ [`q${missing + 1}`]: 'quizAnswerAll' });
  const chosen = answers as number[];
  const graded = grade(lesson.quiz, chosen);
  const userId = ctx.actor.id;
  const at = ctx.now.toISOString();

  const certificateIssued = ctx.db.transaction(
    (tx) => {
      tx.insert(lessonProgress)
        .values({ userId, lessonId: lesson.id, bestScore: graded.score, lastScore: graded.score, questionCount: graded.total, attempts: 1, passedAt: graded.passed ? at : null, updatedAt: at })
        .onConflictDoUpdate({
          target: [lessonProgress.userId, lessonProgress.lessonId],
          set: {
            bestScore: sql`max(${lessonProgress.bestScore}, ${graded.score})`,
            lastScore: graded.score,
            questionCount: graded.total,
            attempts: sql`${lessonProgress.attempts} + 1`,
            passedAt: sql`coalesce(${lessonProgress.passedAt}, ${graded.passed ? at : null})`,
            updatedAt: at,
          },
        })
        .run();
      recordAudit(tx, { actorId: userId, action: 'lesson.quiz', subjectType: 'lesson', subjectId: lesson.id, details: { score: graded.score, total: graded.total, passed: graded.passed } });
      return graded.passed ? issueCertificateIfComplete(tx, userId, course, ctx.now) !== null : false;
    },
    { behavior: 'immediate' },
  );
  return ok({ graded, answers: chosen, courseId: course.id, certificateIssued });
}

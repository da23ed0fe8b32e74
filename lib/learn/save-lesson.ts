import { and, eq, sql } from 'drizzle-orm';
import { lessonRevisions, lessons } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { openHeldItem, screenSubmission } from '@/lib/moderation/pipeline';
import { can } from '@/lib/permissions';
import { isTrusted } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { courseScope, findCourse, findLesson, moderationCommuneOf, type LearnContext } from './load';
import { syncLessonMedia } from './media-state';
import { parseQuizFields } from './quiz';
import { createLessonSchema, updateLessonSchema } from './schemas';
import { RESERVED_LESSON_SLUGS, slugify, uniqueSlug } from './slug';

const quizText = (quiz: { question: string; explanation: string; choices: { text: string }[] }[]) =>
  quiz.map((q) => [q.question, ...q.choices.map((c) => c.text), q.explanation].join('\n')).join('\n');

/**
 * A facilitator (or an admin) adds a lesson to a course they write: about 300 words of Markdown and a quiz of
 * 3–5 questions. It starts as a draft at the end of the course. Its whole text, quiz included, is screened.
 */
export function createLesson(ctx: LearnContext, input: unknown): Result<{ lessonId: number; slug: string; held: boolean }> {
  const parsed = parse(createLessonSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const quiz = parseQuizFields(v);
  if (!quiz.ok) return invalid(quiz.fieldErrors);
  const course = findCourse(ctx.db, v.courseId);
  if (!course) return notFound();
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return forbidden();
  const actor = ctx.actor!;
  if (v.slug && RESERVED_LESSON_SLUGS.includes(v.slug)) return invalid({ slug: 'slugTaken' });
  if (v.slug && ctx.db.select({ id: lessons.id }).from(lessons).where(and(eq(lessons.language, course.language), eq(lessons.slug, v.slug))).get()) return invalid({ slug: 'slugTaken' });
  const communeId = moderationCommuneOf(ctx.db, course);
  const verdict = screenSubmission(ctx.db, { kind: 'lesson', communeId, authorId: actor.id, text: `${v.title}\n${v.body}\n${quizText(quiz.quiz)}`, trusted: isTrusted(actor), now: ctx.now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  const created = ctx.db.transaction(
    (tx) => {
      const taken = (slug: string) => RESERVED_LESSON_SLUGS.includes(slug) || !!tx.select({ id: lessons.id }).from(lessons).where(and(eq(lessons.language, course.language), eq(lessons.slug, slug))).get();
      const slug = v.slug ?? uniqueSlug(slugify(v.title), taken);
      const position = (tx.get<{ p: number | null }>(sql`SELECT max(position) AS p FROM lessons WHERE course_id = ${course.id}`)?.p ?? 0) + 1;
      const row = tx
        .insert(lessons)
        .values({
          courseId: course.id,
          language: course.language,
          slug,
          position,
          title: v.title,
          body: v.body,
          quiz: quiz.quiz,
          authorId: actor.id,
          visibility: verdict.action === 'hold' ? 'held' : 'visible',
          createdAt: ctx.now.toISOString(),
        })
        .returning({ id: lessons.id })
        .get();
      if (verdict.action === 'hold') openHeldItem(tx, { contentType: 'lesson', contentId: row.id, communeId, authorId: actor.id, reason: verdict.reason });
      recordAudit(tx, { actorId: actor.id, action: 'lesson.create', subjectType: 'lesson', subjectId: row.id, details: { courseId: course.id, slug, screening: verdict.action === 'hold' ? verdict.reason : 'publish' } });
      return { lessonId: row.id, slug };
    },
    { behavior: 'immediate' },
  );
  return ok({ ...created, held: verdict.action === 'hold' });
}

/** Edits a lesson's text and quiz; the previous version is kept as a revision. Its URL (slug) stays. */
export function updateLesson(ctx: LearnContext, input: unknown): Result<{ lessonId: number; courseId: number; held: boolean }> {
  const parsed = parse(updateLessonSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const lesson = findLesson(ctx.db, v.lessonId);
  if (!lesson) return notFound();
  const course = findCourse(ctx.db, lesson.courseId)!;
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return forbidden();
  const quiz = parseQuizFields(v, lesson.quiz);
  if (!quiz.ok) return invalid(quiz.fieldErrors);
  const actor = ctx.actor!;
  const communeId = moderationCommuneOf(ctx.db, course);
  const verdict = screenSubmission(ctx.db, { kind: 'lesson', communeId, authorId: actor.id, text: `${v.title}\n${v.body}\n${quizText(quiz.quiz)}`, trusted: isTrusted(actor), checkHistory: false, now: ctx.now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  ctx.db.transaction((tx) => {
    tx.insert(lessonRevisions).values({ lessonId: lesson.id, editorId: actor.id, title: lesson.title, body: lesson.body, quiz: lesson.quiz, createdAt: ctx.now.toISOString() }).run();
    const updated = tx
      .update(lessons)
      .set({ title: v.title, body: v.body, quiz: quiz.quiz, visibility: verdict.action === 'hold' ? 'held' : lesson.visibility, updatedAt: ctx.now.toISOString() })
      .where(eq(lessons.id, lesson.id))
      .returning()
      .get();
    if (verdict.action === 'hold') {
      openHeldItem(tx, { contentType: 'lesson', contentId: lesson.id, communeId, authorId: actor.id, reason: verdict.reason });
      syncLessonMedia(tx, course, updated);
    }
    recordAudit(tx, { actorId: actor.id, action: 'lesson.update', subjectType: 'lesson', subjectId: lesson.id, details: { screening: verdict.action === 'hold' ? verdict.reason : 'publish' } });
  });
  return ok({ lessonId: lesson.id, courseId: course.id, held: verdict.action === 'hold' });
}

import { and, eq, sql } from 'drizzle-orm';
import { courses, lessons } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { courseScope, findCourse, findLesson, lessonsOf, type LearnContext } from './load';
import { syncLessonMedia } from './media-state';
import { moveLessonSchema, setStateSchema } from './schemas';

/**
 * Publishes or unpublishes a course. A course is published only with at least one published lesson (a
 * reader would find it empty). Its lessons' recordings become public or private with it.
 */
export function setCourseState(ctx: LearnContext, input: unknown): Result<{ courseId: number; slug: string }> {
  const parsed = parse(setStateSchema, input);
  if (!parsed.ok) return parsed;
  const course = findCourse(ctx.db, parsed.data.id);
  if (!course) return notFound();
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return forbidden();
  const state = parsed.data.state;
  if (state === 'published' && !lessonsOf(ctx.db, course.id).some((l) => l.state === 'published')) return { ok: false, error: 'rejected', reason: 'courseNoLessons' };
  ctx.db.transaction((tx) => {
    const updated = tx
      .update(courses)
      .set({ state, publishedAt: state === 'published' ? (course.publishedAt ?? ctx.now.toISOString()) : course.publishedAt, updatedAt: ctx.now.toISOString() })
      .where(eq(courses.id, course.id))
      .returning()
      .get();
    for (const l of lessonsOf(tx, course.id)) syncLessonMedia(tx, updated, l);
    recordAudit(tx, { actorId: ctx.actor!.id, action: state === 'published' ? 'course.publish' : 'course.unpublish', subjectType: 'course', subjectId: course.id });
  });
  return ok({ courseId: course.id, slug: course.slug });
}

/** Publishes or unpublishes one lesson of a course. */
export function setLessonState(ctx: LearnContext, input: unknown): Result<{ lessonId: number; courseId: number }> {
  const parsed = parse(setStateSchema, input);
  if (!parsed.ok) return parsed;
  const lesson = findLesson(ctx.db, parsed.data.id);
  if (!lesson) return notFound();
  const course = findCourse(ctx.db, lesson.courseId)!;
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return forbidden();
  const state = parsed.data.state;
  ctx.db.transaction((tx) => {
    const updated = tx.update(lessons).set({ state, updatedAt: ctx.now.toISOString() }).where(eq(lessons.id, lesson.id)).returning().get();
    syncLessonMedia(tx, course, updated);
    recordAudit(tx, { actorId: ctx.actor!.id, action: state === 'published' ? 'lesson.publish' : 'lesson.unpublish', subjectType: 'lesson', subjectId: lesson.id });
  });
  return ok({ lessonId: lesson.id, courseId: course.id });
}

/** Moves a lesson one place up or down in its course. */
export function moveLesson(ctx: LearnContext, input: unknown): Result<{ courseId: number }> {
  const parsed = parse(moveLessonSchema, input);
  if (!parsed.ok) return parsed;
  const lesson = findLesson(ctx.db, parsed.data.lessonId);
  if (!lesson) return notFound();
  const course = findCourse(ctx.db, lesson.courseId)!;
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return forbidden();
  ctx.db.transaction(
    (tx) => {
      const all = lessonsOf(tx, course.id);
      const i = all.findIndex((l) => l.id === lesson.id);
      const j = parsed.data.direction === 'up' ? i - 1 : i + 1;
      if (j < 0 || j >= all.length) return;
      [all[i], all[j]] = [all[j]!, all[i]!];
      all.forEach((l, k) => tx.update(lessons).set({ position: k + 1 }).where(and(eq(lessons.id, l.id), sql`position <> ${k + 1}`)).run());
      recordAudit(tx, { actorId: ctx.actor!.id, action: 'lesson.move', subjectType: 'lesson', subjectId: lesson.id, details: { direction: parsed.data.direction } });
    },
    { behavior: 'immediate' },
  );
  return ok({ courseId: course.id });
}

import { and, eq, sql } from 'drizzle-orm';
import { communes, courseRevisions, courses, type Course } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { openHeldItem, screenSubmission } from '@/lib/moderation/pipeline';
import { can } from '@/lib/permissions';
import { isTrusted } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findCourse, spacesOfCommune, type LearnContext } from './load';
import { createCourseSchema, updateCourseSchema } from './schemas';
import { RESERVED_COURSE_SLUGS, slugify, uniqueSlug } from './slug';

function communeExists(ctx: LearnContext, communeId: number | null): boolean {
  return communeId === null || !!ctx.db.select({ id: communes.id }).from(communes).where(eq(communes.id, communeId)).get();
}

/**
 * A facilitator (or an admin) starts a course, as a draft: for the whole region, or for one commune (then
 * only the facilitators of that commune's spaces, and admins, write it). Its title and summary are public
 * text: screened like any other.
 */
export function createCourse(ctx: LearnContext, input: unknown): Result<{ courseId: number; slug: string; held: boolean }> {
  const parsed = parse(createCourseSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!communeExists(ctx, v.communeId)) return invalid({ communeId: 'communeRequired' });
  if (!can(ctx.actor, 'course.edit', { communeId: v.communeId, communeSpaceIds: spacesOfCommune(ctx.db, v.communeId) })) return forbidden();
  const actor = ctx.actor!;
  if (v.slug && RESERVED_COURSE_SLUGS.includes(v.slug)) return invalid({ slug: 'slugTaken' });
  if (v.slug && ctx.db.select({ id: courses.id }).from(courses).where(and(eq(courses.slug, v.slug), eq(courses.language, v.language))).get()) return invalid({ slug: 'slugTaken' });
  const verdict = screenSubmission(ctx.db, { kind: 'lesson', communeId: v.communeId ?? actor.communeId, authorId: actor.id, text: `${v.title}\n${v.summary}`, trusted: isTrusted(actor), now: ctx.now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  const created = ctx.db.transaction(
    (tx) => {
      const taken = (slug: string) => RESERVED_COURSE_SLUGS.includes(slug) || !!tx.select({ id: courses.id }).from(courses).where(and(eq(courses.slug, slug), eq(courses.language, v.language))).get();
      const slug = v.slug ?? uniqueSlug(slugify(v.title), taken);
      const row = tx
        .insert(courses)
        .values({
          slug,
          language: v.language,
          communeId: v.communeId,
          title: v.title,
          summary: v.summary,
          authorId: actor.id,
          visibility: verdict.action === 'hold' ? 'held' : 'visible',
          createdAt: ctx.now.toISOString(),
        })
        .returning({ id: courses.id })
        .get();
      if (verdict.action === 'hold') openHeldItem(tx, { contentType: 'course', contentId: row.id, communeId: v.communeId ?? actor.communeId, authorId: actor.id, reason: verdict.reason });
      recordAudit(tx, { actorId: actor.id, action: 'course.create', subjectType: 'course', subjectId: row.id, details: { slug, language: v.language, communeId: v.communeId, screening: verdict.action === 'hold' ? verdict.reason : 'publish' } });
      return { courseId: row.id, slug };
    },
    { behavior: 'immediate' },
  );
  return ok({ ...created, held: verdict.action === 'hold' });
}

/** Edits a course's title, summary or commune; the previous version is kept as a revision. Its URL (slug) stays. */
export function updateCourse(ctx: LearnContext, input: unknown): Result<{ courseId: number; held: boolean }> {
  const parsed = parse(updateCourseSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const course = findCourse(ctx.db, v.courseId);
  if (!course) return notFound();
  // Both the course as it is and where it would go must be the editor's.
  if (!can(ctx.actor, 'course.edit', { communeId: course.communeId, communeSpaceIds: spacesOfCommune(ctx.db, course.communeId) })) return forbidden();
  if (!communeExists(ctx, v.communeId)) return invalid({ communeId: 'communeRequired' });
  if (!can(ctx.actor, 'course.edit', { communeId: v.communeId, communeSpaceIds: spacesOfCommune(ctx.db, v.communeId) })) return invalid({ communeId: 'courseCommuneNotYours' });
  const actor = ctx.actor!;
  const verdict = screenSubmission(ctx.db, { kind: 'lesson', communeId: v.communeId ?? actor.communeId, authorId: actor.id, text: `${v.title}\n${v.summary}`, trusted: isTrusted(actor), checkHistory: false, now: ctx.now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  ctx.db.transaction((tx) => {
    tx.insert(courseRevisions).values({ courseId: course.id, editorId: actor.id, title: course.title, summary: course.summary, communeId: course.communeId, createdAt: ctx.now.toISOString() }).run();
    tx.update(courses)
      .set({
        title: v.title,
        summary: v.summary,
        communeId: v.communeId,
        // A held or hidden course stays so until a moderator decides; an edit that screening holds is held.
        visibility: verdict.action === 'hold' ? 'held' : course.visibility,
        updatedAt: ctx.now.toISOString(),
      })
      .where(eq(courses.id, course.id))
      .run();
    if (verdict.action === 'hold') openHeldItem(tx, { contentType: 'course', contentId: course.id, communeId: v.communeId ?? actor.communeId, authorId: actor.id, reason: verdict.reason });
    recordAudit(tx, { actorId: actor.id, action: 'course.update', subjectType: 'course', subjectId: course.id, details: { communeId: v.communeId, screening: verdict.action === 'hold' ? verdict.reason : 'publish' } });
  });
  return ok({ courseId: course.id, held: verdict.action === 'hold' });
}

/** Number of lessons of a course a reader would see. */
export function publicLessonCount(ctx: LearnContext, course: Course): number {
  return ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM lessons WHERE course_id = ${course.id} AND state = 'published' AND visibility = 'visible'`)?.n ?? 0;
}

import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { courses, lessons, topicLessons } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { findTopic } from '@/lib/topics/load';
import { parse } from '@/lib/validation';
import { isPublicLearning, type LearnContext } from './load';
import { topicLessonsSchema } from './schemas';

/**
 * Those who edit a topic choose the lessons it points to (e.g. a budget topic → « Comprendre le budget
 * communal »), by slug: each reader then gets the lesson in their language. Replaces the whole list.
 */
export function setTopicLessons(ctx: LearnContext, input: unknown): Result<{ topicId: number; lessons: string[] }> {
  const parsed = parse(topicLessonsSchema, input);
  if (!parsed.ok) return parsed;
  const topic = findTopic(ctx.db, parsed.data.topicId);
  if (!topic) return notFound();
  if (!can(ctx.actor, 'topic.update', { communeId: topic.communeId })) return forbidden();
  const slugs = [...new Set(parsed.data.lessons)];
  if (slugs.length) {
    const known = new Set(ctx.db.select({ slug: lessons.slug }).from(lessons).where(inArray(lessons.slug, slugs)).all().map((l) => l.slug));
    if (slugs.some((s) => !known.has(s))) return invalid({ lessons: 'topicLessonUnknown' });
  }
  ctx.db.transaction((tx) => {
    tx.delete(topicLessons).where(eq(topicLessons.topicId, topic.id)).run();
    slugs.forEach((lessonSlug, i) => tx.insert(topicLessons).values({ topicId: topic.id, lessonSlug, position: i + 1 }).run());
    recordAudit(tx, { actorId: ctx.actor!.id, action: 'topic.linkLessons', subjectType: 'topic', subjectId: topic.id, details: { lessons: slugs } });
  });
  return ok({ topicId: topic.id, lessons: slugs });
}

export type LinkedLesson = { slug: string; title: string; courseSlug: string; courseTitle: string; path: string };

/**
 * The lessons a topic points to that anyone may read, each in the reader's language when it exists (else in
 * French, else in the language it was written in), in the order chosen. Paths are without locale prefix.
 */
export function lessonsForTopic(db: Db, topicId: number, locale: Locale): LinkedLesson[] {
  const links = db.select().from(topicLessons).where(eq(topicLessons.topicId, topicId)).orderBy(asc(topicLessons.position)).all();
  if (links.length === 0) return [];
  const rows = db
    .select({ lesson: lessons, course: courses })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(inArray(lessons.slug, links.map((l) => l.lessonSlug)))
    .all()
    .filter((r) => isPublicLearning(r.course, r.lesson));
  const out: LinkedLesson[] = [];
  for (const link of links) {
    const versions = rows.filter((r) => r.lesson.slug === link.lessonSlug);
    const pick = versions.find((r) => r.lesson.language === locale) ?? versions.find((r) => r.lesson.language === 'fr') ?? versions[0];
    if (!pick) continue;
    out.push({ slug: pick.lesson.slug, title: pick.lesson.title, courseSlug: pick.course.slug, courseTitle: pick.course.title, path: `/learn/${pick.course.slug}/${pick.lesson.slug}` });
  }
  return out;
}

/** The lesson slugs a topic points to, for its edit form. */
export function topicLessonSlugs(db: Db, topicId: number): string[] {
  return db.select({ slug: topicLessons.lessonSlug }).from(topicLessons).where(eq(topicLessons.topicId, topicId)).orderBy(asc(topicLessons.position)).all().map((l) => l.slug);
}

/** Lessons a topic may point to: every public lesson, once per slug (French title first), grouped by course. */
export function linkableLessons(db: Db, locale: Locale): { courseTitle: string; lessons: { slug: string; title: string }[] }[] {
  const rows = db
    .select({ lesson: lessons, course: courses })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .orderBy(asc(courses.id), asc(lessons.position))
    .all()
    .filter((r) => isPublicLearning(r.course, r.lesson));
  const bySlug = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = bySlug.get(r.lesson.slug);
    if (!seen || (r.lesson.language === locale && seen.lesson.language !== locale)) bySlug.set(r.lesson.slug, r);
  }
  const groups = new Map<string, { courseTitle: string; lessons: { slug: string; title: string }[] }>();
  for (const r of bySlug.values()) {
    const g = groups.get(r.course.slug) ?? { courseTitle: r.course.title, lessons: [] };
    g.lessons.push({ slug: r.lesson.slug, title: r.lesson.title });
    groups.set(r.course.slug, g);
  }
  return [...groups.values()];
}

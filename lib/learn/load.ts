import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { connectedSpaces, courses, lessons, users, type Course, type Lesson } from '@/db/schema';
import type { Actor, CourseScope } from '@/lib/permissions';
import type { Locale } from '@/lib/i18n/config';

/** What a use case of lib/learn is given: the database, the person acting, the time (a ViewContext fits). */
export type LearnContext = { db: Db; actor: Actor | null; now: Date };

export function findCourse(db: Db | Tx, id: number): Course | undefined {
  return db.select().from(courses).where(eq(courses.id, id)).get();
}

export function findLesson(db: Db | Tx, id: number): Lesson | undefined {
  return db.select().from(lessons).where(eq(lessons.id, id)).get();
}

/** The connected spaces of a commune: their facilitators write the commune's courses. */
export function spacesOfCommune(db: Db | Tx, communeId: number | null): number[] {
  if (communeId === null) return [];
  return db.select({ id: connectedSpaces.id }).from(connectedSpaces).where(eq(connectedSpaces.communeId, communeId)).all().map((s) => s.id);
}

export function courseScope(db: Db | Tx, course: Pick<Course, 'communeId'>): CourseScope {
  return { communeId: course.communeId, communeSpaceIds: spacesOfCommune(db, course.communeId) };
}

/** Anyone may read it: the course is published and visible, and so is the lesson (when one is named). */
export function isPublicLearning(course: Pick<Course, 'state' | 'visibility'>, lesson?: Pick<Lesson, 'state' | 'visibility'>): boolean {
  return course.state === 'published' && course.visibility === 'visible' && (!lesson || (lesson.state === 'published' && lesson.visibility === 'visible'));
}

/** The subject of 'learn.read' for a course (and one of its lessons). */
export function readSubject(db: Db | Tx, course: Course, lesson?: Lesson) {
  const published = course.state === 'published' && (!lesson || lesson.state === 'published');
  const visible = course.visibility === 'visible' && (!lesson || lesson.visibility === 'visible');
  return { ...courseScope(db, course), published, visible };
}

/**
 * The version of a course to show in a language: the one written in it, else the French one, else any.
 * (French is written first; an English reader still finds a course nobody has translated yet.)
 */
export function courseBySlug(db: Db, slug: string, locale: Locale): Course | undefined {
  const rows = db.select().from(courses).where(eq(courses.slug, slug)).all();
  return rows.find((c) => c.language === locale) ?? rows.find((c) => c.language === 'fr') ?? rows[0];
}

export function lessonsOf(db: Db | Tx, courseId: number): Lesson[] {
  return db.select().from(lessons).where(eq(lessons.courseId, courseId)).orderBy(asc(lessons.position), asc(lessons.id)).all();
}

/** The lessons a reader follows: published and visible, in order. */
export function publicLessonsOf(db: Db | Tx, courseId: number): Lesson[] {
  return lessonsOf(db, courseId).filter((l) => l.state === 'published' && l.visibility === 'visible');
}

/** Where a course's held or reported text is moderated: its commune, or for a region-wide course its author's. */
export function moderationCommuneOf(db: Db | Tx, course: Pick<Course, 'communeId' | 'authorId'>): number {
  if (course.communeId !== null) return course.communeId;
  return db.select({ communeId: users.communeId }).from(users).where(eq(users.id, course.authorId)).get()?.communeId ?? 0;
}

export function displayNameOf(db: Db | Tx, userId: number): string {
  return db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get()?.name ?? '';
}

export function coursesByIds(db: Db, ids: number[]): Course[] {
  return ids.length ? db.select().from(courses).where(inArray(courses.id, ids)).all() : [];
}

export function lessonBySlug(db: Db, courseId: number, slug: string): Lesson | undefined {
  return db.select().from(lessons).where(and(eq(lessons.courseId, courseId), eq(lessons.slug, slug))).get();
}

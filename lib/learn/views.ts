import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  certificates,
  communes,
  connectedSpaces,
  courseRevisions,
  courses,
  lessonImages,
  lessonProgress,
  lessonRevisions,
  lessons,
  media,
  trainingAttendance,
  trainingParticipants,
  trainingSessions,
  users,
  type Certificate,
  type Course,
  type Lesson,
  type MediaItem,
} from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { canReadMedia } from '@/lib/media/access';
import { can, type Actor } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';
import { courseBySlug, courseScope, isPublicLearning, lessonBySlug, lessonsOf, readSubject, spacesOfCommune } from './load';
import { passMark } from './quiz';

type Ctx = Pick<ViewContext, 'db' | 'now'> & { actor: Actor | null };

export type CourseCard = {
  slug: string;
  title: string;
  summary: string;
  language: string;
  communeName: string | null;
  lessonCount: number;
  /** lessons passed by the signed-in reader */
  done: number;
  certified: boolean;
};

function communeName(ctx: Ctx, communeId: number | null): string | null {
  if (communeId === null) return null;
  return ctx.db.select({ name: communes.name }).from(communes).where(eq(communes.id, communeId)).get()?.name ?? null;
}

function passedLessonIds(ctx: Ctx, lessonIds: number[]): Map<number, { bestScore: number; questionCount: number; passed: boolean; attempts: number }> {
  if (!ctx.actor || lessonIds.length === 0) return new Map();
  return new Map(
    ctx.db
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, ctx.actor.id), inArray(lessonProgress.lessonId, lessonIds)))
      .all()
      .map((p) => [p.lessonId, { bestScore: p.bestScore, questionCount: p.questionCount, passed: !!p.passedAt, attempts: p.attempts }]),
  );
}

function certificateOf(ctx: Ctx, courseId: number): Certificate | null {
  if (!ctx.actor) return null;
  return ctx.db.select().from(certificates).where(and(eq(certificates.userId, ctx.actor.id), eq(certificates.courseId, courseId))).get() ?? null;
}

/** One version per course slug for a reader of `locale`: theirs, else French, else the first written. */
function pickVersions(rows: Course[], locale: Locale): Course[] {
  const bySlug = new Map<string, Course>();
  for (const c of rows) {
    const seen = bySlug.get(c.slug);
    const rank = (x: Course) => (x.language === locale ? 0 : x.language === 'fr' ? 1 : 2);
    if (!seen || rank(c) < rank(seen)) bySlug.set(c.slug, c);
  }
  return [...bySlug.values()].sort((a, b) => a.id - b.id);
}

/** /learn: the published courses, in the reader's language where they exist, with the reader's progress. */
export function learnCatalogue(ctx: Ctx, locale: Locale): { courses: CourseCard[]; canAuthor: boolean } {
  const published = ctx.db.select().from(courses).where(and(eq(courses.state, 'published'), eq(courses.visibility, 'visible'))).all();
  const cards = pickVersions(published, locale).map((c) => {
    const ls = lessonsOf(ctx.db, c.id).filter((l) => isPublicLearning(c, l));
    const progress = passedLessonIds(ctx, ls.map((l) => l.id));
    return {
      slug: c.slug,
      title: c.title,
      summary: c.summary,
      language: c.language,
      communeName: communeName(ctx, c.communeId),
      lessonCount: ls.length,
      done: [...progress.values()].filter((p) => p.passed).length,
      certified: !!certificateOf(ctx, c.id),
    };
  });
  return { courses: cards.filter((c) => c.lessonCount > 0), canAuthor: can(ctx.actor, 'learn.author', undefined) };
}

export type LessonLine = { id: number; slug: string; title: string; state: string; visibility: string; progress: { bestScore: number; questionCount: number; passed: boolean } | null };

export type CourseView = {
  course: Course;
  communeName: string | null;
  lessons: LessonLine[];
  isPublic: boolean;
  canEdit: boolean;
  certificate: Certificate | null;
  done: number;
};

/** A course's page: its lessons (all of them for its authors, else the published ones) and the reader's progress. */
export function courseView(ctx: Ctx, slug: string, locale: Locale): CourseView | null {
  const course = courseBySlug(ctx.db, slug, locale);
  if (!course || !can(ctx.actor, 'learn.read', readSubject(ctx.db, course))) return null;
  const canEdit = can(ctx.actor, 'course.edit', courseScope(ctx.db, course));
  const all = lessonsOf(ctx.db, course.id);
  const shown = canEdit ? all : all.filter((l) => l.state === 'published' && l.visibility === 'visible');
  const progress = passedLessonIds(ctx, shown.map((l) => l.id));
  const lines = shown.map((l) => ({ id: l.id, slug: l.slug, title: l.title, state: l.state, visibility: l.visibility, progress: progress.get(l.id) ?? null }));
  return {
    course,
    communeName: communeName(ctx, course.communeId),
    lessons: lines,
    isPublic: isPublicLearning(course),
    canEdit,
    certificate: certificateOf(ctx, course.id),
    done: lines.filter((l) => l.progress?.passed && l.state === 'published').length,
  };
}

export type AudioView = { id: number; language: string | null; durationMs: number; src: string };
export type QuizChoiceView = { text: string; audio: AudioView | null };
export type QuizQuestionView = { question: string; choices: QuizChoiceView[] };

export type LessonView = {
  course: Course;
  lesson: Lesson;
  /** 1-based place among the lessons shown, and how many there are */
  index: number;
  total: number;
  prev: { slug: string; title: string } | null;
  next: { slug: string; title: string } | null;
  narrations: AudioView[];
  images: { id: number; alt: string; width: number; height: number; src: string }[];
  /** the questions and choices, without which one is correct */
  quiz: QuizQuestionView[];
  passMark: number;
  progress: { bestScore: number; questionCount: number; passed: boolean; attempts: number } | null;
  isPublic: boolean;
  canEdit: boolean;
  certificate: Certificate | null;
};

const audioView = (m: MediaItem): AudioView => ({ id: m.id, language: m.language, durationMs: m.durationMs, src: `/media/${m.id}.webm` });

/** A lesson's page, for this reader (null: no such lesson, or not theirs to read). */
export function lessonView(ctx: Ctx, courseSlug: string, lessonSlug: string, locale: Locale): LessonView | null {
  const course = courseBySlug(ctx.db, courseSlug, locale);
  if (!course) return null;
  const lesson = lessonBySlug(ctx.db, course.id, lessonSlug);
  if (!lesson || !can(ctx.actor, 'learn.read', readSubject(ctx.db, course, lesson))) return null;
  const canEdit = can(ctx.actor, 'course.edit', courseScope(ctx.db, course));
  const siblings = lessonsOf(ctx.db, course.id).filter((l) => l.id === lesson.id || canEdit || (l.state === 'published' && l.visibility === 'visible'));
  const i = siblings.findIndex((l) => l.id === lesson.id);
  const recordings = ctx.db
    .select()
    .from(media)
    .where(and(inArray(media.kind, ['lesson', 'quiz_choice']), eq(media.subjectId, lesson.id)))
    .orderBy(asc(media.id))
    .all()
    .filter((m) => canReadMedia(ctx.actor, m));
  const byId = new Map(recordings.map((m) => [m.id, m]));
  const images = ctx.db.select().from(lessonImages).where(eq(lessonImages.lessonId, lesson.id)).orderBy(asc(lessonImages.id)).all();
  const progress = passedLessonIds(ctx, [lesson.id]).get(lesson.id) ?? null;
  const near = (l: Lesson | undefined) => (l ? { slug: l.slug, title: l.title } : null);
  return {
    course,
    lesson,
    index: i + 1,
    total: siblings.length,
    prev: near(siblings[i - 1]),
    next: near(siblings[i + 1]),
    narrations: recordings.filter((m) => m.kind === 'lesson').sort((a, b) => (a.language === locale ? -1 : b.language === locale ? 1 : 0)).map(audioView),
    images: images.map((im) => ({ id: im.id, alt: im.alt, width: im.width, height: im.height, src: `/images/${im.id}.webp` })),
    quiz: lesson.quiz.map((q) => ({
      question: q.question,
      choices: q.choices.map((c) => {
        const m = c.audioId ? byId.get(c.audioId) : undefined;
        return { text: c.text, audio: m && m.kind === 'quiz_choice' ? audioView(m) : null };
      }),
    })),
    passMark: passMark(lesson.quiz.length),
    progress,
    isPublic: isPublicLearning(course, lesson),
    canEdit,
    certificate: certificateOf(ctx, course.id),
  };
}

export type ProgressView = {
  courses: { slug: string; title: string; lessons: { slug: string; title: string; bestScore: number | null; questionCount: number; passed: boolean }[]; done: number; total: number; certificate: Certificate | null }[];
};

/** /learn/progress: every course the signed-in person has started, lesson by lesson, and their certificates. */
export function progressView(ctx: Ctx): ProgressView {
  if (!ctx.actor) return { courses: [] };
  const started = ctx.db
    .select({ courseId: lessons.courseId })
    .from(lessonProgress)
    .innerJoin(lessons, eq(lessons.id, lessonProgress.lessonId))
    .where(eq(lessonProgress.userId, ctx.actor.id))
    .groupBy(lessons.courseId)
    .all()
    .map((r) => r.courseId);
  const certified = ctx.db.select({ courseId: certificates.courseId }).from(certificates).where(eq(certificates.userId, ctx.actor.id)).all().map((r) => r.courseId);
  const ids = [...new Set([...started, ...certified])];
  if (ids.length === 0) return { courses: [] };
  const rows = ctx.db.select().from(courses).where(inArray(courses.id, ids)).orderBy(asc(courses.id)).all();
  return {
    courses: rows
      .filter((c) => can(ctx.actor, 'learn.read', readSubject(ctx.db, c)))
      .map((c) => {
        const ls = lessonsOf(ctx.db, c.id).filter((l) => l.state === 'published' && l.visibility === 'visible');
        const progress = passedLessonIds(ctx, ls.map((l) => l.id));
        const items = ls.map((l) => {
          const p = progress.get(l.id);
          return { slug: l.slug, title: l.title, bestScore: p?.bestScore ?? null, questionCount: p?.questionCount ?? l.quiz.length, passed: !!p?.passed };
        });
        return { slug: c.slug, title: c.title, lessons: items, done: items.filter((x) => x.passed).length, total: items.length, certificate: certificateOf(ctx, c.id) };
      }),
  };
}

/** The signed-in person's certificate for a course (by slug, in any language they completed it in). */
export function myCertificate(ctx: Ctx, courseSlug: string): Certificate | null {
  if (!ctx.actor || !can(ctx.actor, 'certificate.view', { userId: ctx.actor.id })) return null;
  const ids = ctx.db.select({ id: courses.id }).from(courses).where(eq(courses.slug, courseSlug)).all().map((c) => c.id);
  if (ids.length === 0) return null;
  return ctx.db.select().from(certificates).where(and(eq(certificates.userId, ctx.actor.id), inArray(certificates.courseId, ids))).orderBy(asc(certificates.id)).get() ?? null;
}

// ------------------------------------------------------------------ authoring

export type AuthoringCourse = Course & { communeName: string | null; lessonCount: number; publishedLessons: number };

/** /learn/manage: the courses this person may write, drafts included, newest first. */
export function authoringCourses(ctx: Ctx): AuthoringCourse[] {
  if (!can(ctx.actor, 'learn.author', undefined)) return [];
  return ctx.db
    .select()
    .from(courses)
    .orderBy(desc(courses.id))
    .all()
    .filter((c) => can(ctx.actor, 'course.edit', courseScope(ctx.db, c)))
    .map((c) => {
      const ls = lessonsOf(ctx.db, c.id);
      return { ...c, communeName: communeName(ctx, c.communeId), lessonCount: ls.length, publishedLessons: ls.filter((l) => l.state === 'published').length };
    });
}

/** The communes a course of this person may belong to (null: the whole region, for everyone who writes). */
export function courseCommuneChoices(ctx: Ctx): { id: number; name: string }[] {
  return ctx.db
    .select({ id: communes.id, name: communes.name })
    .from(communes)
    .orderBy(asc(communes.name))
    .all()
    .filter((c) => can(ctx.actor, 'course.edit', { communeId: c.id, communeSpaceIds: spacesOfCommune(ctx.db, c.id) }));
}

export type RevisionLine = { id: number; editorName: string | null; title: string; createdAt: string };

export function courseEditView(ctx: Ctx, courseId: number) {
  const course = ctx.db.select().from(courses).where(eq(courses.id, courseId)).get();
  if (!course) return null;
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return 'forbidden' as const;
  const revisions = ctx.db
    .select({ id: courseRevisions.id, editorName: users.displayName, title: courseRevisions.title, createdAt: courseRevisions.createdAt })
    .from(courseRevisions)
    .leftJoin(users, eq(users.id, courseRevisions.editorId))
    .where(eq(courseRevisions.courseId, course.id))
    .orderBy(desc(courseRevisions.id))
    .limit(10)
    .all();
  return { course, communeName: communeName(ctx, course.communeId), lessons: lessonsOf(ctx.db, course.id), revisions: revisions as RevisionLine[], communes: courseCommuneChoices(ctx) };
}

export function lessonEditView(ctx: Ctx, lessonId: number) {
  const lesson = ctx.db.select().from(lessons).where(eq(lessons.id, lessonId)).get();
  if (!lesson) return null;
  const course = ctx.db.select().from(courses).where(eq(courses.id, lesson.courseId)).get()!;
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return 'forbidden' as const;
  const recordings = ctx.db.select().from(media).where(and(inArray(media.kind, ['lesson', 'quiz_choice']), eq(media.subjectId, lesson.id))).orderBy(asc(media.id)).all();
  const revisions = ctx.db
    .select({ id: lessonRevisions.id, editorName: users.displayName, title: lessonRevisions.title, createdAt: lessonRevisions.createdAt })
    .from(lessonRevisions)
    .leftJoin(users, eq(users.id, lessonRevisions.editorId))
    .where(eq(lessonRevisions.lessonId, lesson.id))
    .orderBy(desc(lessonRevisions.id))
    .limit(10)
    .all();
  return {
    course,
    lesson,
    narrations: recordings.filter((m) => m.kind === 'lesson').map(audioView),
    choiceAudio: new Map(recordings.filter((m) => m.kind === 'quiz_choice').map((m) => [m.id, audioView(m)])),
    images: ctx.db.select().from(lessonImages).where(eq(lessonImages.lessonId, lesson.id)).orderBy(asc(lessonImages.id)).all(),
    revisions: revisions as RevisionLine[],
    isPublic: isPublicLearning(course, lesson),
  };
}

// ------------------------------------------------------------------ training sessions

export type TrainingSessionLine = { id: number; heldOn: string; courseTitle: string; counted: number; named: number; recordedBy: string };

/** The spaces where this person records training sessions. */
export function trainingSpaces(ctx: Ctx) {
  return ctx.db
    .select({ id: connectedSpaces.id, slug: connectedSpaces.slug, name: connectedSpaces.name, communeId: connectedSpaces.communeId })
    .from(connectedSpaces)
    .orderBy(asc(connectedSpaces.name))
    .all()
    .filter((s) => can(ctx.actor, 'training.manage', { spaceId: s.id }));
}

/** A space's training page: its sessions, the courses to choose from, and its registered participants. */
export function trainingView(ctx: Ctx, spaceId: number, locale: Locale) {
  if (!can(ctx.actor, 'training.manage', { spaceId })) return null;
  const sessions = ctx.db
    .select({ id: trainingSessions.id, heldOn: trainingSessions.heldOn, courseTitle: courses.title, recordedBy: users.displayName })
    .from(trainingSessions)
    .innerJoin(courses, eq(courses.id, trainingSessions.courseId))
    .innerJoin(users, eq(users.id, trainingSessions.recordedBy))
    .where(eq(trainingSessions.spaceId, spaceId))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.id))
    .limit(50)
    .all()
    .map((s) => ({
      ...s,
      counted: ctx.db.get<{ n: number | null }>(sql`SELECT sum(count) AS n FROM ${trainingAttendance} WHERE session_id = ${s.id}`)?.n ?? 0,
      named: ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${trainingParticipants} WHERE session_id = ${s.id}`)?.n ?? 0,
    }));
  const allCourses = ctx.db.select().from(courses).all().filter((c) => can(ctx.actor, 'learn.read', readSubject(ctx.db, c)));
  const courseChoices = pickVersions(allCourses, locale).map((c) => ({ id: c.id, title: c.title }));
  const participants = ctx.db
    .select({ id: users.id, displayName: users.displayName, code: users.participantCode })
    .from(users)
    .where(eq(users.registeredAtSpaceId, spaceId))
    .orderBy(asc(users.displayName))
    .limit(300)
    .all();
  return { sessions: sessions as TrainingSessionLine[], courses: courseChoices, participants };
}

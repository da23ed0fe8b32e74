import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { comments, courses, lessons, projects, projectUpdates, topics, type ContentType, type Visibility } from '@/db/schema';
import { isPublicLearning, lessonsOf, moderationCommuneOf } from '@/lib/learn/load';
import { syncLessonMedia } from '@/lib/learn/media-state';
import { isPublicProject as projectIsPublic, isPublicTopic } from '@/lib/permissions';


/** What moderation needs to know about a piece of content, whatever its type. */
export type ModeratedContent = {
  type: ContentType;
  id: number;
  authorId: number;
  communeId: number;
  text: string;
  visibility: Visibility;
  /**
   * Anyone may read it: it is visible (not held, hidden or deleted) and so is what it belongs to (no
   * draft topic or project, none held or hidden). Only such content can be reported.
   */
  isPublic: boolean;
  /** people who may not moderate it (conflict of interest): e.g. the official who published the topic */
  conflictedUserIds: number[];
  /** officials of this commune may not moderate it (they must answer the project) */
  conflictedOfficialsOf: number | null;
  /** where it is shown, without locale prefix */
  path: string;
  /**
   * Written by the commune in its official capacity (a topic, an official answer, a progress update):
   * reports never hide it automatically, they put it at the top of the moderation queue (issue 12 §4).
   */
  official: boolean;
  /** the topic whose page shows it (null: a project's), refreshed in the anonymous cache when it changes */
  topicId: number | null;
};

export type Moderatable = {
  type: ContentType;
  load(db: Db | Tx, id: number): ModeratedContent | undefined;
  /** Changes what the public sees, and the counters that depend on it, inside the caller's transaction. */
  setVisibility(tx: Tx, id: number, to: Visibility): void;
};

const step = (from: Visibility, to: Visibility) => (from === to ? 0 : to === 'visible' ? 1 : from === 'visible' ? -1 : 0);

const commentType: Moderatable = {
  type: 'comment',
  load(db, id) {
    const row = db
      .select({
        id: comments.id,
        authorId: comments.authorId,
        body: comments.body,
        visibility: comments.visibility,
        deletedAt: comments.deletedAt,
        topicId: comments.topicId,
        projectId: comments.projectId,
        topicCommune: topics.communeId,
        topicAuthor: topics.authorId,
        topicPhase: topics.phase,
        topicVisibility: topics.visibility,
        isOfficialAnswer: comments.isOfficialAnswer,
        projectCommune: projects.communeId,
        projectStatus: projects.status,
        projectVisibility: projects.visibility,
      })
      .from(comments)
      .leftJoin(topics, eq(topics.id, comments.topicId))
      .leftJoin(projects, eq(projects.id, comments.projectId))
      .where(eq(comments.id, id))
      .get();
    if (!row) return undefined;
    const onProject = row.projectId !== null;
    return {
      type: 'comment',
      id: row.id,
      authorId: row.authorId,
      communeId: (onProject ? row.projectCommune : row.topicCommune) ?? 0,
      text: row.body,
      visibility: row.visibility,
      isPublic:
        row.visibility === 'visible' &&
        !row.deletedAt &&
        (onProject
          ? projectIsPublic({ status: row.projectStatus ?? 'draft', visibility: row.projectVisibility ?? 'hidden' })
          : isPublicTopic({ phase: row.topicPhase ?? 'draft', visibility: row.topicVisibility ?? 'hidden' })),
      conflictedUserIds: row.topicAuthor ? [row.topicAuthor] : [],
      conflictedOfficialsOf: onProject ? row.projectCommune : null,
      path: onProject ? `/projects/${row.projectId}#comment-${row.id}` : `/topics/${row.topicId}#comment-${row.id}`,
      official: row.isOfficialAnswer,
      topicId: row.topicId,
    };
  },
  setVisibility(tx, id, to) {
    const c = tx.select().from(comments).where(eq(comments.id, id)).get();
    if (!c) return;
    const d = c.deletedAt ? 0 : step(c.visibility, to);
    tx.update(comments).set({ visibility: to }).where(eq(comments.id, id)).run();
    if (d === 0) return;
    if (c.topicId) tx.update(topics).set({ commentCount: sql`max(0, ${topics.commentCount} + ${d})` }).where(eq(topics.id, c.topicId)).run();
    if (c.projectId) tx.update(projects).set({ commentCount: sql`max(0, ${projects.commentCount} + ${d})` }).where(eq(projects.id, c.projectId)).run();
    if (c.parentId) tx.update(comments).set({ replyCount: sql`max(0, ${comments.replyCount} + ${d})` }).where(eq(comments.id, c.parentId)).run();
  },
};

const topicType: Moderatable = {
  type: 'topic',
  load(db, id) {
    const t = db.select().from(topics).where(eq(topics.id, id)).get();
    if (!t) return undefined;
    return {
      type: 'topic',
      id: t.id,
      authorId: t.authorId,
      communeId: t.communeId,
      text: `${t.title}\n${t.summary}\n${t.body}`,
      visibility: t.visibility,
      isPublic: isPublicTopic(t),
      conflictedUserIds: [t.authorId],
      conflictedOfficialsOf: null,
      path: `/topics/${t.id}`,
      // Only a commune's officials (and admins) publish topics.
      official: true,
      topicId: t.id,
    };
  },
  setVisibility(tx, id, to) {
    tx.update(topics).set({ visibility: to }).where(eq(topics.id, id)).run();
  },
};

const projectType: Moderatable = {
  type: 'project',
  load(db, id) {
    const p = db.select().from(projects).where(eq(projects.id, id)).get();
    if (!p) return undefined;
    return {
      type: 'project',
      id: p.id,
      authorId: p.authorId,
      communeId: p.communeId,
      text: `${p.title}\n${p.problem}\n${p.solution}`,
      visibility: p.visibility,
      isPublic: projectIsPublic(p),
      conflictedUserIds: [],
      conflictedOfficialsOf: p.communeId,
      path: `/projects/${p.id}`,
      official: false,
      topicId: null,
    };
  },
  setVisibility(tx, id, to) {
    tx.update(projects).set({ visibility: to }).where(eq(projects.id, id)).run();
  },
};

const updateType: Moderatable = {
  type: 'update',
  load(db, id) {
    const u = db
      .select({
        id: projectUpdates.id,
        authorId: projectUpdates.authorId,
        body: projectUpdates.body,
        visibility: projectUpdates.visibility,
        projectId: projectUpdates.projectId,
        communeId: projects.communeId,
        projectStatus: projects.status,
        projectVisibility: projects.visibility,
      })
      .from(projectUpdates)
      .innerJoin(projects, eq(projects.id, projectUpdates.projectId))
      .where(eq(projectUpdates.id, id))
      .get();
    if (!u) return undefined;
    return {
      type: 'update',
      id: u.id,
      authorId: u.authorId,
      communeId: u.communeId,
      text: u.body,
      visibility: u.visibility,
      isPublic: u.visibility === 'visible' && projectIsPublic({ status: u.projectStatus, visibility: u.projectVisibility }),
      conflictedUserIds: [],
      // Written by the commune's officials about their own answer: they do not judge it.
      conflictedOfficialsOf: u.communeId,
      path: `/projects/${u.projectId}#update-${u.id}`,
      // Progress updates are posted by the commune's officials.
      official: true,
      topicId: null,
    };
  },
  setVisibility(tx, id, to) {
    tx.update(projectUpdates).set({ visibility: to }).where(eq(projectUpdates.id, id)).run();
  },
};

/** A course's title and summary (lib/learn): moderated in its commune, or for a region-wide course its author's. */
const courseType: Moderatable = {
  type: 'course',
  load(db, id) {
    const c = db.select().from(courses).where(eq(courses.id, id)).get();
    if (!c) return undefined;
    return {
      type: 'course',
      id: c.id,
      authorId: c.authorId,
      communeId: moderationCommuneOf(db, c),
      text: `${c.title}\n${c.summary}`,
      visibility: c.visibility,
      isPublic: isPublicLearning(c),
      conflictedUserIds: [c.authorId],
      conflictedOfficialsOf: null,
      topicId: null,
      path: `/learn/${c.slug}`,
      // Written by facilitators and admins, not by the commune in its official capacity.
      official: false,
    };
  },
  setVisibility(tx, id, to) {
    const c = tx.update(courses).set({ visibility: to }).where(eq(courses.id, id)).returning().get();
    // Its lessons' recordings are public only while the course is.
    if (c) for (const l of lessonsOf(tx, c.id)) syncLessonMedia(tx, c, l);
  },
};

/** A lesson's text and quiz (lib/learn). */
const lessonType: Moderatable = {
  type: 'lesson',
  load(db, id) {
    const row = db.select({ l: lessons, c: courses }).from(lessons).innerJoin(courses, eq(courses.id, lessons.courseId)).where(eq(lessons.id, id)).get();
    if (!row) return undefined;
    const { l, c } = row;
    return {
      type: 'lesson',
      id: l.id,
      authorId: l.authorId,
      communeId: moderationCommuneOf(db, c),
      text: `${l.title}\n${l.body}\n${l.quiz.map((q) => [q.question, ...q.choices.map((ch) => ch.text), q.explanation].join('\n')).join('\n')}`,
      visibility: l.visibility,
      isPublic: isPublicLearning(c, l),
      conflictedUserIds: [l.authorId],
      conflictedOfficialsOf: null,
      topicId: null,
      path: `/learn/${c.slug}/${l.slug}`,
      official: false,
    };
  },
  setVisibility(tx, id, to) {
    const l = tx.update(lessons).set({ visibility: to }).where(eq(lessons.id, id)).returning().get();
    if (!l) return;
    const c = tx.select().from(courses).where(eq(courses.id, l.courseId)).get()!;
    syncLessonMedia(tx, c, l);
  },
};

/** Every moderatable content type. A new type registers here; the pipeline is never copied. */
export const MODERATABLE: Partial<Record<ContentType, Moderatable>> = {
  comment: commentType,
  topic: topicType,
  project: projectType,
  update: updateType,
  course: courseType,
  lesson: lessonType,
};

export function moderatable(type: string): Moderatable | undefined {
  return (MODERATABLE as Record<string, Moderatable | undefined>)[type];
}

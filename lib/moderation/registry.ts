import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { comments, courses, lessons, media, meetings, projects, projectUpdates, topics, type ContentType, type MediaItem, type MediaKind, type MediaState, type Visibility } from '@/db/schema';
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
  /** issue 13: the recording it carries or is (a voice comment, a spoken summary…), for moderators to hear */
  recording?: { id: number; durationMs: number; transcript: string | null } | null;
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
      recording: recordingOf(db, 'comment', row.id),
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

/** The recording attached to a subject (a voice comment's), if any. */
function recordingOf(db: Db | Tx, kind: MediaKind, subjectId: number) {
  const m = db
    .select({ id: media.id, durationMs: media.durationMs, transcript: media.transcript })
    .from(media)
    .where(and(eq(media.kind, kind), eq(media.subjectId, subjectId), ne(media.state, 'pending')))
    .get();
  return m ?? null;
}

const RECORDING_STATE: Record<Visibility, MediaState> = { visible: 'published', held: 'held', hidden: 'rejected' };
const RECORDING_VISIBILITY: Record<MediaState, Visibility> = { published: 'visible', pending: 'held', held: 'held', rejected: 'hidden' };

/**
 * What a recording that is content on its own belongs to (a voice comment is moderated as its comment):
 * the topic of a spoken summary, the project of a voice description, the meeting of recorded minutes.
 */
function recordingSubject(db: Db | Tx, m: MediaItem): { isPublic: boolean; path: string; topicId: number | null; title: string } | null {
  if (m.subjectId === null) return null;
  if (m.kind === 'topic_summary' || m.kind === 'decision_summary') {
    const t = db.select().from(topics).where(eq(topics.id, m.subjectId)).get();
    return t ? { isPublic: isPublicTopic(t), path: `/topics/${t.id}`, topicId: t.id, title: t.title } : null;
  }
  if (m.kind === 'project_description') {
    const p = db.select().from(projects).where(eq(projects.id, m.subjectId)).get();
    return p ? { isPublic: projectIsPublic(p), path: `/projects/${p.id}`, topicId: null, title: p.title } : null;
  }
  if (m.kind === 'meeting_minutes') {
    const mt = db.select().from(meetings).where(eq(meetings.id, m.subjectId)).get();
    return mt ? { isPublic: mt.cancelledAt === null, path: `/meetings/${mt.id}`, topicId: mt.topicId, title: mt.title } : null;
  }
  return null;
}

/**
 * A recording that is content on its own (issue 13): a spoken summary, a project's voice description, a
 * meeting's recorded minutes. Reported, held and hidden like any content; it follows its subject otherwise
 * (the voice_triggers migration): public only while what it belongs to is.
 */
const recordingType: Moderatable = {
  type: 'recording',
  load(db, id) {
    const m = db.select().from(media).where(eq(media.id, id)).get();
    if (!m || !RECORDING_KINDS.includes(m.kind)) return undefined;
    const subject = recordingSubject(db, m);
    if (!subject) return undefined;
    const visibility = RECORDING_VISIBILITY[m.state];
    return {
      type: 'recording',
      id: m.id,
      authorId: m.ownerId,
      communeId: m.communeId,
      text: [subject.title, m.transcript ?? ''].filter(Boolean).join('\n'),
      visibility,
      isPublic: m.state === 'published' && subject.isPublic,
      conflictedUserIds: [m.ownerId],
      // A project's voice description is answered by the commune's officials: they do not judge it.
      conflictedOfficialsOf: m.kind === 'project_description' ? m.communeId : null,
      path: subject.path,
      // Spoken summaries and recorded minutes are published by those who run the commune and its spaces:
      // reports put them at the top of the queue rather than hide them (issue 12 §4); a project's voice is a citizen's.
      official: m.kind !== 'project_description',
      topicId: subject.topicId,
      recording: { id: m.id, durationMs: m.durationMs, transcript: m.transcript },
    };
  },
  setVisibility(tx, id, to) {
    const m = tx.select().from(media).where(eq(media.id, id)).get();
    if (!m || m.state === 'pending') return;
    // Approved or restored: public only if what it belongs to is.
    const state = to === 'visible' && !recordingSubject(tx, m)?.isPublic ? 'held' : RECORDING_STATE[to];
    tx.update(media).set({ state, updatedAt: new Date().toISOString() }).where(eq(media.id, id)).run();
  },
};

/** Recordings moderated on their own (a voice comment is moderated as its comment, a lesson's with the lesson). */
export const RECORDING_KINDS: readonly MediaKind[] = ['topic_summary', 'decision_summary', 'project_description', 'meeting_minutes'];

/** Every moderatable content type. A new type registers here; the pipeline is never copied. */
export const MODERATABLE: Partial<Record<ContentType, Moderatable>> = {
  comment: commentType,
  topic: topicType,
  project: projectType,
  update: updateType,
  course: courseType,
  lesson: lessonType,
  recording: recordingType,
};

export function moderatable(type: string): Moderatable | undefined {
  return (MODERATABLE as Record<string, Moderatable | undefined>)[type];
}

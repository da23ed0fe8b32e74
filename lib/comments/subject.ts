import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, projects, topics, type Comment } from '@/db/schema';
import { isPublicTopic, type DiscussionPhase } from '@/lib/permissions';
import { DISCUSSION_STATUSES, effectiveStatus } from '@/lib/projects/status';
import { sweepProjects } from '@/lib/projects/sweep';
import { closeIfExpired } from '@/lib/topics/close-expired';
import { effectivePhase, type Phase } from '@/lib/topics/phases';

/** What a comment belongs to: a topic or a citizen project (exactly one, enforced by the schema). */
export type CommentSubjectRef = { kind: 'topic' | 'project'; id: number };

/**
 * What the comment rules need to know about the subject, whatever it is: its commune, whether the
 * public can see it, and whether discussion is open. A topic is open in its "open" phase; a project
 * while it is submitted, collecting, awaiting or under review, accepted or in progress.
 */
export type CommentSubject = CommentSubjectRef & {
  communeId: number;
  isPublic: boolean;
  phase: DiscussionPhase;
  /**
   * Its close date has passed but the scheduler has not written the close yet (a topic still "open", a
   * collection past its end): a use case writing on it settles it first (settleCommentSubject).
   */
  awaitsClose: boolean;
};

type Reader = Pick<Db, 'select'>;

/** A topic as its discussion sees it: open for comments in its (effective) "open" phase. */
export function topicAsCommentSubject(
  t: { id: number; phase: Phase; closesAt: string; communeId: number; visibility: string },
  now = new Date(),
): CommentSubject {
  const phase = effectivePhase(t, now);
  return { kind: 'topic', id: t.id, communeId: t.communeId, isPublic: isPublicTopic(t), phase, awaitsClose: phase !== t.phase };
}

export function findCommentSubject(db: Reader, ref: CommentSubjectRef, now = new Date()): CommentSubject | undefined {
  if (ref.kind === 'topic') {
    const t = db
      .select({ phase: topics.phase, closesAt: topics.closesAt, communeId: topics.communeId, visibility: topics.visibility })
      .from(topics)
      .where(eq(topics.id, ref.id))
      .get();
    return t ? topicAsCommentSubject({ id: ref.id, ...t }, now) : undefined;
  }
  const p = db
    .select({ status: projects.status, collectionEndsAt: projects.collectionEndsAt, communeId: projects.communeId, visibility: projects.visibility })
    .from(projects)
    .where(eq(projects.id, ref.id))
    .get();
  if (!p) return undefined;
  const status = effectiveStatus(p, now);
  return {
    ...ref,
    communeId: p.communeId,
    isPublic: p.status !== 'draft' && p.visibility === 'visible',
    phase: DISCUSSION_STATUSES.includes(status) ? 'open' : 'closed',
    awaitsClose: status !== p.status,
  };
}

/**
 * Before a write on a discussion whose close is due but not yet written: write it first (the topic's
 * automatic close, the project's expired collection), as the scheduler would a moment later.
 */
export function settleCommentSubject(db: Db, subject: CommentSubject, now: Date): void {
  if (!subject.awaitsClose) return;
  if (subject.kind === 'topic') {
    db.transaction((tx) => closeIfExpired(tx, subject.id, now), { behavior: 'immediate' });
  } else {
    sweepProjects(db, now);
  }
}

export function subjectRefOf(c: Pick<Comment, 'topicId' | 'projectId'>): CommentSubjectRef {
  return c.topicId !== null ? { kind: 'topic', id: c.topicId } : { kind: 'project', id: c.projectId! };
}

/** The comment column that points at this kind of subject. */
export const subjectColumn = (kind: CommentSubjectRef['kind']) => (kind === 'topic' ? comments.topicId : comments.projectId);

/** Keeps the subject's public comment count in step (inside the caller's transaction). */
export function bumpCommentCount(tx: Pick<Db, 'update'>, ref: CommentSubjectRef, delta: 1 | -1): void {
  if (ref.kind === 'topic') {
    tx.update(topics).set({ commentCount: sql`max(0, ${topics.commentCount} + ${delta})` }).where(eq(topics.id, ref.id)).run();
  } else {
    tx.update(projects).set({ commentCount: sql`max(0, ${projects.commentCount} + ${delta})` }).where(eq(projects.id, ref.id)).run();
  }
}

/** A comment with what its rules need to know about its subject. */
export function findCommentWithSubject(db: Reader, commentId: number, now = new Date()) {
  const comment = db.select().from(comments).where(eq(comments.id, commentId)).get();
  if (!comment) return undefined;
  const subject = findCommentSubject(db, subjectRefOf(comment), now);
  return subject ? { comment, subject } : undefined;
}

/** The page that shows what a comment is on, without the language prefix ("/topics/3", "/projects/7"). */
export function subjectPath(ref: CommentSubjectRef): string {
  return `/${ref.kind === 'topic' ? 'topics' : 'projects'}/${ref.id}`;
}

import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, projects, topics, type Comment } from '@/db/schema';
import { isPublicTopic, type DiscussionPhase } from '@/lib/permissions';
import { DISCUSSION_STATUSES, effectiveStatus } from '@/lib/projects/status';
import { effectivePhase } from '@/lib/topics/phases';

/** What a comment belongs to: a topic or a citizen project (exactly one, enforced by the schema). */
export type CommentSubjectRef = { kind: 'topic' | 'project'; id: number };

/**
 * What the comment rules need to know about the subject, whatever it is: its commune, whether the
 * public can see it, and whether discussion is open. A topic is open in its "open" phase; a project
 * while it is submitted, collecting, awaiting or under review, accepted or in progress.
 */
export type CommentSubject = CommentSubjectRef & { communeId: number; isPublic: boolean; phase: DiscussionPhase };

type Reader = Pick<Db, 'select'>;

export function findCommentSubject(db: Reader, ref: CommentSubjectRef, now = new Date()): CommentSubject | undefined {
  if (ref.kind === 'topic') {
    const t = db
      .select({ phase: topics.phase, closesAt: topics.closesAt, communeId: topics.communeId, visibility: topics.visibility })
      .from(topics)
      .where(eq(topics.id, ref.id))
      .get();
    if (!t) return undefined;
    return { ...ref, communeId: t.communeId, isPublic: isPublicTopic(t), phase: effectivePhase(t, now) };
  }
  const p = db
    .select({ status: projects.status, collectionEndsAt: projects.collectionEndsAt, communeId: projects.communeId, visibility: projects.visibility })
    .from(projects)
    .where(eq(projects.id, ref.id))
    .get();
  if (!p) return undefined;
  return {
    ...ref,
    communeId: p.communeId,
    isPublic: p.status !== 'draft' && p.visibility === 'visible',
    phase: DISCUSSION_STATUSES.includes(effectiveStatus(p, now)) ? 'open' : 'closed',
  };
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

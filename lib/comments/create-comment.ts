import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { overCap } from '@/lib/rate-limit';
import { comments } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { openHeldItem, screenSubmission } from '@/lib/moderation/pipeline';
import { notify } from '@/lib/notifications/deliver';
import { can, isOfficialOf, isTrusted, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { createCommentSchema } from './schemas';
import { bumpCommentCount, findCommentSubject, settleCommentSubject, subjectRefOf, type CommentSubjectRef } from './subject';

/** What changed: the comment, and what it is on (the page to show, the cached page to refresh). */
export type CreatedComment = { commentId: number; held: boolean; subject: CommentSubjectRef };

const sameSubject = (a: CommentSubjectRef, b: CommentSubjectRef) => a.kind === b.kind && a.id === b.id;

/**
 * A comment (or a reply to a top-level comment) on a topic or a citizen project, while its discussion
 * is open. A reply by an official of the subject's commune is marked as the official answer.
 */
export function createComment(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<CreatedComment> {
  const parsed = parse(createCommentSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const ref: CommentSubjectRef = v.topicId ? { kind: 'topic', id: v.topicId } : { kind: 'project', id: v.projectId! };
  const subject = findCommentSubject(db, ref, now);
  if (!subject || !subject.isPublic) return notFound();
  settleCommentSubject(db, subject, now);
  if (!can(actor, 'comment.create', { phase: subject.phase })) return forbidden();

  const parentColumns = { id: comments.id, authorId: comments.authorId, parentId: comments.parentId, topicId: comments.topicId, projectId: comments.projectId };
  let parent: { id: number; authorId: number; parentId: number | null; topicId: number | null; projectId: number | null } | undefined;
  if (v.parentId) {
    parent = db.select(parentColumns).from(comments).where(eq(comments.id, v.parentId)).get();
    // One level of replies: replying to a reply answers its top-level comment.
    if (!parent || !sameSubject(subjectRefOf(parent), ref)) return invalid({ parentId: 'notFound' });
    if (parent.parentId) {
      parent = db.select(parentColumns).from(comments).where(eq(comments.id, parent.parentId)).get();
      if (!parent) return invalid({ parentId: 'notFound' });
    }
  }

  const verdict = screenSubmission(db, { kind: 'comment', communeId: subject.communeId, authorId: actor!.id, text: v.body, trusted: isTrusted(actor), now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };
  const visibility = verdict.action === 'hold' ? 'held' : 'visible';
  const capped = overCap(db, parent ? 'replyPerAccount' : 'commentPerAccount', actor!.id, now);
  if (capped) return capped;

  const commentId = db.transaction((tx) => {
    const row = tx
      .insert(comments)
      .values({
        topicId: ref.kind === 'topic' ? ref.id : null,
        projectId: ref.kind === 'project' ? ref.id : null,
        authorId: actor!.id,
        parentId: parent?.id ?? null,
        stance: v.stance,
        body: v.body,
        isOfficialAnswer: !!parent && isOfficialOf(actor, subject.communeId),
        visibility,
        createdAt: now.toISOString(),
      })
      .returning({ id: comments.id })
      .get();
    if (verdict.action === 'hold') {
      openHeldItem(tx, { contentType: 'comment', contentId: row.id, communeId: subject.communeId, authorId: actor!.id, reason: verdict.reason });
    }
    if (visibility === 'visible') {
      bumpCommentCount(tx, ref, 1);
      if (parent) tx.update(comments).set({ replyCount: sql`${comments.replyCount} + 1` }).where(eq(comments.id, parent.id)).run();
    }
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'comment.create',
      subjectType: 'comment',
      subjectId: row.id,
      details: {
        [ref.kind === 'topic' ? 'topicId' : 'projectId']: ref.id,
        parentId: parent?.id ?? null,
        screening: verdict.action === 'hold' ? verdict.reason : 'publish',
      },
    });
    return row.id;
  });

  if (parent && visibility === 'visible') {
    notify(db, {
      kind: 'comment.reply',
      recipientIds: [parent.authorId],
      actorId: actor!.id,
      topicId: ref.kind === 'topic' ? ref.id : null,
      projectId: ref.kind === 'project' ? ref.id : null,
      commentId,
    });
  }
  return ok({ commentId, held: visibility === 'held', subject: ref });
}

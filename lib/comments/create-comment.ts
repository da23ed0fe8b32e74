import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, topics } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { screen } from '@/lib/moderation/screen';
import { notify } from '@/lib/notifications/deliver';
import { can, isOfficialOf, type Actor } from '@/lib/permissions';
import { findTopic, isTrusted } from '@/lib/topics/load';
import { effectivePhase } from '@/lib/topics/phases';
import { parse } from '@/lib/validation';
import { createCommentSchema } from './schemas';

export type CreatedComment = { commentId: number; held: boolean };

/**
 * A comment (or a reply to a top-level comment) while the consultation is open. A reply by an
 * official of the topic's commune is marked as the official answer.
 */
export function createComment(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<CreatedComment> {
  const parsed = parse(createCommentSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const topic = findTopic(db, v.topicId);
  if (!topic || topic.phase === 'draft' || topic.visibility !== 'visible') return notFound();
  if (!can(actor, 'comment.create', { phase: effectivePhase(topic, now) })) return forbidden();

  let parent: { id: number; authorId: number; parentId: number | null; topicId: number } | undefined;
  if (v.parentId) {
    parent = db
      .select({ id: comments.id, authorId: comments.authorId, parentId: comments.parentId, topicId: comments.topicId })
      .from(comments)
      .where(eq(comments.id, v.parentId))
      .get();
    // One level of replies: replying to a reply answers its top-level comment.
    if (!parent || parent.topicId !== topic.id) return invalid({ parentId: 'notFound' });
    if (parent.parentId) {
      parent = db
        .select({ id: comments.id, authorId: comments.authorId, parentId: comments.parentId, topicId: comments.topicId })
        .from(comments)
        .where(eq(comments.id, parent.parentId))
        .get();
      if (!parent) return invalid({ parentId: 'notFound' });
    }
  }

  const verdict = screen(db, { kind: 'comment', authorId: actor!.id, text: v.body, trusted: isTrusted(actor), now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };
  const visibility = verdict.action === 'hold' ? 'held' : 'visible';

  const commentId = db.transaction((tx) => {
    const row = tx
      .insert(comments)
      .values({
        topicId: topic.id,
        authorId: actor!.id,
        parentId: parent?.id ?? null,
        stance: v.stance,
        body: v.body,
        isOfficialAnswer: !!parent && isOfficialOf(actor, topic.communeId),
        visibility,
        createdAt: now.toISOString(),
      })
      .returning({ id: comments.id })
      .get();
    if (visibility === 'visible') {
      tx.update(topics).set({ commentCount: sql`${topics.commentCount} + 1` }).where(eq(topics.id, topic.id)).run();
      if (parent) tx.update(comments).set({ replyCount: sql`${comments.replyCount} + 1` }).where(eq(comments.id, parent.id)).run();
    }
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'comment.create',
      subjectType: 'comment',
      subjectId: row.id,
      details: { topicId: topic.id, parentId: parent?.id ?? null, screening: verdict.action === 'hold' ? verdict.reason : 'publish' },
    });
    return row.id;
  });

  if (parent && visibility === 'visible') {
    notify(db, { kind: 'comment.reply', recipientIds: [parent.authorId], actorId: actor!.id, topicId: topic.id, commentId });
  }
  return ok({ commentId, held: visibility === 'held' });
}

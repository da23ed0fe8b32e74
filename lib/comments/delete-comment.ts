import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, topics } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findCommentWithTopic } from './load';
import { commentIdSchema } from './schemas';

/** The author withdraws their comment: it shows "deleted by its author", and the text stays stored. */
export function deleteComment(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ commentId: number }> {
  const parsed = parse(commentIdSchema, input);
  if (!parsed.ok) return parsed;
  const found = findCommentWithTopic(db, parsed.data.commentId);
  if (!found) return notFound();
  const { comment } = found;
  if (!can(actor, 'comment.delete', { authorId: comment.authorId, deleted: !!comment.deletedAt })) return forbidden();
  db.transaction((tx) => {
    tx.update(comments).set({ deletedAt: now.toISOString() }).where(eq(comments.id, comment.id)).run();
    if (comment.visibility === 'visible') {
      tx.update(topics).set({ commentCount: sql`max(0, ${topics.commentCount} - 1)` }).where(eq(topics.id, comment.topicId)).run();
    }
    recordAudit(tx, { actorId: actor!.id, action: 'comment.delete', subjectType: 'comment', subjectId: comment.id });
  });
  return ok({ commentId: comment.id });
}

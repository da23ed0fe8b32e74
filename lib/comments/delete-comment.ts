import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { commentIdSchema } from './schemas';
import { bumpCommentCount, findCommentWithSubject, settleCommentSubject, subjectRefOf, type CommentSubjectRef } from './subject';

/** The author withdraws their comment: it shows "deleted by its author", and the text stays stored. */
export function deleteComment(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ commentId: number; subject: CommentSubjectRef }> {
  const parsed = parse(commentIdSchema, input);
  if (!parsed.ok) return parsed;
  const found = findCommentWithSubject(db, parsed.data.commentId, now);
  if (!found) return notFound();
  const { comment } = found;
  settleCommentSubject(db, found.subject, now);
  const subject = subjectRefOf(comment);
  if (!can(actor, 'comment.delete', { authorId: comment.authorId, deleted: !!comment.deletedAt })) return forbidden();
  db.transaction((tx) => {
    tx.update(comments).set({ deletedAt: now.toISOString() }).where(eq(comments.id, comment.id)).run();
    if (comment.visibility === 'visible') {
      bumpCommentCount(tx, subject, -1);
    }
    recordAudit(tx, { actorId: actor!.id, action: 'comment.delete', subjectType: 'comment', subjectId: comment.id });
  });
  return ok({ commentId: comment.id, subject });
}

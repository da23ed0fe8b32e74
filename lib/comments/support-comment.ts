import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { overCap } from '@/lib/rate-limit';
import { commentSupports } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { supportCommentSchema } from './schemas';
import { findCommentWithSubject, settleCommentSubject, type CommentSubjectRef } from './subject';

/** A reader supports a comment, once each, or takes the support back. Repeating a click changes nothing. */
export function supportComment(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ supported: boolean; commentId: number; subject: CommentSubjectRef }> {
  const parsed = parse(supportCommentSchema, input);
  if (!parsed.ok) return parsed;
  const found = findCommentWithSubject(db, parsed.data.commentId, now);
  if (!found || found.comment.visibility !== 'visible' || found.comment.deletedAt || !found.subject.isPublic) return notFound();
  const { comment, subject } = found;
  settleCommentSubject(db, subject, now);
  if (!can(actor, 'comment.support', { authorId: comment.authorId, phase: subject.phase })) return forbidden();

  const add = parsed.data.intent === 'add';
  const capped = db.transaction((tx) => {
    // The hourly cap counts supports actually given, inside the write lock (concurrent clicks count once).
    if (add) {
      const already = tx.select({ u: commentSupports.userId }).from(commentSupports).where(and(eq(commentSupports.commentId, comment.id), eq(commentSupports.userId, actor!.id))).get();
      const over = already ? null : overCap(db, 'commentSupportPerAccount', actor!.id, now);
      if (over) return over;
    }
    const changes = add
      ? tx.insert(commentSupports).values({ commentId: comment.id, userId: actor!.id }).onConflictDoNothing().run().changes
      : tx
          .delete(commentSupports)
          .where(and(eq(commentSupports.commentId, comment.id), eq(commentSupports.userId, actor!.id)))
          .run().changes;
    // comments.support_count follows by triggers (migration verified_counts), counting verified supporters only.
    if (!changes) return null;
    recordAudit(tx, { actorId: actor!.id, action: add ? 'comment.support' : 'comment.unsupport', subjectType: 'comment', subjectId: comment.id });
    return null;
  }, { behavior: 'immediate' });
  if (capped) return capped;
  return ok({ supported: add, commentId: comment.id, subject: { kind: subject.kind, id: subject.id } });
}

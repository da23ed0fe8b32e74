import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commentRevisions, comments } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { screen } from '@/lib/moderation/screen';
import { can, type Actor } from '@/lib/permissions';
import { isTrusted } from '@/lib/topics/load';
import { effectivePhase } from '@/lib/topics/phases';
import { parse } from '@/lib/validation';
import { findCommentWithTopic } from './load';
import { editCommentSchema } from './schemas';

/** The author fixes their comment within 15 minutes; the earlier version is kept. */
export function editComment(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ commentId: number; held: boolean }> {
  const parsed = parse(editCommentSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const found = findCommentWithTopic(db, v.commentId);
  if (!found) return notFound();
  const { comment, topic } = found;
  const allowed = can(actor, 'comment.edit', {
    authorId: comment.authorId,
    createdAt: comment.createdAt,
    deleted: !!comment.deletedAt,
    phase: effectivePhase(topic, now),
    now,
  });
  if (!allowed) {
    if (actor?.id === comment.authorId && !comment.deletedAt) return { ok: false, error: 'rejected', reason: 'editWindowOver' };
    return forbidden();
  }
  if (v.body === comment.body && v.stance === comment.stance) return ok({ commentId: comment.id, held: comment.visibility === 'held' });

  const verdict = screen(db, { kind: 'comment', authorId: actor!.id, text: v.body, trusted: isTrusted(actor), checkHistory: false, now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };
  // An edit never un-hides: held stays held; a visible comment whose new text must be reviewed is held.
  const visibility = comment.visibility === 'visible' && verdict.action === 'hold' ? 'held' : comment.visibility;

  db.transaction((tx) => {
    tx.insert(commentRevisions).values({ commentId: comment.id, stance: comment.stance, body: comment.body }).run();
    tx.update(comments)
      .set({ body: v.body, stance: v.stance, editedAt: now.toISOString(), visibility })
      .where(eq(comments.id, comment.id))
      .run();
    recordAudit(tx, { actorId: actor!.id, action: 'comment.edit', subjectType: 'comment', subjectId: comment.id });
  });
  return ok({ commentId: comment.id, held: visibility === 'held' });
}

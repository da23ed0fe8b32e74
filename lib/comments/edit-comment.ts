import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commentRevisions, comments } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { openHeldItem, screenSubmission } from '@/lib/moderation/pipeline';
import { MODERATABLE } from '@/lib/moderation/registry';
import { can, isTrusted, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { commentTextRule, editCommentSchema } from './schemas';
import { mediaOf } from '@/lib/media/attach-media';
import { findCommentWithSubject, settleCommentSubject, type CommentSubjectRef } from './subject';

/** The author fixes their comment within 15 minutes; the earlier version is kept. */
export function editComment(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ commentId: number; held: boolean; subject: CommentSubjectRef }> {
  const parsed = parse(editCommentSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const found = findCommentWithSubject(db, v.commentId, now);
  if (!found) return notFound();
  const { comment, subject } = found;
  settleCommentSubject(db, subject, now);
  const allowed = can(actor, 'comment.edit', {
    authorId: comment.authorId,
    createdAt: comment.createdAt,
    deleted: !!comment.deletedAt,
    hidden: comment.visibility === 'hidden',
    phase: subject.phase,
    now,
  });
  if (!allowed) {
    // The author of a comment still shown, able to take part: what stops them is the 15 minutes (or the close).
    if (actor?.id === comment.authorId && actor.verified && !actor.suspended && !comment.deletedAt && comment.visibility !== 'hidden') {
      return { ok: false, error: 'rejected', reason: 'editWindowOver' };
    }
    return forbidden();
  }
  const ref: CommentSubjectRef = { kind: subject.kind, id: subject.id };
  // Only a voice comment may be left without words.
  const textError = commentTextRule(v.body, mediaOf(db, 'comment', comment.id).length > 0);
  if (textError) return invalid({ body: textError });
  if (v.body === comment.body && v.stance === comment.stance) return ok({ commentId: comment.id, held: comment.visibility === 'held', subject: ref });

  const verdict = screenSubmission(db, { kind: 'comment', communeId: subject.communeId, authorId: actor!.id, text: v.body, trusted: isTrusted(actor), checkHistory: false, now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };
  // An edit never un-hides: held stays held; a visible comment whose new text must be reviewed is held.
  const visibility = comment.visibility === 'visible' && verdict.action === 'hold' ? 'held' : comment.visibility;

  db.transaction((tx) => {
    tx.insert(commentRevisions).values({ commentId: comment.id, stance: comment.stance, body: comment.body }).run();
    tx.update(comments)
      .set({ body: v.body, stance: v.stance, editedAt: now.toISOString() })
      .where(eq(comments.id, comment.id))
      .run();
    if (visibility !== comment.visibility && verdict.action === 'hold') {
      // Through the registry, so the counters follow the comment out of public view.
      MODERATABLE.comment!.setVisibility(tx, comment.id, visibility);
      openHeldItem(tx, { contentType: 'comment', contentId: comment.id, communeId: subject.communeId, authorId: actor!.id, reason: verdict.reason });
    }
    recordAudit(tx, { actorId: actor!.id, action: 'comment.edit', subjectType: 'comment', subjectId: comment.id });
  });
  return ok({ commentId: comment.id, held: visibility === 'held', subject: ref });
}

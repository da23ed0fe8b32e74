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
import { attachMedia, discardMedia, loadPendingMedia } from '@/lib/media/attach-media';
import { ingestAudio } from '@/lib/media/ingest-audio';
import type { MediaPipeline } from '@/lib/media/pipeline';
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

  // A recording: the author's own, pending, of kind 'comment' (uploaded just before, lib/media).
  const recording = v.mediaId ? loadPendingMedia(db, actor, v.mediaId, 'comment') : null;
  if (recording && !recording.ok) return recording;

  const verdict = screenSubmission(db, { kind: 'comment', communeId: subject.communeId, authorId: actor!.id, text: v.body, trusted: isTrusted(actor), now, voice: !!recording });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };
  const visibility = verdict.action === 'hold' ? 'held' : 'visible';
  const written = db.transaction((tx) => {
    // The cap counts inside the comment's transaction: one commit (one wait for the disk) per comment, not two.
    const capped = overCap(db, parent ? 'replyPerAccount' : 'commentPerAccount', actor!.id, now);
    if (capped) return capped;
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
    // Checked pending just above, in the same synchronous run: nothing can have taken it since.
    if (recording && !attachMedia(tx, recording.value.id, { subjectId: row.id, communeId: subject.communeId, state: visibility === 'visible' ? 'published' : 'held' })) {
      throw new Error('recording no longer pending');
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
        mediaId: recording?.value.id ?? null,
        screening: verdict.action === 'hold' ? verdict.reason : 'publish',
      },
    });
    return row.id;
  }, { behavior: 'immediate' });
  if (typeof written !== 'number') return written;
  const commentId = written;

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

/** A recording sent with the form: a non-empty file (an empty file input sends a nameless, empty File). */
export function sentRecording(file: unknown): Blob | null {
  return file instanceof Blob && file.size > 0 ? file : null;
}

/**
 * A comment as the form sends it: text, and perhaps a recording (a File: recorded in the browser, or the
 * phone's own recorder without JavaScript). The comment's rules are checked before any audio work; the
 * recording then goes through the media pipeline (judged by its content, transcoded, stored) and the comment
 * is written with it. If the comment is then refused, the recording is thrown away: nothing is left behind.
 */
export async function postComment(
  db: Db,
  actor: Actor | null,
  input: Record<string, unknown>,
  file: unknown,
  options: { mediaDir: string; pipeline?: MediaPipeline; now?: Date },
): Promise<Result<CreatedComment>> {
  const audio = sentRecording(file);
  if (!audio) return createComment(db, actor, input, options.now);
  // Everything but the recording first, as if it were there (so the text may be empty).
  const pre = parse(createCommentSchema, { ...input, mediaId: '1' });
  if (!pre.ok) return pre;
  const ref: CommentSubjectRef = pre.data.topicId ? { kind: 'topic', id: pre.data.topicId } : { kind: 'project', id: pre.data.projectId! };
  const subject = findCommentSubject(db, ref, options.now);
  if (!subject || !subject.isPublic) return notFound();
  if (!can(actor, 'comment.create', { phase: subject.phase })) return forbidden();
  const uploaded = await ingestAudio(db, actor, { file: audio, kind: 'comment', communeId: subject.communeId }, options.pipeline);
  if (!uploaded.ok) return uploaded;
  const created = createComment(db, actor, { ...input, mediaId: String(uploaded.value.id) }, options.now);
  if (!created.ok) discardMedia(db, actor, uploaded.value.id, options.mediaDir);
  return created;
}

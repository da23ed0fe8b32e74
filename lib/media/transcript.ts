import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { media } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { moderationSubject } from '@/lib/moderation/moderate-content';
import { moderatable, RECORDING_KINDS, type ModeratedContent } from '@/lib/moderation/registry';
import { can } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';

export const TRANSCRIPT_MAX = 4000;

export const setTranscriptSchema = z.strictObject({
  mediaId: idParam,
  /** empty: the transcript is removed */
  transcript: z.string('required').trim().max(TRANSCRIPT_MAX, 'tooLong'),
});

/** The content a recording is moderated as: its comment (a voice comment), or the recording itself. */
export function moderatedContentOfRecording(db: ViewContext['db'], mediaId: number): ModeratedContent | undefined {
  const m = db.select({ kind: media.kind, subjectId: media.subjectId, state: media.state }).from(media).where(eq(media.id, mediaId)).get();
  if (!m || m.state === 'pending' || m.subjectId === null) return undefined;
  if (m.kind === 'comment') return moderatable('comment')!.load(db, m.subjectId);
  if (RECORDING_KINDS.includes(m.kind)) return moderatable('recording')!.load(db, mediaId);
  return undefined;
}

/**
 * A moderator who listened writes what the recording says (issue 13 §4): shown under the player and, for
 * a voice comment, searchable with its text (the voice_triggers migration). Never the recording's author: a
 * transcript is a moderator's account of it. The result names the topic whose cached page shows it.
 */
export function setTranscript(ctx: ViewContext, input: unknown): Result<{ mediaId: number; topicId: number | null; path: string }> {
  const parsed = parse(setTranscriptSchema, input);
  if (!parsed.ok) return parsed;
  const { mediaId, transcript } = parsed.data;
  const content = moderatedContentOfRecording(ctx.db, mediaId);
  if (!content) return notFound();
  if (!can(ctx.actor, 'media.transcribe', moderationSubject(content))) return forbidden();
  ctx.db.transaction((tx) => {
    tx.update(media)
      .set({ transcript: transcript === '' ? null : transcript, updatedAt: ctx.now.toISOString() })
      .where(eq(media.id, mediaId))
      .run();
    recordAudit(tx, {
      actorId: ctx.actor!.id,
      action: 'media.transcript',
      subjectType: 'media',
      subjectId: mediaId,
      details: { contentType: content.type, contentId: content.id, length: transcript.length },
    });
  });
  return ok({ mediaId, topicId: content.topicId, path: content.path });
}

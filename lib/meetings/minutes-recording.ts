import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { media } from '@/db/schema';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import type { MediaPipeline } from '@/lib/media/pipeline';
import { recordForSubject } from '@/lib/media/subject-recording';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';
import { findMeeting, meetingSubject, meetingTiming } from './load';

const meetingIdSchema = z.strictObject({ meetingId: idParam });

/**
 * A recording of the meeting's minutes (issue 13 §5), for those who cannot read them: by whoever may publish
 * the minutes (the space's facilitators, the commune's officials, admins), once the meeting has started.
 * One per meeting: a new one replaces the old. Public, like the minutes.
 */
export async function recordMinutes(
  ctx: { db: Db; actor: Actor | null; now: Date },
  input: Record<string, unknown>,
  options: { mediaDir: string; pipeline?: MediaPipeline },
): Promise<Result<{ meetingId: number; mediaId: number; topicId: number | null }>> {
  const parsed = parse(meetingIdSchema, { meetingId: input.meetingId });
  if (!parsed.ok) return parsed;
  const meeting = findMeeting(ctx.db, parsed.data.meetingId);
  if (!meeting) return notFound();
  if (!can(ctx.actor, 'meeting.publishMinutes', { ...meetingSubject(meeting), ...meetingTiming(meeting, ctx.now) })) return forbidden();
  const r = await recordForSubject(
    ctx.db,
    ctx.actor!,
    input.file,
    { kind: 'meeting_minutes', subjectId: meeting.id, communeId: meeting.communeId, language: null, state: 'published', audit: { action: 'meeting.minutesRecording', subjectType: 'meeting' } },
    { mediaDir: options.mediaDir, pipeline: options.pipeline, now: ctx.now },
  );
  return r.ok ? ok({ meetingId: meeting.id, mediaId: r.value.mediaId, topicId: meeting.topicId }) : r;
}

/** The published recording of a meeting's minutes, if any. */
export function minutesRecordingOf(db: Pick<Db, 'select'>, meetingId: number) {
  return (
    db
      .select({ id: media.id, durationMs: media.durationMs, transcript: media.transcript })
      .from(media)
      .where(and(eq(media.kind, 'meeting_minutes'), eq(media.subjectId, meetingId), eq(media.state, 'published')))
      .get() ?? null
  );
}

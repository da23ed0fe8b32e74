import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { meetings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findMeeting, meetingSubject, meetingTiming } from './load';
import { notifyRegistered } from './notify-registered';
import { cancelMeetingSchema } from './schemas';

/**
 * Cancelling keeps the meeting (shown as cancelled); registration closes. Before it starts only.
 * The people registered are told, once (a second cancel, even a simultaneous one, changes nothing).
 */
export function cancelMeeting(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ meetingId: number; topicId: number | null; projectId: number | null }> {
  const parsed = parse(cancelMeetingSchema, input);
  if (!parsed.ok) return parsed;
  const meeting = findMeeting(db, parsed.data.meetingId);
  if (!meeting) return notFound();
  if (!can(actor, 'meeting.edit', { ...meetingSubject(meeting), ...meetingTiming(meeting, now) })) return forbidden();
  const cancelled = db.transaction((tx) => {
    const changed = tx
      .update(meetings)
      .set({ cancelledAt: now.toISOString(), updatedAt: now.toISOString() })
      .where(and(eq(meetings.id, meeting.id), isNull(meetings.cancelledAt)))
      .run().changes;
    if (changed === 0) return false;
    recordAudit(tx, { actorId: actor!.id, action: 'meeting.cancel', subjectType: 'meeting', subjectId: meeting.id, details: { registrations: meeting.registrationCount } });
    return true;
  }, { behavior: 'immediate' });
  if (cancelled) notifyRegistered(db, 'meeting.cancelled', meeting.id, actor!.id);
  return ok({ meetingId: meeting.id, topicId: meeting.topicId, projectId: meeting.projectId });
}

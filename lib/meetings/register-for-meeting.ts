import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { meetingRegistrations, meetings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findMeeting, meetingTiming } from './load';
import { registrationSchema } from './schemas';

/**
 * A citizen registers for an upcoming meeting, or takes their place back. One registration per
 * person (the primary key); the meeting's count is kept by triggers (meeting_registrations_count_*),
 * so it always equals the rows. Registering twice, or unregistering when not registered, changes nothing.
 */
export function registerForMeeting(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ meetingId: number; registered: boolean; count: number }> {
  const parsed = parse(registrationSchema, input);
  if (!parsed.ok) return parsed;
  const { meetingId, intent } = parsed.data;
  const meeting = findMeeting(db, meetingId);
  if (!meeting) return notFound();
  if (!can(actor, intent === 'register' ? 'meeting.register' : 'meeting.unregister', meetingTiming(meeting, now))) return forbidden();

  return db.transaction((tx) => {
    const changed =
      intent === 'register'
        ? tx.insert(meetingRegistrations).values({ meetingId, userId: actor!.id, createdAt: now.toISOString() }).onConflictDoNothing().run().changes
        : tx.delete(meetingRegistrations).where(and(eq(meetingRegistrations.meetingId, meetingId), eq(meetingRegistrations.userId, actor!.id))).run().changes;
    if (changed > 0) {
      recordAudit(tx, { actorId: actor!.id, action: intent === 'register' ? 'meeting.register' : 'meeting.unregister', subjectType: 'meeting', subjectId: meetingId });
    }
    const count = tx.select({ n: meetings.registrationCount }).from(meetings).where(eq(meetings.id, meetingId)).get()?.n ?? 0;
    return ok({ meetingId, registered: intent === 'register', count });
  }, { behavior: 'immediate' });
}

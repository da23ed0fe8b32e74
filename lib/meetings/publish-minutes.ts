import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { meetingAttendance, meetings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findMeeting, meetingSubject, meetingTiming } from './load';
import { notifyRegistered } from './notify-registered';
import { ATTENDANCE_CELLS, minutesSchema } from './schemas';
import { screenMeeting } from './screen-meeting';

/**
 * After the meeting has started, a facilitator of the space or an official of the commune (or an
 * admin) publishes its minutes and how many people attended, by gender and age band (counted in
 * the room, no names). Both may be corrected later; every version is in the audit log. The people
 * registered are told when the minutes first appear, not on a correction.
 */
export function publishMinutes(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ meetingId: number; total: number; topicId: number | null; projectId: number | null }> {
  const parsed = parse(minutesSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data as { meetingId: number; minutes: string } & Record<string, number>;
  const meeting = findMeeting(db, v.meetingId);
  if (!meeting) return notFound();
  if (!can(actor, 'meeting.publishMinutes', { ...meetingSubject(meeting), ...meetingTiming(meeting, now) })) return forbidden();
  const verdict = screenMeeting(db, actor!, { title: meeting.title, place: meeting.place, agenda: v.minutes }, now, false);
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  const cells = ATTENDANCE_CELLS.map((c) => ({ gender: c.gender, ageBand: c.ageBand, count: v[c.field] ?? 0 }));
  const total = cells.reduce((a, c) => a + c.count, 0);
  const at = now.toISOString();
  const first = db.transaction((tx) => {
    // Read again inside the write: of two first publications at once, only one is the first.
    const publishedAt = tx.select({ at: meetings.minutesPublishedAt }).from(meetings).where(eq(meetings.id, meeting.id)).get()?.at ?? null;
    const before = tx.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id)).all();
    tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id)).run();
    const kept = cells.filter((c) => c.count > 0);
    if (kept.length) tx.insert(meetingAttendance).values(kept.map((c) => ({ meetingId: meeting.id, ...c }))).run();
    tx.update(meetings)
      .set({ minutes: v.minutes, minutesPublishedAt: publishedAt ?? at, minutesBy: actor!.id, updatedAt: at })
      .where(eq(meetings.id, meeting.id))
      .run();
    recordAudit(tx, {
      actorId: actor!.id,
      action: publishedAt ? 'meeting.minutes_update' : 'meeting.minutes',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: {
        attendance: Object.fromEntries(kept.map((c) => [`${c.gender}/${c.ageBand}`, c.count])),
        ...(publishedAt ? { before: Object.fromEntries(before.map((c) => [`${c.gender}/${c.ageBand}`, c.count])), minutesChanged: meeting.minutes !== v.minutes } : {}),
      },
    });
    return publishedAt === null;
  }, { behavior: 'immediate' });
  if (first) notifyRegistered(db, 'meeting.minutes', meeting.id, actor!.id);
  return ok({ meetingId: meeting.id, total, topicId: meeting.topicId, projectId: meeting.projectId });
}

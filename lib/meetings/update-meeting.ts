import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { meetings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findMeeting, meetingSubject, meetingTiming, subjectError } from './load';
import { changesMatter, notifyRegistered } from './notify-registered';
import { updateMeetingSchema } from './schemas';
import { screenMeeting } from './screen-meeting';

/**
 * Those who run the meeting change it before it starts (still in the future). The space stays.
 * Returns the topics and projects concerned before and after, whose pages list the meeting.
 * A new date, place or agenda is told to the people registered.
 */
export function updateMeeting(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ meetingId: number; topicIds: number[]; projectIds: number[] }> {
  const parsed = parse(updateMeetingSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const meeting = findMeeting(db, v.meetingId);
  if (!meeting) return notFound();
  if (!can(actor, 'meeting.edit', { ...meetingSubject(meeting), ...meetingTiming(meeting, now) })) return forbidden();
  if (Date.parse(v.startsAt) <= now.getTime()) return invalid({ startsAt: 'meetingInPast' });
  const linkError = subjectError(db, meeting.communeId, v);
  if (linkError) return invalid(linkError);
  const verdict = screenMeeting(db, actor!, v, now, false);
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  const after = { title: v.title, startsAt: v.startsAt, place: v.place, agenda: v.agenda, topicId: v.topicId ?? null, projectId: v.projectId ?? null };
  const before = { title: meeting.title, startsAt: meeting.startsAt, place: meeting.place, agenda: meeting.agenda, topicId: meeting.topicId, projectId: meeting.projectId };
  db.transaction((tx) => {
    tx.update(meetings).set({ ...after, updatedAt: now.toISOString() }).where(eq(meetings.id, meeting.id)).run();
    recordAudit(tx, { actorId: actor!.id, action: 'meeting.update', subjectType: 'meeting', subjectId: meeting.id, details: { before, after } });
  }, { behavior: 'immediate' });
  if (changesMatter(before, after)) notifyRegistered(db, 'meeting.changed', meeting.id, actor!.id);
  const ids = (a: number | null, b: number | null) => [...new Set([a, b].filter((x): x is number => x !== null))];
  return ok({ meetingId: meeting.id, topicIds: ids(before.topicId, after.topicId), projectIds: ids(before.projectId, after.projectId) });
}


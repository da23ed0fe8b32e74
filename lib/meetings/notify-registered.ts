import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { meetingRegistrations, type NotificationKind } from '@/db/schema';
import { notify } from '@/lib/notifications/deliver';

type MeetingKind = Extract<NotificationKind, `meeting.${string}`>;

/** The people registered for a meeting now (someone who took their place back is no longer among them). */
export function registeredIdsOf(db: Pick<Db, 'select'>, meetingId: number): number[] {
  return db.select({ id: meetingRegistrations.userId }).from(meetingRegistrations).where(eq(meetingRegistrations.meetingId, meetingId)).all().map((r) => r.id);
}

/**
 * Tells everyone registered for the meeting, except the person acting, once. Called after the
 * write has committed, like every other notification; always delivered (see lib/notifications/deliver.ts).
 */
export function notifyRegistered(db: Db, kind: MeetingKind, meetingId: number, actorId: number): void {
  notify(db, { kind, recipientIds: registeredIdsOf(db, meetingId), actorId, meetingId });
}

/** What registered people hear about: the date, the place or the agenda (not a retitling or a new link). */
export function changesMatter(before: { startsAt: string; place: string; agenda: string }, after: { startsAt: string; place: string; agenda: string }): boolean {
  return before.startsAt !== after.startsAt || before.place !== after.place || before.agenda !== after.agenda;
}

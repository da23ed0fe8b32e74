import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { connectedSpaces, meetings, projects, topics, type Meeting } from '@/db/schema';
import { isPublicProject, isPublicTopic, type MeetingSubject, type MeetingTiming } from '@/lib/permissions';

type Reader = Pick<Db, 'select'>;

export type LoadedMeeting = Meeting & { communeId: number };

/** A meeting with the commune of its space (whose officials may run it). */
export function findMeeting(db: Reader, id: number): LoadedMeeting | undefined {
  const row = db
    .select({ meeting: meetings, communeId: connectedSpaces.communeId })
    .from(meetings)
    .innerJoin(connectedSpaces, eq(connectedSpaces.id, meetings.spaceId))
    .where(eq(meetings.id, id))
    .get();
  return row ? { ...row.meeting, communeId: row.communeId } : undefined;
}

export function findSpace(db: Reader, id: number) {
  return db.select().from(connectedSpaces).where(eq(connectedSpaces.id, id)).get();
}

/** Started once its start time has passed: then registration closes and minutes may be published. */
export function meetingTiming(m: Pick<Meeting, 'startsAt' | 'cancelledAt'>, now: Date): MeetingTiming {
  return { started: Date.parse(m.startsAt) <= now.getTime(), cancelled: m.cancelledAt !== null };
}

export function meetingSubject(m: { spaceId: number; communeId: number }): MeetingSubject {
  return { spaceId: m.spaceId, communeId: m.communeId };
}

/**
 * The topic or project a meeting may be about: published, and of the space's commune (a debate in
 * Nioro about a Kayes consultation would count its attendance in the wrong commune's record).
 * Returns the field in error, or null when the link is fine.
 */
export function subjectError(db: Reader, communeId: number, v: { topicId?: number; projectId?: number }): Record<string, string> | null {
  if (v.topicId) {
    const t = db.select({ communeId: topics.communeId, phase: topics.phase, visibility: topics.visibility }).from(topics).where(eq(topics.id, v.topicId)).get();
    if (!t || !isPublicTopic(t) || t.communeId !== communeId) return { topicId: 'meetingSubjectInvalid' };
  }
  if (v.projectId) {
    const p = db.select({ communeId: projects.communeId, status: projects.status, visibility: projects.visibility }).from(projects).where(eq(projects.id, v.projectId)).get();
    if (!p || !isPublicProject(p) || p.communeId !== communeId) return { projectId: 'meetingSubjectInvalid' };
  }
  return null;
}

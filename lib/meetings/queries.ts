import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { publicProjectSql } from '@/lib/projects/visibility';
import { communes, connectedSpaces, meetingAttendance, meetingRegistrations, meetings, projects, topics, users } from '@/db/schema';

/** People counted at a meeting (0 until the minutes are published). */
const ATTENDANCE_TOTAL = sql<number>`coalesce((SELECT sum(${meetingAttendance.count}) FROM ${meetingAttendance} WHERE ${meetingAttendance.meetingId} = ${meetings.id}), 0)`;

const CARD = {
  id: meetings.id,
  title: meetings.title,
  startsAt: meetings.startsAt,
  place: meetings.place,
  cancelledAt: meetings.cancelledAt,
  minutesPublishedAt: meetings.minutesPublishedAt,
  registrationCount: meetings.registrationCount,
  topicId: meetings.topicId,
  projectId: meetings.projectId,
  spaceName: connectedSpaces.name,
  spaceSlug: connectedSpaces.slug,
  commune: communes.name,
  attendance: ATTENDANCE_TOTAL,
};

export type MeetingCard = {
  id: number;
  title: string;
  startsAt: string;
  place: string;
  cancelledAt: string | null;
  minutesPublishedAt: string | null;
  registrationCount: number;
  topicId: number | null;
  projectId: number | null;
  spaceName: string;
  spaceSlug: string;
  commune: string;
  attendance: number;
};

function cards(db: Db, where: SQL | undefined, order: 'asc' | 'desc', limit: number): MeetingCard[] {
  return db
    .select(CARD)
    .from(meetings)
    .innerJoin(connectedSpaces, eq(connectedSpaces.id, meetings.spaceId))
    .innerJoin(communes, eq(communes.id, connectedSpaces.communeId))
    .where(where)
    .orderBy(order === 'asc' ? asc(meetings.startsAt) : desc(meetings.startsAt), asc(meetings.id))
    .limit(limit)
    .all();
}

/** /meetings: the next meetings (soonest first), then past ones (latest first), of one commune or all. */
export function listMeetings(db: Db, opts: { communeId?: number | null; nowIso: string; limit?: number }) {
  const commune = opts.communeId ? eq(connectedSpaces.communeId, opts.communeId) : undefined;
  const limit = opts.limit ?? 50;
  return {
    upcoming: cards(db, and(gte(meetings.startsAt, opts.nowIso), commune), 'asc', limit),
    past: cards(db, and(lt(meetings.startsAt, opts.nowIso), commune), 'desc', limit),
  };
}

/** Meetings about a topic, or a project (their pages' "public debates" section), by date. */
export function meetingsAbout(db: Db, subject: { topicId: number } | { projectId: number }): MeetingCard[] {
  const where = 'topicId' in subject ? eq(meetings.topicId, subject.topicId) : eq(meetings.projectId, subject.projectId);
  return cards(db, where, 'asc', 100);
}

/** The space's next meetings (not cancelled). */
export function upcomingAtSpace(db: Db, spaceId: number, nowIso: string, limit = 10): MeetingCard[] {
  return cards(db, and(eq(meetings.spaceId, spaceId), gte(meetings.startsAt, nowIso), sql`${meetings.cancelledAt} IS NULL`), 'asc', limit);
}

/** One meeting with its place, what it is about and who scheduled it. */
export function getMeetingView(db: Db, id: number) {
  return db
    .select({
      meeting: meetings,
      spaceName: connectedSpaces.name,
      spaceSlug: connectedSpaces.slug,
      communeId: connectedSpaces.communeId,
      commune: communes.name,
      topic: { title: topics.title, phase: topics.phase, visibility: topics.visibility },
      project: { title: projects.title, status: projects.status, visibility: projects.visibility },
      organiser: users.displayName,
    })
    .from(meetings)
    .innerJoin(connectedSpaces, eq(connectedSpaces.id, meetings.spaceId))
    .innerJoin(communes, eq(communes.id, connectedSpaces.communeId))
    .innerJoin(users, eq(users.id, meetings.createdBy))
    .leftJoin(topics, eq(topics.id, meetings.topicId))
    .leftJoin(projects, eq(projects.id, meetings.projectId))
    .where(eq(meetings.id, id))
    .get();
}

export function attendanceOf(db: Db, meetingId: number) {
  return db
    .select({ gender: meetingAttendance.gender, ageBand: meetingAttendance.ageBand, count: meetingAttendance.count })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId))
    .all();
}

export function isRegistered(db: Db, meetingId: number, userId: number): boolean {
  return !!db
    .select({ m: meetingRegistrations.meetingId })
    .from(meetingRegistrations)
    .where(and(eq(meetingRegistrations.meetingId, meetingId), eq(meetingRegistrations.userId, userId)))
    .get();
}

/** Published topics and projects of a commune, newest first: what a meeting there may be about. */
export function linkableSubjects(db: Db, communeId: number, limit = 100) {
  return {
    topics: db.all<{ id: number; title: string }>(
      sql`SELECT id, title FROM topics WHERE commune_id = ${communeId} AND phase <> 'draft' AND visibility = 'visible' ORDER BY id DESC LIMIT ${limit}`,
    ),
    projects: db.all<{ id: number; title: string }>(
      sql`SELECT id, title FROM projects WHERE commune_id = ${communeId} AND ${publicProjectSql} ORDER BY id DESC LIMIT ${limit}`,
    ),
  };
}

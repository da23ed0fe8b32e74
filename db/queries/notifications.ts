import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { appeals, meetings, moderations, notificationPreferences, notifications, projects, topics, users } from '../schema';

export function unreadCount(db: Db, userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

export function listNotifications(db: Db, userId: number, limit = 50) {
  const actor = alias(users, 'actor');
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      topicId: notifications.topicId,
      topicTitle: topics.title,
      commentId: notifications.commentId,
      projectId: notifications.projectId,
      projectTitle: projects.title,
      actorName: actor.displayName,
      moderationOutcome: moderations.outcome,
      moderatedType: moderations.contentType,
      moderatedId: moderations.contentId,
      appealState: appeals.state,
      meetingId: notifications.meetingId,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      meetingPlace: meetings.place,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(topics, eq(topics.id, notifications.topicId))
    .leftJoin(projects, eq(projects.id, notifications.projectId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(moderations, eq(moderations.id, notifications.moderationId))
    .leftJoin(appeals, eq(appeals.id, notifications.appealId))
    .leftJoin(meetings, eq(meetings.id, notifications.meetingId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all();
}

export function preferencesOf(db: Db, userId: number) {
  return (
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).get() ?? {
      userId,
      replies: true,
      decisions: true,
      newTopics: false,
      projects: true,
    }
  );
}

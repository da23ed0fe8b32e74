import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notificationPreferences, notifications, users, type NotificationKind } from '@/db/schema';

export type NotificationEvent = {
  kind: NotificationKind;
  recipientIds: number[];
  actorId: number | null;
  topicId?: number | null;
  commentId?: number | null;
  projectId?: number | null;
  moderationId?: number | null;
  appealId?: number | null;
  meetingId?: number | null;
};

/**
 * Where notifications go. In-app is built; email and SMS adapters implement the same interface
 * and are added to CHANNELS when a provider is configured.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(db: Db, event: NotificationEvent): void;
}

export const inAppChannel: NotificationChannel = {
  name: 'in-app',
  deliver(db, event) {
    if (event.recipientIds.length === 0) return;
    db.transaction((tx) => {
      for (const userId of event.recipientIds) {
        tx.insert(notifications)
          .values({
            userId,
            kind: event.kind,
            actorId: event.actorId,
            topicId: event.topicId ?? null,
            commentId: event.commentId ?? null,
            projectId: event.projectId ?? null,
            moderationId: event.moderationId ?? null,
            appealId: event.appealId ?? null,
            meetingId: event.meetingId ?? null,
          })
          .run();
      }
    });
  },
};

const CHANNELS: NotificationChannel[] = [inAppChannel];

/**
 * Kinds a person can turn off; any other kind (moderation outcomes, sanctions, appeals, and news of a
 * meeting one registered for: registering is the opt-in, and a cancelled meeting is a trip saved) is
 * always delivered.
 */
const PREFERENCE: Partial<Record<NotificationKind, 'replies' | 'decisions' | 'newTopics' | 'projects'>> = {
  'comment.reply': 'replies',
  'topic.decided': 'decisions',
  'topic.new': 'newTopics',
  'project.supports25': 'projects',
  'project.supports50': 'projects',
  'project.supports75': 'projects',
  'project.threshold': 'projects',
  'project.answered': 'projects',
  'project.progress': 'projects',
  'project.invitation': 'projects',
};
const DEFAULTS = { replies: true, decisions: true, newTopics: false, projects: true };

/** Keeps the recipients who want this kind of notification (never the actor themself). */
export function wantedBy(db: Db, kind: NotificationKind, ids: number[], actorId: number | null): number[] {
  const unique = [...new Set(ids)].filter((id) => id !== actorId);
  if (unique.length === 0) return [];
  const key = PREFERENCE[kind];
  const prefs = new Map(
    db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, unique)).all().map((p) => [p.userId, p]),
  );
  if (!key) return unique;
  return unique.filter((id) => (prefs.get(id) ?? DEFAULTS)[key]);
}

/** Sends after the write has committed; a failing channel never undoes the act. */
export function notify(db: Db, event: NotificationEvent): void {
  const recipientIds = wantedBy(db, event.kind, event.recipientIds, event.actorId);
  for (const channel of CHANNELS) {
    try {
      channel.deliver(db, { ...event, recipientIds });
    } catch (e) {
      console.error(`[baro] notification channel ${channel.name} failed`, e);
    }
  }
}

/** People of a commune who opted in to hear about new topics. */
export function newTopicSubscribers(db: Db, communeId: number): number[] {
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(eq(users.communeId, communeId), eq(notificationPreferences.newTopics, true), ne(users.id, 0)))
    .all()
    .map((r) => r.id);
}

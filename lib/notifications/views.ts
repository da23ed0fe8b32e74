import { listNotifications, preferencesOf, unreadCount } from '@/db/queries/notifications';
import { moderatable } from '@/lib/moderation/registry';
import { can } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';
import type { NotificationKind } from './kinds';

type Row = ReturnType<typeof listNotifications>[number];

/** One notification as /notifications shows it: what its sentence needs, and where it leads. */
export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  read: boolean;
  createdAt: string;
  topicTitle: string | null;
  projectTitle: string | null;
  meetingTitle: string | null;
  meetingStartsAt: string | null;
  meetingPlace: string | null;
  actorName: string | null;
  moderationOutcome: 'approved' | 'dismissed' | 'hidden' | 'restored' | null;
  appealState: 'pending' | 'upheld' | 'rejected' | null;
  /** where opening it leads: a path without locale prefix */
  target: string;
};

export type NotificationPreferences = { replies: boolean; decisions: boolean; newTopics: boolean; projects: boolean };

export type NotificationsPage = { items: NotificationItem[]; unread: number; preferences: NotificationPreferences };

/** Where a notification leads (a path without locale prefix). */
function targetOf(ctx: ViewContext, n: Row): string {
  // Moderation notices lead to the content concerned, where its author can also appeal.
  const moderated = n.moderatedType && n.moderatedId ? moderatable(n.moderatedType)?.load(ctx.db, n.moderatedId)?.path : undefined;
  if (moderated) return moderated;
  // What a facilitator entered in one's name is checked, and taken back, from one place.
  if (n.kind.startsWith('assisted.')) return '/account/assisted';
  if (n.projectId) {
    if (n.kind === 'project.invitation') return '/projects#invitations';
    const anchor = n.commentId ? `#comment-${n.commentId}` : n.kind === 'project.progress' ? '#progress' : n.kind === 'project.answered' ? '#answer' : '';
    return `/projects/${n.projectId}${anchor}`;
  }
  if (n.meetingId) return `/meetings/${n.meetingId}${n.kind === 'meeting.minutes' ? '#minutes' : ''}`;
  if (n.kind.startsWith('account.')) return '/account#sessions';
  return n.topicId ? `/topics/${n.topicId}${n.commentId ? `#comment-${n.commentId}` : ''}` : '/notifications';
}

/** /notifications: one's latest notifications, newest first, and what one chose to receive. Null when not signed in. */
export function notificationsPage(ctx: ViewContext): NotificationsPage | null {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'notifications.read', { userId: actor.id })) return null;
  const items = listNotifications(ctx.db, actor.id).map(
    (n): NotificationItem => ({
      id: n.id,
      kind: n.kind,
      read: n.readAt !== null,
      createdAt: n.createdAt,
      topicTitle: n.topicTitle,
      projectTitle: n.projectTitle,
      meetingTitle: n.meetingTitle,
      meetingStartsAt: n.meetingStartsAt,
      meetingPlace: n.meetingPlace,
      actorName: n.actorName,
      moderationOutcome: n.moderationOutcome,
      appealState: n.appealState,
      target: targetOf(ctx, n),
    }),
  );
  const { replies, decisions, newTopics, projects } = preferencesOf(ctx.db, actor.id);
  return { items, unread: items.filter((n) => !n.read).length, preferences: { replies, decisions, newTopics, projects } };
}

/** How many notifications the signed-in reader has not read (the header's count); 0 for anyone else. */
export function unreadNotifications(ctx: ViewContext): number {
  const actor = ctx.actor;
  return actor && can(actor, 'notifications.read', { userId: actor.id }) ? unreadCount(ctx.db, actor.id) : 0;
}

// A value list: imported by db/schema.ts, so this file imports nothing.

/** What a notification is about; each kind has its sentence in messages/*.json (Notifications). */
export const NOTIFICATION_KINDS = [
  'comment.reply',
  'topic.decided',
  'topic.new',
  'project.supports25',
  'project.supports50',
  'project.supports75',
  'project.threshold',
  'project.answered',
  'project.progress',
  'project.invitation',
  'moderation.outcome',
  'moderation.report_outcome',
  'moderation.warning',
  'moderation.suspension',
  'appeal.decided',
  /** a meeting one registered for: changed (date, place or agenda), cancelled, minutes first published */
  'meeting.changed',
  'meeting.cancelled',
  'meeting.minutes',
  /** a vote or support a facilitator entered in one's name: one can check it and take it back */
  'assisted.vote',
  'assisted.comment_support',
  'assisted.project_support',
  /** the account was locked after 20 failed sign-ins in a row (lib/accounts/sign-in-lock.ts) */
  'account.locked',
  /** a new password was set with a one-time code (lib/accounts/recover-password.ts): every session ended */
  'account.recovered',
  /** access was reset in person, at a connected space or by an admin (lib/accounts/reset-in-person.ts) */
  'account.reset_in_person',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

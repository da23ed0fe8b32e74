import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type NotificationKind } from '@/db/schema';
import { LIMITS } from '@/lib/rate-limit';
import type { SecurityAlert } from '@/lib/messaging/templates';
import type { MessageChannel } from '@/lib/messaging/types';
import { notify } from '@/lib/notifications/deliver';

/** What an account's owner must hear about their account's security, whatever their preferences. */
export type AccountEvent =
  /** 20 failed sign-ins in a row: locked for 24 hours */
  | 'account.locked'
  /** the password was changed from /account */
  | 'password.changed'
  /** a new password was set with a one-time code (SMS, e-mail, or handed over in person) */
  | 'account.recovered'
  /** access was reset in person after an identity check (a connected space, or an admin) */
  | 'account.reset_in_person';

/** The in-app notification of each event (none for a change the owner has just made themselves). */
const IN_APP: Record<AccountEvent, NotificationKind | null> = {
  'account.locked': 'account.locked',
  'password.changed': null,
  'account.recovered': 'account.recovered',
  'account.reset_in_person': 'account.reset_in_person',
};

function alertOf(event: AccountEvent): Pick<SecurityAlert, 'kind'> & { minutes?: number } {
  switch (event) {
    case 'account.locked':
      return { kind: 'account_locked', minutes: LIMITS.signInLockout.duration / 60 };
    case 'account.reset_in_person':
      return { kind: 'access_reset' };
    default:
      return { kind: 'password_changed' };
  }
}

/**
 * The one place that tells an account's owner about its security: an in-app notification, and an SMS
 * to their phone and an e-mail to their address (lib/messaging), whatever their notification settings.
 * `skip`: a channel not to alert — the one just used to recover the account, which may be the very
 * one in someone else's hands (issue 12 §3: "an alert on the other channel if any").
 */
export async function notifyAccountOwner(
  db: Db,
  userId: number,
  event: AccountEvent,
  options: { skip?: MessageChannel | null; now?: Date } = {},
): Promise<void> {
  const kind = IN_APP[event];
  if (kind) notify(db, { kind, recipientIds: [userId], actorId: null });
  const owner = db.select({ phone: users.phone, email: users.email, language: users.language }).from(users).where(eq(users.id, userId)).get();
  if (!owner) return;
  const alert = alertOf(event);
  const targets: { channel: MessageChannel; to: string }[] = [];
  if (owner.phone && options.skip !== 'sms') targets.push({ channel: 'sms', to: owner.phone });
  if (owner.email && options.skip !== 'email') targets.push({ channel: 'email', to: owner.email });
  // Loaded only when there is an alert to write: signing in (which imports this file) stays light.
  const { sendSecurityAlert } = await import('@/lib/messaging/templates');
  for (const t of targets) {
    // A refusal (10 alerts a day to this recipient) leaves the in-app notification: nothing to retry.
    await sendSecurityAlert(db, { ...alert, ...t, userId, language: owner.language } as SecurityAlert, { now: options.now });
  }
}

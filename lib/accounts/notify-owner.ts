import type { Db } from '@/db/client';
import { notify } from '@/lib/notifications/deliver';

/** What an account's owner must hear about their account's security, whatever their preferences. */
export type AccountEvent = 'account.locked';

/**
 * The one place that tells an account's owner about its security (today: in-app; SMS and e-mail
 * channels join lib/notifications/deliver.ts's CHANNELS later and reach them from here too).
 */
export function notifyAccountOwner(db: Db, userId: number, event: AccountEvent): void {
  notify(db, { kind: event, recipientIds: [userId], actorId: null });
}

import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, MESSAGE_PURPOSES, type MessagePurpose } from '@/db/schema';

/**
 * A sending limit: at most `max` messages of `purposes` in any sliding window of `windowSeconds`,
 * counted per recipient (a phone or a mailbox) or per account. Counted in the messages table itself,
 * inside the transaction that would add the next one, so two requests at once cannot both slip under.
 */
export type SendLimit = {
  name: SendLimitName;
  per: 'recipient' | 'account';
  purposes: readonly MessagePurpose[];
  max: number;
  windowSeconds: number;
};

export type SendLimitName =
  | 'codesPerRecipientPerDay'
  | 'codeResendDelay'
  | 'codesPerAccountPerHour'
  | 'alertsPerRecipientPerDay'
  | 'notificationsPerAccountPerHour'
  | 'messagesPerRecipientPerDay';

const CODES: readonly MessagePurpose[] = ['verification', 'recovery'];
const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * The limits that apply to each purpose (docs/features/messaging.md). Verification and recovery codes
 * are counted separately per purpose: issue 12 §2 asks for at most 5 codes a day per phone, a new code
 * no sooner than 60 s after the last one; a person locked out the day she registered can still recover.
 * Security alerts ("your password changed") are limited only per recipient, generously: an attacker who
 * triggers them must not be able to flood the owner, nor silence the next one by spending a shared quota.
 */
export const MESSAGE_LIMITS: Record<MessagePurpose, readonly SendLimit[]> = {
  verification: [
    { name: 'codesPerRecipientPerDay', per: 'recipient', purposes: ['verification'], max: 5, windowSeconds: DAY },
    { name: 'codeResendDelay', per: 'recipient', purposes: ['verification'], max: 1, windowSeconds: 60 },
    { name: 'codesPerAccountPerHour', per: 'account', purposes: CODES, max: 10, windowSeconds: HOUR },
  ],
  recovery: [
    { name: 'codesPerRecipientPerDay', per: 'recipient', purposes: ['recovery'], max: 5, windowSeconds: DAY },
    { name: 'codeResendDelay', per: 'recipient', purposes: ['recovery'], max: 1, windowSeconds: 60 },
    { name: 'codesPerAccountPerHour', per: 'account', purposes: CODES, max: 10, windowSeconds: HOUR },
  ],
  security: [{ name: 'alertsPerRecipientPerDay', per: 'recipient', purposes: ['security'], max: 10, windowSeconds: DAY }],
  notification: [
    { name: 'notificationsPerAccountPerHour', per: 'account', purposes: ['notification'], max: 20, windowSeconds: HOUR },
    { name: 'messagesPerRecipientPerDay', per: 'recipient', purposes: MESSAGE_PURPOSES, max: 50, windowSeconds: DAY },
  ],
};

export type LimitVerdict = { ok: true } | { ok: false; limit: SendLimitName; retryAfterSeconds: number };

/**
 * Would one more message break a limit? Returns the limit that keeps the sender waiting the longest,
 * and how long (until the oldest message that counts leaves the window). A limit `per: 'account'`
 * does not apply to a message with no account. Call it inside the transaction that inserts.
 */
export function checkLimits(
  tx: Pick<Db, 'select'>,
  limits: readonly SendLimit[],
  who: { recipient: string; userId: number | null },
  now: Date,
): LimitVerdict {
  let worst: { limit: SendLimitName; retryAfterSeconds: number } | null = null;
  for (const l of limits) {
    if (l.per === 'account' && who.userId === null) continue;
    const since = new Date(now.getTime() - l.windowSeconds * 1000).toISOString();
    const where = and(
      l.per === 'recipient' ? eq(messages.recipient, who.recipient) : eq(messages.userId, who.userId!),
      inArray(messages.purpose, [...l.purposes]),
      gt(messages.createdAt, since),
    );
    const count = tx.select({ n: sql<number>`count(*)` }).from(messages).where(where).get()?.n ?? 0;
    if (count < l.max) continue;
    // The window frees a place when the (count − max + 1)-th oldest message in it leaves.
    const freeing = tx
      .select({ createdAt: messages.createdAt })
      .from(messages)
      .where(where)
      .orderBy(messages.createdAt)
      .limit(1)
      .offset(count - l.max)
      .get();
    const until = freeing ? Date.parse(freeing.createdAt) + l.windowSeconds * 1000 : now.getTime() + l.windowSeconds * 1000;
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    if (!worst || retryAfterSeconds > worst.retryAfterSeconds) worst = { limit: l.name, retryAfterSeconds };
  }
  return worst ? { ok: false, ...worst } : { ok: true };
}

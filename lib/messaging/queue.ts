import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, type Message, type MessageChannel } from '@/db/schema';
import type { DeliveryResult } from './types';

/**
 * Retries: after a failed attempt the message waits base × 2^(attempts−1) seconds (at most an hour),
 * with jitter; after maxAttempts it is marked failed. 30 s, 1, 2, 4, 8, 16, 32 min, then hourly:
 * ten attempts cover a gateway outage of about three hours (a phone's battery, a power cut).
 */
export const RETRY = { maxAttempts: 10, baseSeconds: 30, capSeconds: 3600 } as const;

/**
 * How long a claimed message belongs to its sender. Longer than any attempt can take (the SMS
 * gateway's timeout, 15 s by default; SMTP's, under a minute), so only a crashed sender loses it.
 */
export const LEASE_MS = 5 * 60 * 1000;

/**
 * Seconds before the next attempt: "equal jitter", half the exponential delay plus a random share of
 * the other half, so messages that failed together (a gateway outage) do not all come back together.
 */
export function backoffSeconds(attempts: number, random: () => number = Math.random): number {
  const delay = Math.min(RETRY.capSeconds, RETRY.baseSeconds * 2 ** Math.max(0, attempts - 1));
  return delay / 2 + (random() * delay) / 2;
}

const iso = (d: Date) => d.toISOString();

/**
 * Takes the next due message of a channel for this sender, in one UPDATE … RETURNING inside an
 * IMMEDIATE transaction: two senders (two processes, two threads) never get the same row. Due: queued
 * and next_try_at passed, or claimed by a sender whose lease ran out (it crashed). Claiming counts the
 * attempt, so a message that crashes its sender every time still ends after maxAttempts.
 */
export function claimNext(
  db: Db,
  channel: MessageChannel,
  now: Date,
  options: { leaseMs?: number; maxAttempts?: number } = {},
): Message | undefined {
  const at = iso(now);
  const due = and(
    eq(messages.channel, channel),
    lt(messages.attempts, options.maxAttempts ?? RETRY.maxAttempts),
    dueAt(at),
    or(isNull(messages.expiresAt), gt(messages.expiresAt, at)),
  );
  return db.transaction(
    (tx) =>
      tx
        .update(messages)
        .set({
          status: 'sending',
          attempts: sql`${messages.attempts} + 1`,
          leaseUntil: iso(new Date(now.getTime() + (options.leaseMs ?? LEASE_MS))),
        })
        .where(
          inArray(
            messages.id,
            tx.select({ id: messages.id }).from(messages).where(due).orderBy(messages.nextTryAt, messages.id).limit(1),
          ),
        )
        .returning()
        .get(),
    { behavior: 'immediate' },
  );
}

/** Waiting and due, or claimed by a sender whose lease ran out. */
function dueAt(at: string) {
  return or(and(eq(messages.status, 'queued'), lte(messages.nextTryAt, at)), and(eq(messages.status, 'sending'), lte(messages.leaseUntil, at)));
}

/**
 * Is anything due? A plain read, so that a round with nothing to do (most of them) takes no write lock.
 * A message that expired while waiting is swept when it falls due.
 */
export function anythingDue(db: Db, now: Date): boolean {
  return !!db.select({ id: messages.id }).from(messages).where(dueAt(iso(now))).limit(1).get();
}

/** The text is erased as soon as it is of no more use: sent, failed for good, or expired. */
const ERASED = { body: null, subject: null, leaseUntil: null } as const;

/**
 * Messages that will never be sent: past their expiry, or abandoned by senders that crashed
 * maxAttempts times. Marked failed, their text erased.
 */
export function sweepQueue(db: Db, now: Date, maxAttempts: number = RETRY.maxAttempts): { expired: number; abandoned: number } {
  const at = iso(now);
  const waiting = or(eq(messages.status, 'queued'), and(eq(messages.status, 'sending'), lte(messages.leaseUntil, at)));
  return db.transaction(
    (tx) => {
      const expired = tx
        .update(messages)
        .set({ ...ERASED, status: 'failed', lastError: 'expired before it could be sent' })
        .where(and(waiting, isNotNull(messages.expiresAt), lte(messages.expiresAt, at)))
        .run().changes;
      const abandoned = tx
        .update(messages)
        .set({ ...ERASED, status: 'failed', lastError: sql`coalesce(${messages.lastError}, 'its sender stopped during every attempt')` })
        .where(and(eq(messages.status, 'sending'), lte(messages.leaseUntil, at), sql`${messages.attempts} >= ${maxAttempts}`))
        .run().changes;
      return { expired, abandoned };
    },
    { behavior: 'immediate' },
  );
}

export type Outcome = 'sent' | 'retry' | 'failed' | 'lease_lost';

/**
 * Records an attempt's result on a message claimed by claimNext. The UPDATE is fenced by the claim
 * (status 'sending' and the attempts count it set): if the lease ran out and another sender took the
 * message meanwhile, this sender's late answer changes nothing ('lease_lost').
 */
export function recordAttempt(
  db: Db,
  claimed: Pick<Message, 'id' | 'attempts' | 'body'>,
  result: DeliveryResult,
  now: Date,
  options: { maxAttempts?: number; random?: () => number } = {},
): { outcome: Outcome; retryAt?: Date } {
  const fence = and(eq(messages.id, claimed.id), eq(messages.status, 'sending'), eq(messages.attempts, claimed.attempts));
  if (result.ok) {
    const changed = db.update(messages).set({ ...ERASED, status: 'sent', sentAt: iso(now) }).where(fence).run().changes;
    return { outcome: changed ? 'sent' : 'lease_lost' };
  }
  const lastError = safeError(result.error, claimed.body);
  if (result.permanent || claimed.attempts >= (options.maxAttempts ?? RETRY.maxAttempts)) {
    const changed = db.update(messages).set({ ...ERASED, status: 'failed', lastError }).where(fence).run().changes;
    return { outcome: changed ? 'failed' : 'lease_lost' };
  }
  const retryAt = new Date(now.getTime() + backoffSeconds(claimed.attempts, options.random) * 1000);
  const changed = db
    .update(messages)
    .set({ status: 'queued', nextTryAt: iso(retryAt), leaseUntil: null, lastError })
    .where(fence)
    .run().changes;
  return changed ? { outcome: 'retry', retryAt } : { outcome: 'lease_lost' };
}

/**
 * An error as stored and logged: never the message's text, nor anything that looks like a code
 * (4 digits or more), whatever a gateway or a mail server echoed back.
 */
export function safeError(error: string, body: string | null): string {
  let out = error;
  if (body) out = out.split(body).join('[text]');
  return out.replace(/\d{4,}/g, (d) => '•'.repeat(d.length)).slice(0, 300);
}

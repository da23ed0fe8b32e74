import type { Db } from '@/db/client';
import { MESSAGE_CHANNELS, type Message, type MessageChannel } from '@/db/schema';
import { maskRecipient } from './mask';
import { anythingDue, claimNext, LEASE_MS, recordAttempt, RETRY, safeError, sweepQueue } from './queue';
import type { DeliveryResult, OutgoingMessage, Transports } from './types';

export type DrainOptions = {
  transports: Transports;
  /** the clock (tests pass a fixed one) */
  now?: () => Date;
  leaseMs?: number;
  maxAttempts?: number;
  random?: () => number;
  /** at most this many messages per channel in one drain */
  batch?: number;
  /** where retries and failures are reported (masked recipient, never the text); default console.warn */
  log?: (line: string) => void;
};

export type DrainReport = { sent: number; retried: number; failed: number; expired: number };

/**
 * Sends what is due, channel by channel (SMS and e-mail side by side, so a silent SMTP server does not
 * hold back codes by SMS). Within a channel, one message at a time; after an attempt that will be
 * retried (gateway down, timeout), the channel stops for this round: the next message would most likely
 * meet the same outage, and waits untouched. The worker calls this every few seconds; tests call it directly.
 */
export async function drain(db: Db, options: DrainOptions): Promise<DrainReport> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.warn(line));
  const maxAttempts = options.maxAttempts ?? RETRY.maxAttempts;
  const report: DrainReport = { sent: 0, retried: 0, failed: 0, expired: 0 };
  if (!anythingDue(db, now())) return report;

  const swept = sweepQueue(db, now(), maxAttempts);
  report.expired = swept.expired;
  report.failed += swept.abandoned;

  async function drainChannel(channel: MessageChannel) {
    const transport = options.transports[channel];
    for (let i = 0; i < (options.batch ?? 200); i++) {
      const m = claimNext(db, channel, now(), { leaseMs: options.leaseMs ?? LEASE_MS, maxAttempts });
      if (!m) return;
      const result = await attempt(() => transport.deliver(outgoing(m), now()), m);
      const { outcome, retryAt } = recordAttempt(db, m, result, now(), { maxAttempts, random: options.random });
      const who = `message ${m.id} (${m.channel}, ${m.purpose}, ${maskRecipient(m.recipient)}, attempt ${m.attempts})`;
      if (outcome === 'sent') report.sent++;
      else if (outcome === 'failed') {
        report.failed++;
        log(`[baro] ${who} failed: ${errorOf(result, m)}`);
      } else if (outcome === 'retry') {
        report.retried++;
        log(`[baro] ${who} will be retried at ${retryAt!.toISOString()}: ${errorOf(result, m)}`);
        return;
      } else log(`[baro] ${who}: its lease ran out during the attempt; another sender has it`);
    }
  }

  await Promise.all(MESSAGE_CHANNELS.map(drainChannel));
  return report;
}

function outgoing(m: Message): OutgoingMessage {
  return { ref: m.ref, channel: m.channel, to: m.recipient, subject: m.subject, text: m.body ?? '', purpose: m.purpose, expiresAt: m.expiresAt };
}

/** A transport that throws (a bug, not an outage) still yields a result, and the message waits. */
async function attempt(deliver: () => Promise<DeliveryResult>, m: Message): Promise<DeliveryResult> {
  if (!m.body) return { ok: false, error: 'nothing to send (the text was erased)', permanent: true };
  try {
    return await deliver();
  } catch (e) {
    return { ok: false, error: `unexpected error in the transport: ${e instanceof Error ? e.name : 'error'}`, permanent: false };
  }
}

function errorOf(result: DeliveryResult, m: Message): string {
  return result.ok ? '' : safeError(result.error, m.body);
}

import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { messages, MESSAGE_CHANNELS, MESSAGE_PURPOSES, type MessageChannel, type MessagePurpose } from '@/db/schema';
import { normalizePhone } from '@/lib/accounts/phone';
import { invalid, type Failure } from '@/lib/errors';
import { parse } from '@/lib/validation';
import { checkLimits, MESSAGE_LIMITS, type SendLimit, type SendLimitName } from './limits';
import { messageQueued } from './wake';

/** A message to send: to a phone (channel 'sms') or a mailbox ('email', with a subject). */
export type MessageInput = {
  channel: MessageChannel;
  /** a phone number in any usual form (read as Malian without a country code), or an e-mail address */
  to: string;
  text: string;
  /** e-mail only (required there) */
  subject?: string;
  purpose: MessagePurpose;
  /** the account the message is about, if any: its sending limits apply */
  userId?: number | null;
  /** not worth sending after this instant (a code's expiry): dropped instead of delivered late */
  expiresAt?: Date | null;
};

export type QueuedMessage = { id: number; ref: string; status: 'queued' };

/** Refused by a sending limit: which one, and in how many seconds a message would be accepted. */
export type SendRateLimited = { ok: false; error: 'rate_limited'; retryAfterSeconds: number; limit: SendLimitName };

type Invalid = Extract<Failure, { error: 'invalid' }>;

/** A Result<QueuedMessage> whose rate_limited failure also names the limit. */
export type SendResult = { ok: true; value: QueuedMessage } | Invalid | SendRateLimited;

export type SendOptions = {
  now?: Date;
  /** default: MESSAGE_LIMITS[purpose] */
  limits?: readonly SendLimit[];
};

const SMS_MAX = 1000; // about 7 concatenated SMS in GSM-7: a message, not a letter
const EMAIL_MAX = 20_000;

const messageSchema = z
  .strictObject({
    channel: z.enum(MESSAGE_CHANNELS),
    to: z.string().trim().min(1, 'required').max(254, 'tooLong'),
    text: z.string().min(1, 'required').max(EMAIL_MAX, 'tooLong'),
    subject: z.string().trim().min(1, 'required').max(200, 'tooLong').optional(),
    purpose: z.enum(MESSAGE_PURPOSES),
    userId: z.number().int().positive().nullable().optional(),
    expiresAt: z.date().nullable().optional(),
  })
  .transform((v, ctx) => {
    const to = v.channel === 'sms' ? normalizePhone(v.to) : z.email().safeParse(v.to.toLowerCase()).data;
    if (!to) ctx.addIssue({ code: 'custom', path: ['to'], message: v.channel === 'sms' ? 'phoneInvalid' : 'emailInvalid' });
    if (v.channel === 'sms' && v.text.length > SMS_MAX) ctx.addIssue({ code: 'custom', path: ['text'], message: 'tooLong' });
    if (v.channel === 'email' && !v.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'required' });
    return { ...v, to: to ?? '' };
  });

/**
 * Queues a message inside the caller's transaction (open it with `{ behavior: 'immediate' }`: the
 * limits are read, then a row is written). Use it when the message belongs to a larger write, e.g.
 * registering an account and its first code: both happen, or neither. Nothing is sent here: the
 * worker (lib/messaging/worker.ts) delivers it once the transaction has committed.
 */
export function enqueueMessage(tx: Pick<Db, 'select' | 'insert'>, input: MessageInput, options: SendOptions = {}): SendResult {
  const now = options.now ?? new Date();
  const parsed = parse(messageSchema, input);
  if (!parsed.ok) return parsed as Invalid; // parse() fails only with 'invalid'
  const m = parsed.data;
  if (m.expiresAt && m.expiresAt.getTime() <= now.getTime()) return invalid({ expiresAt: 'dateInvalid' }) as Invalid;
  const userId = m.userId ?? null;

  const verdict = checkLimits(tx, options.limits ?? MESSAGE_LIMITS[m.purpose], { recipient: m.to, userId }, now);
  if (!verdict.ok) return { ok: false, error: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds, limit: verdict.limit };

  const at = now.toISOString();
  const row = tx
    .insert(messages)
    .values({
      ref: crypto.randomUUID(),
      channel: m.channel,
      recipient: m.to,
      subject: m.channel === 'email' ? m.subject! : null,
      body: m.text,
      purpose: m.purpose,
      userId,
      status: 'queued',
      nextTryAt: at,
      expiresAt: m.expiresAt ? m.expiresAt.toISOString() : null,
      createdAt: at,
    })
    .returning({ id: messages.id, ref: messages.ref })
    .get();
  messageQueued();
  return { ok: true, value: { id: row.id, ref: row.ref, status: 'queued' } };
}

/**
 * Queues one message in a transaction of its own: `send(message) → queued`. Returns at once; a
 * gateway outage never fails the caller (the message waits in the queue and is tried again).
 * Refused when a sending limit is reached: `{ ok: false, error: 'rate_limited', retryAfterSeconds, limit }`.
 */
export function sendMessage(db: Db, input: MessageInput, options: SendOptions = {}): SendResult {
  return db.transaction((tx) => enqueueMessage(tx, input, options), { behavior: 'immediate' });
}

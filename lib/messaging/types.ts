import type { MessageChannel, MessagePurpose } from '@/db/schema';

export type { MessageChannel, MessagePurpose, MessageStatus } from '@/db/schema';
export { MESSAGE_CHANNELS, MESSAGE_PURPOSES, MESSAGE_STATUSES } from '@/db/schema';

/** What a transport is handed: one message, to one recipient. */
export type OutgoingMessage = {
  /** Baro's id for the message: the gateway's idempotency key, the outbox line's "id" */
  ref: string;
  channel: MessageChannel;
  /** E.164 phone number, or lower-cased e-mail address */
  to: string;
  /** e-mail only */
  subject: string | null;
  text: string;
  purpose: MessagePurpose;
  /** not worth delivering after this instant (ISO), or null */
  expiresAt: string | null;
};

/**
 * The outcome of one delivery attempt. `permanent`: trying again would fail the same way (an invalid
 * number, a mailbox that does not exist); otherwise the message waits and is tried again later.
 * `error` is shown to admins: never put the message's text in it.
 */
export type DeliveryResult = { ok: true } | { ok: false; error: string; permanent: boolean };

/** An adapter that hands messages to the outside world (a file, an SMS gateway, an SMTP server). */
export interface Transport {
  /** for logs and the admin page: "file", "sms-gate", "smtp" */
  readonly name: string;
  deliver(message: OutgoingMessage, now: Date): Promise<DeliveryResult>;
}

export type Transports = Record<MessageChannel, Transport>;

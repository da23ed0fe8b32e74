import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, type MessagePurpose } from '@/db/schema';

/**
 * The code in the last message queued to this phone (E.164) or address for this purpose, read from
 * the queue as the worker would send it (the text is there until the message is sent). null: none.
 */
export function lastCodeSent(db: Db, to: string, purpose: MessagePurpose): string | null {
  const row = db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.recipient, to), eq(messages.purpose, purpose)))
    .orderBy(desc(messages.id))
    .get();
  return row?.body?.match(/\b(\d{6})\b/)?.[1] ?? null;
}

/** How many messages of this purpose were queued to this phone or address. */
export function messagesTo(db: Db, to: string, purpose?: MessagePurpose) {
  return db
    .select()
    .from(messages)
    .where(purpose ? and(eq(messages.recipient, to), eq(messages.purpose, purpose)) : eq(messages.recipient, to))
    .orderBy(messages.id)
    .all();
}

/** A code that is not `code` (for wrong tries). */
export const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

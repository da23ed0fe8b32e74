import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { messages, MESSAGE_STATUSES, type MessageChannel, type MessagePurpose, type MessageStatus } from '@/db/schema';
import { can, type Actor } from '@/lib/permissions';
import { maskRecipient } from './mask';

/** One line of the admin's message list: no text, no subject, the recipient masked. */
export type MessageLogRow = {
  id: number;
  channel: MessageChannel;
  recipient: string;
  purpose: MessagePurpose;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** when a waiting message will be tried again */
  nextTryAt: string | null;
};

export type MessageLog = {
  rows: MessageLogRow[];
  /** every message in the table, by status */
  counts: Record<MessageStatus, number>;
  filter: { status: MessageStatus | null; before: number | null };
  /** the `before` of the next (older) page, or null on the last page */
  older: number | null;
};

export const MESSAGE_LOG_PAGE = 50;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const filterSchema = z.object({
  status: z.enum(MESSAGE_STATUSES).nullable().catch(null),
  before: z.coerce.number().int().positive().nullable().catch(null),
});

/**
 * The admin page /admin/messages: recent messages, newest first, optionally of one status, 50 a page
 * (`?before=<id>` for older ones). Admins only (`messages.viewStatus`). A bad filter reads as no filter.
 */
export function loadMessageLog(
  actor: Actor | null,
  params: Record<string, unknown>,
  db: Db = getDb(),
): { ok: true; value: MessageLog } | { ok: false; error: 'forbidden' } {
  if (!can(actor, 'messages.viewStatus', undefined)) return { ok: false, error: 'forbidden' };
  const filter = filterSchema.parse({ status: one(params.status) || null, before: one(params.before) || null });

  const where: SQL[] = [];
  if (filter.status) where.push(eq(messages.status, filter.status));
  if (filter.before) where.push(lt(messages.id, filter.before));
  const found = db
    .select({
      id: messages.id,
      channel: messages.channel,
      recipient: messages.recipient,
      purpose: messages.purpose,
      status: messages.status,
      attempts: messages.attempts,
      lastError: messages.lastError,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
      nextTryAt: messages.nextTryAt,
    })
    .from(messages)
    .where(and(...where))
    .orderBy(desc(messages.id))
    .limit(MESSAGE_LOG_PAGE + 1)
    .all();
  const page = found.slice(0, MESSAGE_LOG_PAGE);

  const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>;
  for (const c of db.select({ status: messages.status, n: sql<number>`count(*)` }).from(messages).groupBy(messages.status).all()) {
    counts[c.status] = c.n;
  }

  return {
    ok: true,
    value: {
      rows: page.map((r) => ({
        ...r,
        recipient: maskRecipient(r.recipient),
        nextTryAt: r.status === 'queued' ? r.nextTryAt : null,
      })),
      counts,
      filter,
      older: found.length > MESSAGE_LOG_PAGE ? page[page.length - 1]!.id : null,
    },
  };
}

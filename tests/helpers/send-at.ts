import type { Db } from '@/db/client';
import { sendMessage, type MessageInput } from '@/lib/messaging/send-message';

/** sendMessage in the (db, actor, input, now) shape that tests/helpers/at-once.ts calls. */
export function sendAt(db: Db, _actor: unknown, input: MessageInput, now: Date) {
  return sendMessage(db, input, { now });
}

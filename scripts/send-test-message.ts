/**
 * npm run messages:test -- <phone or e-mail> [--now]
 *
 * Queues a test message to check the SMS gateway or the mail server after setting them up
 * (docs/operations.md). The running server's worker sends it within seconds; with --now this script
 * sends what is due itself (useful while the server is stopped) and prints what became of the message.
 */
import { eq } from 'drizzle-orm';
import { defaultDatabasePath, openDatabase } from '../db/client';
import { messages } from '../db/schema';
import { env } from '../lib/env';
import { drain } from '../lib/messaging/drain';
import { maskRecipient } from '../lib/messaging/mask';
import { sendMessage } from '../lib/messaging/send-message';
import { composeTestMessage } from '../lib/messaging/templates';
import { describeTransports, transportsFromEnv } from '../lib/messaging/transports';

async function main() {
  const args = process.argv.slice(2);
  const now = args.includes('--now');
  const to = args.find((a) => !a.startsWith('--'));
  if (!to) {
    console.error('usage: npm run messages:test -- <phone or e-mail> [--now]');
    process.exit(2);
  }
  const e = env();
  const db = openDatabase(defaultDatabasePath());
  const channel = to.includes('@') ? 'email' : 'sms';
  const r = sendMessage(db, await composeTestMessage({ channel, to }, db));
  if (!r.ok) {
    console.error(r.error === 'rate_limited' ? `refused: limit ${r.limit}, try again in ${r.retryAfterSeconds} s` : `refused: ${JSON.stringify(r.fieldErrors)}`);
    process.exit(1);
  }
  console.log(`[baro] queued message ${r.value.id} (${r.value.ref}) to ${to}; ${describeTransports(e)}`);
  if (!now) {
    console.log('[baro] the running server sends it within seconds: see /admin/messages (or add --now)');
    return;
  }
  await drain(db, { transports: transportsFromEnv(e) });
  const m = db.select().from(messages).where(eq(messages.id, r.value.id)).get()!;
  console.log(`[baro] message ${m.id} to ${maskRecipient(m.recipient)}: ${m.status} after ${m.attempts} attempt(s)${m.lastError ? `; last error: ${m.lastError}` : ''}`);
  db.$client.close();
  if (m.status !== 'sent') process.exit(1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

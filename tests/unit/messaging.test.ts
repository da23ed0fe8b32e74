import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { maskRecipient } from '@/lib/messaging/mask';
import { backoffSeconds, RETRY, safeError } from '@/lib/messaging/queue';
import { classifyStatus, smsGateRequest } from '@/lib/messaging/transports/sms-gate';
import { can, type Actor } from '@/lib/permissions';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

describe('recipients as admins and logs see them', () => {
  it.each([
    ['+22376123401', '+223 76 •• •• 01'],
    ['+22366998877', '+223 66 •• •• 77'],
    ['+33612345678', '+33 6 1• •• •• 78'],
    ['awa.traore@exemple.ml', 'a•••@exemple.ml'],
    ['a@exemple.ml', '•••@exemple.ml'],
  ])('%s → %s', (recipient, masked) => {
    expect(maskRecipient(recipient)).toBe(masked);
  });
});

describe('waiting between attempts', () => {
  it('doubles from 30 s up to an hour, between half and all of the delay', () => {
    for (let attempts = 1; attempts <= RETRY.maxAttempts; attempts++) {
      const full = Math.min(3600, 30 * 2 ** (attempts - 1));
      expect(backoffSeconds(attempts, () => 0)).toBe(full / 2);
      expect(backoffSeconds(attempts, () => 0.999999)).toBeCloseTo(full, 2);
    }
    expect(backoffSeconds(1, () => 0.5)).toBe(22.5);
    expect(backoffSeconds(20, () => 0)).toBe(1800);
  });

  it('ten attempts cover an outage of one and a half to three hours', () => {
    const total = (r: number) => Array.from({ length: RETRY.maxAttempts - 1 }, (_, i) => backoffSeconds(i + 1, () => r)).reduce((a, b) => a + b, 0);
    expect(total(0) / 3600).toBeGreaterThan(1.5);
    expect(total(0.999999) / 3600).toBeLessThan(3.1);
  });
});

describe('errors never carry a code', () => {
  it('removes the text and every run of 4 digits or more', () => {
    expect(safeError('could not send "Votre code est 482913."', 'Votre code est 482913.')).toBe('could not send "[text]"');
    expect(safeError('rejected 482913 for +22376123401', null)).toBe('rejected •••••• for +•••••••••••');
    expect(safeError('HTTP 500: internal', null)).toBe('HTTP 500: internal');
    expect(safeError('x'.repeat(400), null)).toHaveLength(300);
  });
});

describe('SMS Gateway for Android: the documented request', () => {
  const base = { ref: '0b8f5b0e-1c1e-4c59-9a43-6d7f2f0c3a11', channel: 'sms' as const, to: '+22376123401', subject: null, text: 'Baro : code 123456', expiresAt: null };
  it('a code: id, textMessage.text, phoneNumbers, delivery report, priority 100, ttl until it expires', () => {
    const now = new Date('2027-03-10T08:00:00.000Z');
    expect(smsGateRequest({ ...base, purpose: 'verification', expiresAt: '2027-03-10T08:10:00.000Z' }, now)).toEqual({
      id: base.ref,
      textMessage: { text: 'Baro : code 123456' },
      phoneNumbers: ['+22376123401'],
      withDeliveryReport: true,
      priority: 100,
      ttl: 600,
    });
    expect(smsGateRequest({ ...base, purpose: 'notification' }, now)).toEqual({
      id: base.ref,
      textMessage: { text: 'Baro : code 123456' },
      phoneNumbers: ['+22376123401'],
      withDeliveryReport: true,
      priority: 0,
    });
    expect(base.ref.length).toBeLessThanOrEqual(36); // the gateway's limit for an id
  });

  it.each([
    [202, 'sent'],
    [200, 'sent'],
    [409, 'sent'],
    [400, 'permanent'],
    [413, 'permanent'],
    [401, 'retry'],
    [403, 'retry'],
    [404, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ] as const)('HTTP %i → %s', (status, verdict) => {
    expect(classifyStatus(status)).toBe(verdict);
  });
});

describe('settings (lib/env.ts)', () => {
  const base = { AUTH_SECRET: 'x'.repeat(32) };
  it('defaults: SMS and e-mail to data/outbox.jsonl', () => {
    expect(parseEnv(base)).toMatchObject({ SMS_TRANSPORT: 'file', EMAIL_TRANSPORT: 'file', SMS_HTTP_TIMEOUT_MS: 15000 });
  });

  it('an SMS gateway without its address or credentials fails, naming each missing setting', () => {
    expect(() => parseEnv({ ...base, SMS_TRANSPORT: 'http' })).toThrow(
      /SMS_HTTP_URL: required when SMS_TRANSPORT=http\n {2}SMS_HTTP_USERNAME: required when SMS_TRANSPORT=http\n {2}SMS_HTTP_PASSWORD: required/,
    );
    expect(() => parseEnv({ ...base, SMS_TRANSPORT: 'http', SMS_HTTP_URL: 'ftp://phone', SMS_HTTP_USERNAME: 'u', SMS_HTTP_PASSWORD: 'p' })).toThrow(/SMS_HTTP_URL: must be an http/);
    expect(() => parseEnv({ ...base, SMS_TRANSPORT: 'http', SMS_HTTP_URL: 'http://sms:secret@192.168.1.20:8080/message', SMS_HTTP_USERNAME: 'u', SMS_HTTP_PASSWORD: 'p' })).toThrow(
      /SMS_HTTP_URL: put the credentials in SMS_HTTP_USERNAME/,
    );
    expect(parseEnv({ ...base, SMS_TRANSPORT: 'http', SMS_HTTP_URL: 'http://192.168.1.20:8080/message', SMS_HTTP_USERNAME: 'sms', SMS_HTTP_PASSWORD: 'secret' })).toMatchObject({
      SMS_TRANSPORT: 'http',
      SMS_HTTP_URL: 'http://192.168.1.20:8080/message',
    });
  });

  it('SMTP without its address or sender fails; a misspelt transport fails', () => {
    expect(() => parseEnv({ ...base, EMAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL: required when EMAIL_TRANSPORT=smtp\n {2}EMAIL_FROM: required/);
    expect(() => parseEnv({ ...base, EMAIL_TRANSPORT: 'smtp', SMTP_URL: 'mail.example.ml', EMAIL_FROM: 'Baro <no-reply@baro.ml>' })).toThrow(/SMTP_URL: must look like/);
    expect(() => parseEnv({ ...base, EMAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://u:p@mail.example.ml:587', EMAIL_FROM: 'Baro' })).toThrow(/EMAIL_FROM: must be an address/);
    expect(() => parseEnv({ ...base, SMS_TRANSPORT: 'sms-gate' })).toThrow(/SMS_TRANSPORT/);
    expect(parseEnv({ ...base, EMAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtps://u:p@mail.example.ml:465', EMAIL_FROM: 'Baro <no-reply@baro.kayes.ml>' }).EMAIL_TRANSPORT).toBe('smtp');
  });
});

describe('texts sent by SMS', () => {
  // GSM 03.38 basic set: one SMS holds 160 of these; any other character (’, ê, ç…) makes it 70.
  const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;
  const values = { code: '123456', minutes: 15 };
  for (const [locale, messages] of [['fr', fr], ['en', en]] as const) {
    const t = createTranslator({ locale, messages, namespace: 'Messaging' });
    for (const key of Object.keys(messages.Messaging).filter((k) => k.endsWith('Sms'))) {
      it(`${locale} ${key}: one SMS of GSM-7 characters`, () => {
        const text = t(key as 'verificationSms', values);
        expect(text).toMatch(GSM7);
        expect(text.length).toBeLessThanOrEqual(160);
        if (key.startsWith('verification') || key.startsWith('recovery')) expect(text).toContain('123456');
      });
    }
  }
});

describe('who sees the delivery status', () => {
  const actor = (role: 'admin' | 'moderator' | 'official' | null, suspended = false): Actor => ({
    id: 1,
    communeId: 1,
    suspended,
    verified: true,
    grants: role ? [{ role, communeId: role === 'moderator' ? null : 1, spaceId: null }] : [],
  });
  it('admins only, and not while suspended', () => {
    expect(can(actor('admin'), 'messages.viewStatus', undefined)).toBe(true);
    expect(can(actor('admin', true), 'messages.viewStatus', undefined)).toBe(false);
    for (const role of ['moderator', 'official', null] as const) expect(can(actor(role), 'messages.viewStatus', undefined)).toBe(false);
    expect(can(null, 'messages.viewStatus', undefined)).toBe(false);
  });
});

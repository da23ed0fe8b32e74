import { createTranslator } from 'next-intl';
import type { Db } from '@/db/client';
import { preferredLocale } from '@/lib/i18n/config';
import { installIntlFallback } from '@/lib/i18n/intl-fallback';
import { loadMessages } from '@/lib/i18n/messages';
import { liveMessages } from '@/lib/translations/live';
import type { MessageChannel } from './types';
import { sendMessage, type MessageInput, type SendOptions, type SendResult } from './send-message';

/**
 * The texts Baro sends, in the person's language: with the database, what translators approved in the
 * app too (lib/translations/live.ts); French key by key where nothing is translated yet.
 */
async function translator(language: string | null | undefined, db?: Db) {
  installIntlFallback();
  const locale = preferredLocale(language);
  return createTranslator({ locale, messages: db ? await liveMessages(db, locale) : await loadMessages(locale), namespace: 'Messaging' });
}

type Addressed = {
  channel: MessageChannel;
  /** a phone number (channel 'sms') or an e-mail address ('email') */
  to: string;
  /** the account concerned, or null (its per-account limits then do not apply) */
  userId: number | null;
  /** the person's preferred language (users.language) */
  language?: string | null;
};

export type CodeMessage = Addressed & {
  purpose: 'verification' | 'recovery';
  /** the code in clear: it exists only in this message's text, erased from the queue once sent */
  code: string;
  /** how long the code is valid: the message is not sent after that */
  validMinutes: number;
};

/** A verification or recovery code, by SMS or e-mail, that expires with the code. */
export async function composeCodeMessage(m: CodeMessage, now: Date = new Date(), db?: Db): Promise<MessageInput> {
  if (!/^[0-9A-Z-]{4,12}$/.test(m.code)) throw new TypeError('composeCodeMessage: a code is 4 to 12 digits or capitals');
  const t = await translator(m.language, db);
  const values = { code: m.code, minutes: m.validMinutes };
  return {
    channel: m.channel,
    to: m.to,
    purpose: m.purpose,
    userId: m.userId,
    expiresAt: new Date(now.getTime() + m.validMinutes * 60_000),
    ...(m.channel === 'sms'
      ? { text: t(`${m.purpose}Sms`, values) }
      : { subject: t(`${m.purpose}Subject`), text: t(`${m.purpose}Email`, values) }),
  };
}

export type SecurityAlert = Addressed &
  (
    | { kind: 'password_changed' }
    | { kind: 'account_locked'; /** how long sign-in stays locked */ minutes: number }
    /** access reset in person (a connected space or an admin checked an identity document) */
    | { kind: 'access_reset' }
  );

const ALERT_KEY = { password_changed: 'passwordChanged', account_locked: 'accountLocked', access_reset: 'accessReset' } as const;

/** "Your password was changed", "your account is locked": to the owner, whoever caused it. */
export async function composeSecurityAlert(a: SecurityAlert, db?: Db): Promise<MessageInput> {
  const t = await translator(a.language, db);
  const key = ALERT_KEY[a.kind];
  const values = { minutes: a.kind === 'account_locked' ? a.minutes : 0 };
  return {
    channel: a.channel,
    to: a.to,
    purpose: 'security',
    userId: a.userId,
    ...(a.channel === 'sms' ? { text: t(`${key}Sms`, values) } : { subject: t(`${key}Subject`), text: t(`${key}Email`, values) }),
  };
}

/** The operator's test message (npm run messages:test). */
export async function composeTestMessage(a: Omit<Addressed, 'userId'>, db?: Db): Promise<MessageInput> {
  const t = await translator(a.language, db);
  return {
    channel: a.channel,
    to: a.to,
    purpose: 'notification',
    userId: null,
    ...(a.channel === 'sms' ? { text: t('testSms') } : { subject: t('testSubject'), text: t('testEmail') }),
  };
}

/** Queues a code (own transaction). Inside a larger write: enqueueMessage(tx, await composeCodeMessage(…)). */
export async function sendCode(db: Db, m: CodeMessage, options: SendOptions = {}): Promise<SendResult> {
  return sendMessage(db, await composeCodeMessage(m, options.now, db), options);
}

/** Queues a security alert (own transaction). */
export async function sendSecurityAlert(db: Db, a: SecurityAlert, options: SendOptions = {}): Promise<SendResult> {
  return sendMessage(db, await composeSecurityAlert(a, db), options);
}

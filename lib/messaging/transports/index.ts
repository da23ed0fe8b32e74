import path from 'node:path';
import type { Env } from '@/lib/env';
import type { Transports } from '../types';
import { defaultOutboxPath, fileTransport } from './file';
import { smsGateTransport } from './sms-gate';
import { smtpTransport } from './smtp';

export { fileTransport, defaultOutboxPath } from './file';
export { smsGateTransport } from './sms-gate';
export { smtpTransport } from './smtp';

/** The outbox file the settings point at (OUTBOX_PATH, relative to the project, or data/outbox.jsonl). */
export function outboxPath(e: Pick<Env, 'OUTBOX_PATH'>, cwd = process.cwd()): string {
  return e.OUTBOX_PATH ? path.resolve(cwd, e.OUTBOX_PATH) : defaultOutboxPath(cwd);
}

/** The transports chosen by SMS_TRANSPORT and EMAIL_TRANSPORT (lib/env.ts has checked their settings). */
export function transportsFromEnv(e: Env): Transports {
  const file = fileTransport(outboxPath(e));
  return {
    sms:
      e.SMS_TRANSPORT === 'http'
        ? smsGateTransport({ url: e.SMS_HTTP_URL!, username: e.SMS_HTTP_USERNAME!, password: e.SMS_HTTP_PASSWORD!, timeoutMs: e.SMS_HTTP_TIMEOUT_MS })
        : file,
    email: e.EMAIL_TRANSPORT === 'smtp' ? smtpTransport({ url: e.SMTP_URL!, from: e.EMAIL_FROM! }) : file,
  };
}

/** One line for the server log: where messages go (never a password). */
export function describeTransports(e: Env): string {
  const sms = e.SMS_TRANSPORT === 'http' ? `SMS gateway ${new URL(e.SMS_HTTP_URL!).origin}` : `file ${outboxPath(e)}`;
  const email = e.EMAIL_TRANSPORT === 'smtp' ? `SMTP ${new URL(e.SMTP_URL!).host}` : `file ${outboxPath(e)}`;
  return `SMS → ${sms}; e-mail → ${email}`;
}

import nodemailer, { type SMTPTransportOptions } from 'nodemailer';
import type { DeliveryResult, OutgoingMessage, Transport } from '../types';

export type SmtpConfig = {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://user:password@host:465 */
  url: string;
  /** "Baro <no-reply@baro.kayes.ml>" */
  from: string;
  /** extra nodemailer options (the tests use them to reach a local server without TLS) */
  options?: SMTPTransportOptions;
};

/**
 * E-mail through nodemailer. Timeouts are short so a silent server cannot hold a message past its
 * lease (lib/messaging/queue.ts): a timeout is an attempt like any other, tried again later.
 */
export function smtpTransport(config: SmtpConfig): Transport {
  const mailer = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    dnsTimeout: 15_000,
    ...config.options,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'baro.invalid';
  return {
    name: 'smtp',
    async deliver(m: OutgoingMessage): Promise<DeliveryResult> {
      try {
        await mailer.sendMail({
          from: config.from,
          to: m.to,
          subject: m.subject ?? '',
          text: m.text,
          // The same Message-ID on every attempt, so a mailbox can tell a retried message from a new one.
          messageId: `<${m.ref}@${domain}>`,
        });
        return { ok: true };
      } catch (e) {
        const err = e as { code?: string; responseCode?: number; permanent?: boolean; message?: string };
        const what = err.responseCode ? `SMTP ${err.responseCode}` : (err.code ?? 'SMTP error');
        // nodemailer 10 sets `permanent` from the reply class (5xx but 503). Only a refusal of the message
        // or its recipient is for good; a refused login (535) is a setting to fix, and the mail waits.
        const aboutTheMessage = err.code === 'EENVELOPE' || err.code === 'EMESSAGE';
        return { ok: false, error: `${what}: ${firstLine(err.message)}`, permanent: err.permanent === true && aboutTheMessage };
      }
    },
  };
}

function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n')[0]!.slice(0, 160);
}

import fs from 'node:fs';
import path from 'node:path';
import type { DeliveryResult, OutgoingMessage, Transport } from '../types';

/** The default outbox: data/outbox.jsonl in the project (the acceptance checks read it there). */
export function defaultOutboxPath(cwd = process.cwd()): string {
  return path.join(cwd, 'data', 'outbox.jsonl');
}

/** One line of the outbox. */
export type OutboxLine = {
  id: string;
  at: string;
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  purpose: string;
};

/**
 * Appends each message as one JSON object a line, for the demo, the tests and a server with no
 * gateway yet. The file holds codes in clear: it is created readable by its owner only.
 * One appendFileSync per message: with O_APPEND, lines from several processes never interleave.
 */
export function fileTransport(file: string = defaultOutboxPath()): Transport {
  const target = path.resolve(file);
  return {
    name: 'file',
    async deliver(m: OutgoingMessage, now: Date): Promise<DeliveryResult> {
      const line: OutboxLine = {
        id: m.ref,
        at: now.toISOString(),
        channel: m.channel,
        to: m.to,
        ...(m.channel === 'email' ? { subject: m.subject ?? '' } : {}),
        text: m.text,
        purpose: m.purpose,
      };
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.appendFileSync(target, JSON.stringify(line) + '\n', { mode: 0o600 });
        return { ok: true };
      } catch (e) {
        // A full disk or a read-only folder is not the message's fault: try again later.
        const code = (e as NodeJS.ErrnoException).code ?? 'error';
        return { ok: false, error: `outbox file: ${code}`, permanent: false };
      }
    },
  };
}

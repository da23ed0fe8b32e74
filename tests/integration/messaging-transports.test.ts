import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { drain } from '@/lib/messaging/drain';
import { sendMessage, type MessageInput } from '@/lib/messaging/send-message';
import { composeCodeMessage } from '@/lib/messaging/templates';
import { defaultOutboxPath, fileTransport, outboxPath, smtpTransport, transportsFromEnv } from '@/lib/messaging/transports';
import { parseEnv } from '@/lib/env';
import type { Transports } from '@/lib/messaging/types';
import { makeTestDb, type TestDb } from '../helpers/db';

const T0 = new Date('2027-03-10T08:00:00.000Z');
let t: TestDb;
let dir: string;
beforeEach(() => {
  t = makeTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-transports-'));
});
afterEach(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function queue(input: MessageInput, now = T0) {
  const r = sendMessage(t.db, input, { now, limits: [] });
  if (!r.ok) throw new Error(`not queued: ${JSON.stringify(r)}`);
  return r.value;
}
const row = (id: number) => t.db.select().from(messages).where(eq(messages.id, id)).get()!;

describe('the file adapter (default for npm start and the tests)', () => {
  it('appends one JSON object a line with id, at, channel, to, (subject,) text and purpose', async () => {
    const outbox = path.join(dir, 'data', 'outbox.jsonl'); // its folder does not exist yet
    const file = fileTransport(outbox);
    const transports: Transports = { sms: file, email: file };
    const code = queue(await composeCodeMessage({ purpose: 'verification', channel: 'sms', to: '+223 76 12 34 01', code: '204816', userId: null, validMinutes: 10 }, T0), T0);
    const mail = queue({ channel: 'email', to: 'Awa.Traore@Exemple.ML', subject: 'Votre code', text: 'Code : 733190', purpose: 'recovery' });
    const sentAt = new Date('2027-03-10T08:00:05.000Z');
    await drain(t.db, { transports, now: () => sentAt, log: () => {} });

    const raw = fs.readFileSync(outbox, 'utf8');
    expect(raw.endsWith('\n')).toBe(true);
    const lines = raw.trimEnd().split('\n').map((l) => JSON.parse(l));
    const bySms = lines.find((l) => l.channel === 'sms');
    const byMail = lines.find((l) => l.channel === 'email');
    expect(Object.keys(bySms)).toEqual(['id', 'at', 'channel', 'to', 'text', 'purpose']);
    expect(bySms).toEqual({
      id: code.ref,
      at: '2027-03-10T08:00:05.000Z',
      channel: 'sms',
      to: '+22376123401',
      text: 'Baro : votre code de vérification est 204816. Il expire dans 10 min. Ne le donnez à personne.',
      purpose: 'verification',
    });
    expect(Object.keys(byMail)).toEqual(['id', 'at', 'channel', 'to', 'subject', 'text', 'purpose']);
    expect(byMail).toEqual({ id: mail.ref, at: '2027-03-10T08:00:05.000Z', channel: 'email', to: 'awa.traore@exemple.ml', subject: 'Votre code', text: 'Code : 733190', purpose: 'recovery' });
    expect(lines).toHaveLength(2);
    // Codes in clear: readable by the server's user only.
    expect(fs.statSync(outbox).mode & 0o777).toBe(0o600);
    expect(row(code.id)).toMatchObject({ status: 'sent', body: null });
  });

  it('writes to data/outbox.jsonl in the project unless OUTBOX_PATH says otherwise', () => {
    const base = { AUTH_SECRET: 'x'.repeat(32) };
    expect(defaultOutboxPath('/srv/baro')).toBe('/srv/baro/data/outbox.jsonl');
    expect(outboxPath(parseEnv(base), '/srv/baro')).toBe('/srv/baro/data/outbox.jsonl');
    expect(outboxPath(parseEnv({ ...base, OUTBOX_PATH: 'var/out.jsonl' }), '/srv/baro')).toBe('/srv/baro/var/out.jsonl');
    expect(outboxPath(parseEnv({ ...base, OUTBOX_PATH: '/tmp/o.jsonl' }), '/srv/baro')).toBe('/tmp/o.jsonl');
    const e = parseEnv(base);
    expect(transportsFromEnv(e).sms.name).toBe('file');
    expect(transportsFromEnv(e).email.name).toBe('file');
  });

  it('a folder it cannot write to keeps the message waiting', async () => {
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    const file = fileTransport(path.join(blocked, 'outbox.jsonl'));
    const m = queue({ channel: 'sms', to: '76000001', text: 'Bonjour', purpose: 'notification' });
    await drain(t.db, { transports: { sms: file, email: file }, now: () => T0, log: () => {} });
    expect(row(m.id)).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/^outbox file: (EEXIST|ENOTDIR)$/) });
  });
});

describe('the SMTP adapter, against a real SMTP server on 127.0.0.1', () => {
  type Received = { from: string; to: string[]; raw: string };
  let server: SMTPServer;
  let port: number;
  let received: Received[];
  let busyOnce: Set<string>;

  beforeEach(async () => {
    received = [];
    busyOnce = new Set(['busy@exemple.ml']);
    server = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, cb) {
        if (auth.username === 'baro' && auth.password === 'mail-secret') cb(null, { user: 'baro' });
        else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, cb) {
        if (address.address === 'nobody@exemple.ml') return cb(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        if (busyOnce.delete(address.address)) return cb(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        cb();
      },
      onData(stream, session, cb) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.server.address() as AddressInfo).port;
  });
  afterEach(() => new Promise<void>((r) => server.close(() => r())));

  function transports(password = 'mail-secret'): Transports {
    return {
      sms: fileTransport(path.join(dir, 'outbox.jsonl')),
      email: smtpTransport({ url: `smtp://baro:${password}@127.0.0.1:${port}`, from: 'Baro <no-reply@baro.kayes.ml>' }),
    };
  }
  const drainAt = (now: Date, password?: string) => drain(t.db, { transports: transports(password), now: () => now, log: () => {} });

  it('sends an e-mail code: sender, recipient, subject, text and a Message-ID made of the message id', async () => {
    const m = queue(await composeCodeMessage({ purpose: 'recovery', channel: 'email', to: 'awa@exemple.ml', code: '591204', userId: null, validMinutes: 15 }, T0), T0);
    expect(await drainAt(T0)).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.from).toBe('no-reply@baro.kayes.ml');
    expect(mail.to).toEqual(['awa@exemple.ml']);
    expect(mail.raw).toMatch(/^From: Baro <no-reply@baro\.kayes\.ml>$/m);
    expect(mail.raw).toMatch(/^To: awa@exemple\.ml$/m);
    expect(mail.raw).toMatch(new RegExp(`^Message-ID: <${m.ref}@baro\\.kayes\\.ml>$`, 'm'));
    expect(mail.raw).toMatch(/^Subject: Changer votre mot de passe Baro$/m);
    expect(mail.raw).toContain('591204');
    expect(row(m.id)).toMatchObject({ status: 'sent', attempts: 1, body: null, subject: null });
  });

  it('a mailbox the server refuses for good (550) fails at once', async () => {
    const m = queue({ channel: 'email', to: 'nobody@exemple.ml', subject: 'Essai', text: 'Bonjour', purpose: 'notification' });
    expect(await drainAt(T0)).toMatchObject({ failed: 1 });
    expect(row(m.id)).toMatchObject({ status: 'failed', attempts: 1, body: null });
    expect(row(m.id).lastError).toMatch(/^SMTP 550: .*No such mailbox/);
    expect(received).toEqual([]);
  });

  it('a temporary refusal (451) is tried again and delivered once', async () => {
    const m = queue({ channel: 'email', to: 'busy@exemple.ml', subject: 'Essai', text: 'Bonjour', purpose: 'notification' });
    expect(await drainAt(T0)).toMatchObject({ retried: 1 });
    expect(row(m.id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row(m.id).lastError).toMatch(/^SMTP 451: .*Mailbox busy/);
    expect(await drainAt(new Date(Date.parse(row(m.id).nextTryAt) + 1000))).toMatchObject({ sent: 1 });
    expect(row(m.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received).toHaveLength(1);
  });

  it('wrong SMTP credentials keep the mail waiting until they are fixed', async () => {
    const m = queue({ channel: 'email', to: 'awa@exemple.ml', subject: 'Essai', text: 'Bonjour', purpose: 'notification' });
    await drainAt(T0, 'wrong-secret');
    expect(row(m.id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row(m.id).lastError).toMatch(/^SMTP 535/);
    await drainAt(new Date(Date.parse(row(m.id).nextTryAt) + 1000));
    expect(row(m.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a server that is gone keeps the mail waiting', async () => {
    const m = queue({ channel: 'email', to: 'awa@exemple.ml', subject: 'Essai', text: 'Bonjour', purpose: 'notification' });
    await new Promise<void>((r) => server.close(() => r()));
    await drainAt(T0);
    expect(row(m.id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row(m.id).lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  });
});

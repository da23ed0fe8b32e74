import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for SMS Gateway for Android's local server (sms-gate.app), on 127.0.0.1: POST /message with
 * Basic auth and the documented JSON body, 202 with the message state, 409 for an id it already has.
 * Its `mode` makes it misbehave like a real phone on a commune's Wi-Fi: answer 500, accept nothing and
 * never answer, accept the message and never answer (the answer is lost), or be gone (`down()`:
 * connections refused) until `up()`.
 */
export type GatewayMode = 'ok' | 'error500' | 'hang' | 'acceptThenHang' | 'echoError';

export type Delivered = { id: string; phone: string; text: string; priority: number; ttl?: number };

export type FakeGateway = {
  url: string;
  username: string;
  password: string;
  mode: GatewayMode;
  /** every message the phone would send, in order: an id appears once if nothing was sent twice */
  delivered: Delivered[];
  /** POST requests received (any answer) */
  requests: number;
  /** answers 409 given (a retry of a message it already had) */
  duplicates: number;
  /** milliseconds before answering (to interleave concurrent senders) */
  delayMs: number;
  /** numbers it refuses as invalid (400) */
  refused: Set<string>;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
};

export async function startFakeGateway(): Promise<FakeGateway> {
  const username = 'baro';
  const password = 'gw-pass-1234';
  const expected = 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
  const known = new Set<string>();
  let port = 0;

  const gw: FakeGateway = {
    url: '',
    username,
    password,
    mode: 'ok',
    delivered: [],
    requests: 0,
    duplicates: 0,
    delayMs: 0,
    refused: new Set(),
    down: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      // Let the client notice that its kept-alive connections are gone, as it would during a real outage.
      await new Promise((r) => setTimeout(r, 50));
    },
    up: () => new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r())),
    close: async () => {
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    },
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      if (gw.delayMs) await new Promise((r) => setTimeout(r, gw.delayMs));
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/message') return answer(404, { message: 'not found' });
      gw.requests++;
      if (req.headers.authorization !== expected) return answer(401, { code: 401, message: 'Unauthorized' });
      if (gw.mode === 'hang') return; // never answers, accepts nothing
      if (gw.mode === 'error500') return answer(500, { code: 500, message: 'internal server error' });
      let body: { id?: unknown; textMessage?: { text?: unknown }; phoneNumbers?: unknown; priority?: unknown; ttl?: unknown };
      try {
        body = JSON.parse(raw);
      } catch {
        return answer(400, { code: 400, message: 'invalid JSON' });
      }
      const phones = body.phoneNumbers;
      const text = body.textMessage?.text;
      const id = body.id;
      const valid =
        typeof id === 'string' && id.length <= 36 &&
        typeof text === 'string' && text.length > 0 &&
        Array.isArray(phones) && phones.length >= 1 && phones.every((p) => typeof p === 'string' && /^\+[1-9]\d{7,14}$/.test(p));
      if (!valid || gw.refused.has(phones[0])) return answer(400, { code: 400, message: 'invalid phone number' });
      if (gw.mode === 'echoError') return answer(500, { code: 500, message: `could not send "${text}"` });
      if (known.has(id)) {
        gw.duplicates++;
        return answer(409, { code: 409, message: 'Message with such ID already exists' });
      }
      known.add(id);
      gw.delivered.push({ id, phone: phones[0], text, priority: Number(body.priority ?? 0), ...(typeof body.ttl === 'number' ? { ttl: body.ttl } : {}) });
      if (gw.mode === 'acceptThenHang') return; // queued on the phone, but the answer never comes back
      answer(202, { id, state: 'Pending', recipients: phones.map((p: string) => ({ phoneNumber: p, state: 'Pending' })) });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
  gw.url = `http://127.0.0.1:${port}/message`;
  return gw;
}

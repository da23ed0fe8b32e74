import type { DeliveryResult, OutgoingMessage, Transport } from '../types';

export type SmsGateConfig = {
  /**
   * The send endpoint. An Android phone running SMS Gateway for Android on the commune's LAN:
   * http://<phone address>:8080/message; its public cloud relay: https://api.sms-gate.app/3rdparty/v1/messages.
   */
  url: string;
  username: string;
  password: string;
  /** how long to wait for an answer; a message whose answer never came is tried again (same id) */
  timeoutMs: number;
};

/** Codes and security alerts jump the phone's queue and its sending delays (priority ≥ 100). */
const URGENT = new Set(['verification', 'recovery', 'security']);

/**
 * The body of "POST /message" in SMS Gateway for Android's API (sms-gate.app, Apache-2.0), identical
 * for the phone's local server and the cloud relay. `id` makes a retry harmless: the gateway answers
 * 409 to an id it already has. `ttl` (seconds) lets the phone drop a code it could not send in time.
 */
export function smsGateRequest(m: OutgoingMessage, now: Date) {
  const ttl = m.expiresAt ? Math.max(5, Math.ceil((Date.parse(m.expiresAt) - now.getTime()) / 1000)) : undefined;
  return {
    id: m.ref,
    textMessage: { text: m.text },
    phoneNumbers: [m.to],
    withDeliveryReport: true,
    priority: URGENT.has(m.purpose) ? 100 : 0,
    ...(ttl !== undefined ? { ttl } : {}),
  };
}

/**
 * What an answer means. 202: queued on the phone. 409: the gateway already has this id (an earlier
 * attempt got through but its answer was lost): delivered. 400 and other 4xx: the request itself is
 * refused (an invalid number), retrying cannot help. 401/403 (wrong credentials), 404 (wrong URL),
 * 429, 5xx and 503 ("queue limits exceeded; ensure device is online"): a setting or an outage that
 * someone will fix, so the message waits.
 */
export function classifyStatus(status: number): 'sent' | 'retry' | 'permanent' {
  if ((status >= 200 && status < 300) || status === 409) return 'sent';
  if (status === 401 || status === 403 || status === 404 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'permanent';
}

export function smsGateTransport(config: SmsGateConfig): Transport {
  const authorization = 'Basic ' + Buffer.from(`${config.username}:${config.password}`).toString('base64');
  return {
    name: 'sms-gate',
    async deliver(m: OutgoingMessage, now: Date): Promise<DeliveryResult> {
      let res: Response;
      try {
        res = await fetch(config.url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(smsGateRequest(m, now)),
          signal: AbortSignal.timeout(config.timeoutMs),
          redirect: 'error',
        });
      } catch (e) {
        return { ok: false, error: networkError(e, config.timeoutMs), permanent: false };
      }
      // Read (and bound) the answer so the connection is released; only its "message" is kept.
      const detail = await res
        .text()
        .then((t) => gatewayMessage(t))
        .catch(() => '');
      const verdict = classifyStatus(res.status);
      if (verdict === 'sent') return { ok: true };
      return { ok: false, error: `HTTP ${res.status}${detail ? `: ${detail}` : ''}`, permanent: verdict === 'permanent' };
    },
  };
}

/** The gateway's ErrorResponse is {code, message, data}: keep its message, short. */
function gatewayMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message.slice(0, 160) : '';
  } catch {
    return '';
  }
}

function networkError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string }; code?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = err.cause?.code ?? err.code;
  if (code === 'ECONNREFUSED') return 'connection refused (is the gateway phone on and its server started?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `gateway address not found (${code})`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the gateway closed the connection';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `gateway unreachable (${code})`;
  if (code) return `network error (${code})`;
  return 'network error';
}

/**
 * The idempotency key every rendered form carries (components/forms/idempotency-key.tsx), as a hidden
 * field. Random, so it says nothing about the person or the page. No imports: the browser's outbox uses
 * it too.
 */
export const IDEMPOTENCY_FIELD = 'idempotencyKey';

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function isIdempotencyKey(v: unknown): v is string {
  return typeof v === 'string' && KEY_PATTERN.test(v);
}

/**
 * 128 random bits, base64url (22 characters). crypto.getRandomValues, not randomUUID: a commune server on
 * its LAN over plain http is not a secure context, where randomUUID does not exist in the browser.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

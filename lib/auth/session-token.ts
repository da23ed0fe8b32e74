import { decode as decodeJwt, encode as encodeJwt, type JWT, type JWTDecodeParams, type JWTEncodeParams } from 'next-auth/jwt';

/**
 * The session cookie's JWT, encrypted and decrypted by Auth.js (lib/auth/config.ts), remembered per process.
 *
 * Auth.js decrypts the cookie on every request (a key derivation, a thumbprint, AES-CBC and an HMAC) and
 * encrypts it again to push its expiry (the same again, plus random bytes): about a tenth of a form post's
 * CPU (npm run bench, bench/results.md). The same cookie comes back with every request of a person, so:
 * - a cookie this process decrypted before gives the same claims again, as long as they have not expired;
 * - claims unchanged since they were decrypted are encrypted again at most every REFRESH_MS: until then, the
 *   cookie the browser sent is sent back as is (its expiry moves on once an hour, not on every request).
 * Who the person is, whether the session is still open, their roles: checked against the database on every
 * request all the same (lib/accounts/load-actor.ts). Nothing here decides access.
 */
const REFRESH_MS = 60 * 60_000;
const KEEP = 10_000;

type Decrypted = { claims: Readonly<JWT>; token: string };
/** `${salt}\n${cookie}` → what it decrypted to */
const decrypted = new Map<string, Decrypted>();
/** the claims handed to Auth.js → the cookie they came from, and how they looked then */
const origin = new WeakMap<object, { token: string; snapshot: string }>();

const alive = (claims: JWT, now: number) => typeof claims.exp === 'number' && claims.exp * 1000 > now;

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${params.salt}\n${params.token}`;
  let known = decrypted.get(key);
  if (known && !alive(known.claims, Date.now())) {
    decrypted.delete(key);
    known = undefined;
  }
  if (!known) {
    const claims = await decodeJwt(params);
    if (!claims) return null;
    known = { claims: Object.freeze({ ...claims }), token: params.token };
    if (decrypted.size >= KEEP) decrypted.delete(decrypted.keys().next().value!);
    decrypted.set(key, known);
  }
  // A copy for Auth.js's callbacks, which may change it; remembered to recognise it in encode.
  const claims: JWT = { ...known.claims };
  origin.set(claims, { token: known.token, snapshot: JSON.stringify(claims) });
  return claims;
}

export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const from = params.token ? origin.get(params.token) : undefined;
  const issued = typeof params.token?.iat === 'number' ? params.token.iat * 1000 : 0;
  if (from && JSON.stringify(params.token) === from.snapshot && Date.now() - issued < REFRESH_MS && alive(params.token!, Date.now() + REFRESH_MS)) {
    return from.token;
  }
  return encodeJwt(params);
}

/**
 * The names of Baro's own cookies. With secure cookies (production over https, and Chromium's
 * http://localhost), the `__Host-` prefix makes the browser refuse them unless they are Secure, for
 * the whole site (Path=/) and for this host only (no Domain): a sibling subdomain or a plain-http page
 * cannot plant or overwrite them. SECURE_COOKIES=false (plain-http LAN) drops the prefix, which
 * requires https.
 * No imports: proxy.ts reads these too.
 */
export function cookieNames(secure: boolean) {
  const prefix = secure ? '__Host-' : '';
  return {
    /** next-auth's session cookie (a JWT carrying the session id) */
    session: `${prefix}baro.session`,
    /** the mark of a connected space's shared computer (lib/shared-devices/token.ts) */
    sharedDevice: `${prefix}baro-shared-device`,
  };
}

/** Either form of a name, and next-auth's chunks of a large cookie ("….0", "….1"). */
export const SESSION_COOKIE_PATTERN = /^(?:__Host-)?baro\.session(?:\.\d+)?$/;
export const SHARED_DEVICE_COOKIE_PATTERN = /^(?:__Host-)?baro-shared-device$/;

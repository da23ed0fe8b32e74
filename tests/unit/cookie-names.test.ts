import { describe, expect, it } from 'vitest';
import { cookieNames, SESSION_COOKIE_PATTERN, SHARED_DEVICE_COOKIE_PATTERN } from '@/lib/auth/cookie-names';

describe('cookie names', () => {
  it('with secure cookies (production): the __Host- prefix, which browsers accept only Secure, Path=/, without Domain', () => {
    expect(cookieNames(true)).toEqual({ session: '__Host-baro.session', sharedDevice: '__Host-baro-shared-device' });
  });

  it('SECURE_COOKIES=false (plain-http LAN): no prefix, which would need https', () => {
    expect(cookieNames(false)).toEqual({ session: 'baro.session', sharedDevice: 'baro-shared-device' });
  });

  it('proxy.ts recognises either form of the session cookie and its chunks, and nothing else', () => {
    for (const name of ['__Host-baro.session', 'baro.session', '__Host-baro.session.0', 'baro.session.1']) expect(SESSION_COOKIE_PATTERN.test(name)).toBe(true);
    for (const name of ['authjs.session-token', '__Secure-baro.session', 'xbaro.session', 'baro.sessionx']) expect(SESSION_COOKIE_PATTERN.test(name)).toBe(false);
    expect(SHARED_DEVICE_COOKIE_PATTERN.test('__Host-baro-shared-device')).toBe(true);
    expect(SHARED_DEVICE_COOKIE_PATTERN.test('baro-shared-device')).toBe(true);
    expect(SHARED_DEVICE_COOKIE_PATTERN.test('baro-shared-devices')).toBe(false);
  });
});

import { decode, encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeSessionToken, encodeSessionToken } from '@/lib/auth/session-token';

/** lib/auth/session-token.ts with Auth.js's own encryption: the same claims, less work, nothing more accepted. */
const secret = 'test-secret-not-used-in-production-000000';
const salt = 'baro.session';
const DAY = 86_400;

afterEach(() => vi.useRealTimers());

describe('the session cookie, remembered per process', () => {
  it('decrypts a cookie to the same claims as Auth.js, and hands out copies that callbacks may change', async () => {
    const token = await encode({ token: { uid: 7, sid: 'abc' }, secret, salt, maxAge: 30 * DAY });
    const first = await decodeSessionToken({ token, secret, salt });
    expect(first).toEqual(await decode({ token, secret, salt }));
    first!.uid = 8;
    expect((await decodeSessionToken({ token, secret, salt }))!.uid).toBe(7);
  });

  it('refuses what Auth.js refuses: a forged or tampered cookie, another salt', async () => {
    const token = await encode({ token: { uid: 7, sid: 'abc' }, secret, salt, maxAge: 30 * DAY });
    await decodeSessionToken({ token, secret, salt });
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(decodeSessionToken({ token: tampered, secret, salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: 'other.cookie' })).rejects.toThrow();
    await expect(decodeSessionToken({ token: await encode({ token: { uid: 1 }, secret: 'another-secret-another-secret-0000000', salt }), secret, salt })).rejects.toThrow();
  });

  it('forgets a cookie once its claims have expired', async () => {
    const token = await encode({ token: { uid: 7, sid: 'abc' }, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).not.toBeNull();
    vi.useFakeTimers({ now: Date.now() + 120_000, toFake: ['Date'] });
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow(/exp/);
  });

  it('sends the same cookie back while its claims are unchanged and fresh, a new one once they change or an hour has passed', async () => {
    const token = await encode({ token: { uid: 7, sid: 'abc' }, secret, salt, maxAge: 30 * DAY });
    const claims = (await decodeSessionToken({ token, secret, salt }))!;
    expect(await encodeSessionToken({ token: claims, secret, salt, maxAge: 30 * DAY })).toBe(token);

    const changed = (await decodeSessionToken({ token, secret, salt }))!;
    changed.sid = 'other';
    const renewed = await encodeSessionToken({ token: changed, secret, salt, maxAge: 30 * DAY });
    expect(renewed).not.toBe(token);
    expect((await decode({ token: renewed, secret, salt }))!.sid).toBe('other');

    // Claims Auth.js never got from decodeSessionToken are always encrypted anew (a sign-in).
    expect(await encodeSessionToken({ token: { uid: 7, sid: 'abc' }, secret, salt, maxAge: 30 * DAY })).not.toBe(token);

    vi.useFakeTimers({ now: Date.now() + 61 * 60_000, toFake: ['Date'] });
    const later = (await decodeSessionToken({ token, secret, salt }))!;
    const refreshed = await encodeSessionToken({ token: later, secret, salt, maxAge: 30 * DAY });
    expect(refreshed).not.toBe(token);
    expect((await decode({ token: refreshed, secret, salt }))!.exp).toBeGreaterThan(later.exp!);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientIp } from '@/lib/auth/client-ip';

const PEER = 'x-baro-peer-0123abcd';
const req = (h: Record<string, string>) => new Headers(h);

describe('the client address for per-address limits', () => {
  it('TRUST_PROXY=0: the connection’s address; a forged X-Forwarded-For changes nothing', () => {
    expect(clientIp(req({ [PEER]: '41.73.100.7' }), 0, PEER)).toBe('41.73.100.7');
    expect(clientIp(req({ [PEER]: '41.73.100.7', 'x-forwarded-for': '1.2.3.4' }), 0, PEER)).toBe('41.73.100.7');
    expect(clientIp(req({ [PEER]: '41.73.100.7', 'x-forwarded-for': '1.2.3.4, 5.6.7.8', 'x-real-ip': '9.9.9.9' }), 0, PEER)).toBe('41.73.100.7');
  });

  it('TRUST_PROXY=1 (Caddy in front): the address the proxy saw, whatever the client wrote before it', () => {
    // Caddy connects from 127.0.0.1 and says who connected to it.
    expect(clientIp(req({ [PEER]: '127.0.0.1', 'x-forwarded-for': '41.73.100.7' }), 1, PEER)).toBe('41.73.100.7');
    // A proxy that appends keeps the client's forgery on the left: ignored.
    expect(clientIp(req({ [PEER]: '127.0.0.1', 'x-forwarded-for': '1.2.3.4, 41.73.100.7' }), 1, PEER)).toBe('41.73.100.7');
  });

  it('TRUST_PROXY=2: two proxies, two steps from the right', () => {
    expect(clientIp(req({ [PEER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 41.73.100.7, 10.0.0.1' }), 2, PEER)).toBe('41.73.100.7');
  });

  it('a header named like Baro’s but with another random part is the client’s own, and ignored', () => {
    expect(clientIp(req({ 'x-baro-peer-ffffffff': '6.6.6.6', [PEER]: '41.73.100.7' }), 0, PEER)).toBe('41.73.100.7');
  });

  it('IPv4 written as IPv6 is the same address; garbage is one shared key, not a new one each time', () => {
    expect(clientIp(req({ [PEER]: '::ffff:41.73.100.7' }), 0, PEER)).toBe('41.73.100.7');
    expect(clientIp(req({ [PEER]: '2001:DB8::1' }), 0, PEER)).toBe('2001:db8::1');
    expect(clientIp(req({ [PEER]: '127.0.0.1', 'x-forwarded-for': '<script>' }), 1, PEER)).toBe('invalid');
  });

  it('without Baro’s server (next dev), the last X-Forwarded-For entry stands in for the connection', () => {
    expect(clientIp(req({ 'x-forwarded-for': '1.2.3.4, 41.73.100.7' }), 0, undefined)).toBe('41.73.100.7');
    expect(clientIp(req({}), 0, undefined)).toBe('local');
  });
});

describe('TRUST_PROXY and the session lifetimes are read from the environment, checked', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function envWith(vars: Record<string, string>) {
    vi.stubEnv('AUTH_SECRET', 'x'.repeat(40));
    for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
    vi.resetModules();
    return (await import('@/lib/env')).env;
  }

  it('defaults: no proxy trusted, 7 idle days, 30 days in all', async () => {
    const env = await envWith({});
    expect(env()).toMatchObject({ TRUST_PROXY: 0, SESSION_IDLE_DAYS: 7, SESSION_MAX_AGE_DAYS: 30 });
  });

  it('a number of proxies is taken as given', async () => {
    expect((await envWith({ TRUST_PROXY: '1' }))().TRUST_PROXY).toBe(1);
  });

  it.each(['yes', '-1', '1.5', '11'])('TRUST_PROXY=%s is refused loudly, with its name', async (value) => {
    const env = await envWith({ TRUST_PROXY: value });
    expect(() => env()).toThrow(/TRUST_PROXY/);
  });

  it('SESSION_IDLE_DAYS=0 is refused', async () => {
    const env = await envWith({ SESSION_IDLE_DAYS: '0' });
    expect(() => env()).toThrow(/SESSION_IDLE_DAYS/);
  });
});

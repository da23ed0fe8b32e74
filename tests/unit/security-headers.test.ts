import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commonHeaders, FILE_POLICY, inlineHashes, pagePolicy } from '@/lib/security/headers';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('the Content-Security-Policy of a page', () => {
  it('runs inline scripts only by nonce or hash, never unsafe-inline, and forbids plugins, base, framing and foreign forms', () => {
    for (const policy of [pagePolicy({ nonce: 'abc123' }), pagePolicy({ scriptHashes: ['h1', 'h2'] })]) {
      const d = directives(policy);
      expect(d.get('script-src')).not.toContain("'unsafe-inline'");
      expect(d.get('script-src')).not.toContain("'unsafe-eval'");
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(d.get('form-action')).toEqual(["'self'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(d.get('default-src')).toEqual(["'self'"]);
      // Style elements are named too; only style attributes (React's style={…}) are let through.
      expect(d.get('style-src')).not.toContain("'unsafe-inline'");
      expect(d.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    }
    expect(directives(pagePolicy({ nonce: 'abc123' })).get('script-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(directives(pagePolicy({ scriptHashes: ['h1', 'h2'] })).get('script-src')).toEqual(["'self'", "'sha256-h1'", "'sha256-h2'"]);
  });

  it('upgrades insecure requests on https only', () => {
    expect(pagePolicy({ nonce: 'n', https: true })).toContain('upgrade-insecure-requests');
    expect(pagePolicy({ nonce: 'n' })).not.toContain('upgrade-insecure-requests');
  });

  it('hashes inline scripts and styles as the browser does, and leaves script files to script-src', () => {
    const body = '(self.__next_f=self.__next_f||[]).push([0])';
    const html = `<html><head><script src="/_next/static/a.js" async=""></script><style>p{color:red}</style></head><body><script>${body}</script><script id="_R_">x()</script><script>${body}</script></body></html>`;
    const sha = (s: string) => crypto.createHash('sha256').update(s).digest('base64');
    expect(inlineHashes(html)).toEqual({ scriptHashes: [sha(body), sha('x()')], styleHashes: [sha('p{color:red}')] });
  });
});

describe('headers of every response', () => {
  it('forbid sniffing, framing and leaking full URLs; allow the microphone to the site only; HSTS on https', () => {
    const h = new Map(commonHeaders({ https: false }).map((x) => [x.key, x.value]));
    expect(h.get('X-Content-Type-Options')).toBe('nosniff');
    expect(h.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(h.get('X-Frame-Options')).toBe('DENY');
    expect(h.get('Permissions-Policy')).toMatch(/(^|, )microphone=\(self\)(,|$)/);
    expect(h.get('Permissions-Policy')).toMatch(/camera=\(\)/);
    expect(h.has('Strict-Transport-Security')).toBe(false);
    const https = new Map(commonHeaders({ https: true }).map((x) => [x.key, x.value]));
    expect(https.get('Strict-Transport-Security')).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(https.get('Strict-Transport-Security')!)![1])).toBeGreaterThanOrEqual(31_536_000);
  });

  it('give files and data (CSV, feeds, JSON, scripts) a policy under which nothing runs or frames them', () => {
    const d = directives(FILE_POLICY);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.has('script-src')).toBe(false);
    expect(d.get('sandbox')).toEqual([]);
  });
});

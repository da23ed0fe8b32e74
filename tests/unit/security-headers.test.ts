import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonHeaders, FILE_POLICY, inlineHashes, pagePolicy, prerenderedHashes, rememberStaticPageHashes, staticPageHashes } from '@/lib/security/headers';

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

describe('the static pages (404, error) served under the nonce policy', () => {
  const sha = (s: string) => crypto.createHash('sha256').update(s).digest('base64');
  const page = (script: string) => `<html><body><script>${script}</script></body></html>`;

  it('names the build’s copy and the copy Next rendered again and kept in its route cache', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-dist-'));
    try {
      const app = path.join(dist, 'server', 'app');
      const key = `/route-cache/APP_PAGE/${'ab'.repeat(32)}/$/_not-found`;
      fs.mkdirSync(path.join(dist, 'server', path.dirname(key)), { recursive: true });
      fs.mkdirSync(app, { recursive: true });
      fs.writeFileSync(path.join(app, '_not-found.html'), page('built()'));
      fs.writeFileSync(path.join(app, '_not-found.meta'), JSON.stringify({ routeCache: { key } }));
      fs.writeFileSync(path.join(dist, 'server', `${key}.html`), page('renderedAgain()'));
      const { scriptHashes } = prerenderedHashes(dist);
      expect(scriptHashes).toContain(sha('built()'));
      expect(scriptHashes).toContain(sha('renderedAgain()'));
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('adds the copies rendered while serving, keeping the last two renderings of each page', () => {
    const key = `/route-cache/APP_PAGE/${'cd'.repeat(32)}/$/_global-error`;
    rememberStaticPageHashes(key, page('first()'));
    rememberStaticPageHashes(key, page('second()'));
    expect(staticPageHashes().scriptHashes).toEqual(expect.arrayContaining([sha('first()'), sha('second()')]));
    rememberStaticPageHashes(key, page('third()'));
    rememberStaticPageHashes(key, page('third()')); // read again from the cache: nothing new
    const kept = staticPageHashes().scriptHashes;
    expect(kept).toEqual(expect.arrayContaining([sha('second()'), sha('third()')]));
    expect(kept).not.toContain(sha('first()'));
    // …whatever the other pages do: the 404 page's renderings stay.
    for (let i = 0; i < 20; i++) rememberStaticPageHashes(key, page(`n${i}()`));
    expect(staticPageHashes().scriptHashes).toContain(sha('renderedAgain()'));
    expect(staticPageHashes().scriptHashes.length).toBeLessThanOrEqual(6);
  });
});

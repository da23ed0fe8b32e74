// The security headers on every kind of response, as Chromium receives them (issue 11 §4), the demo
// banner on every page of the demo, and links that ignore a forged Host. Every page opened by the suite
// also fails its test on a CSP violation (tests/e2e/helpers.mjs).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import { BASE, DEMO_PASSWORD, expectText, hydrated, newPage, open, registerCitizen, signIn, submit, withBrowser } from './helpers.mjs';

withBrowser();

const BANNER = 'Site de démonstration : les comptes de démonstration sont publics';

/** The directives of a policy: name → values. */
const directives = (policy) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

/** The values of a header, however many times it was sent. */
async function all(response, name) {
  return (await response.headersArray()).filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value);
}

async function commonHeaders(response, what) {
  // headersArray: both a page's Response and an APIResponse have it (and it keeps repeated headers).
  const h = Object.fromEntries((await response.headersArray()).map(({ name, value }) => [name.toLowerCase(), value]));
  assert.equal(h['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(h['referrer-policy'], 'strict-origin-when-cross-origin', `${what}: Referrer-Policy`);
  assert.equal(h['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
  assert.match(h['permissions-policy'] ?? '', /(^|, )microphone=\(self\)(,|$)/, `${what}: Permissions-Policy`);
  assert.match(h['permissions-policy'] ?? '', /camera=\(\)/, `${what}: Permissions-Policy`);
  // The suite serves http://localhost: HSTS is for https only (tests/unit/security-headers.test.ts).
  assert.equal(h['strict-transport-security'], undefined, `${what}: no HSTS over http`);
  const policies = await all(response, 'content-security-policy');
  assert.equal(policies.length, 1, `${what}: exactly one Content-Security-Policy, got ${JSON.stringify(policies)}`);
  return directives(policies[0]);
}

/** A page's policy: scripts by nonce or by hash, never 'unsafe-inline'; no plugins, base, framing, foreign forms. */
async function pageHeaders(response, what) {
  const d = await commonHeaders(response, what);
  const scripts = d.get('script-src') ?? [];
  assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), `${what}: script-src ${scripts.join(' ')}`);
  assert.deepEqual(d.get('object-src'), ["'none'"], `${what}: object-src`);
  assert.deepEqual(d.get('base-uri'), ["'none'"], `${what}: base-uri`);
  assert.deepEqual(d.get('form-action'), ["'self'"], `${what}: form-action`);
  assert.deepEqual(d.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  return scripts;
}

/** Every inline script of the HTML carries the policy's nonce. */
function nonceNamesEveryInlineScript(html, scripts, what) {
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  assert.ok(nonce, `${what}: a nonce in script-src`);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1]) && m[2] !== '');
  assert.ok(inline.length > 0, `${what}: inline scripts`);
  for (const m of inline) assert.match(m[1], new RegExp(`nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`), `${what}: script without the nonce: ${m[0].slice(0, 80)}`);
  return nonce;
}

/** Every inline script of the HTML is named by its sha-256 in the policy. */
function hashesNameEveryInlineScript(html, scripts, what) {
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1]) && m[2] !== '');
  assert.ok(inline.length > 0, `${what}: inline scripts`);
  assert.ok(!scripts.some((s) => s.startsWith("'nonce-")), `${what}: no nonce on a page served to everyone`);
  for (const m of inline) {
    const hash = `'sha256-${crypto.createHash('sha256').update(m[2]).digest('base64')}'`;
    assert.ok(scripts.includes(hash), `${what}: inline script not named by its hash: ${m[2].slice(0, 80)}`);
  }
}

describe('security headers on every kind of response', () => {
  test('anonymous pages (rendered per request, with a fresh nonce), 404s, and the cached topic, course and lesson pages (hashes)', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      // A dynamic page: a new nonce each time, on every inline script.
      const first = await page.goto(`${BASE}/topics`);
      const nonce1 = nonceNamesEveryInlineScript(await first.text(), await pageHeaders(first, '/topics'), '/topics');
      await hydrated(page);
      await expectText(page.locator('#demo-banner'), BANNER);
      const again = await page.goto(`${BASE}/topics`);
      const nonce2 = nonceNamesEveryInlineScript(await again.text(), await pageHeaders(again, '/topics (again)'), '/topics');
      assert.notEqual(nonce1, nonce2, 'a nonce is never reused');

      // The anonymous topic page, from Next's cache: the same HTML for everyone, scripts named by hash.
      await page.request.get(`${BASE}/topics/1`);
      const cached = await page.goto(`${BASE}/topics/1`);
      assert.match(cached.headers()['x-nextjs-cache'] ?? '', /^(HIT|STALE)$/, 'the anonymous topic page is still served from the cache');
      hashesNameEveryInlineScript(await cached.text(), await pageHeaders(cached, 'cached /topics/1'), 'cached /topics/1');
      await hydrated(page); // its scripts ran under that policy
      await expectText(page.locator('#demo-banner'), BANNER);
      const en = await page.goto(`${BASE}/en/topics/1`);
      hashesNameEveryInlineScript(await en.text(), await pageHeaders(en, 'cached /en/topics/1'), 'cached /en/topics/1');
      await expectText(page.locator('#demo-banner'), 'Demonstration site: the demo accounts are public');

      // A course and a lesson of /learn, from the cache too (issue 15).
      for (const path of ['/learn/la-commune-et-vous', '/learn/la-commune-et-vous/le-conseil-communal-et-le-maire']) {
        await page.request.get(BASE + path);
        const res = await page.goto(BASE + path);
        assert.equal(res.status(), 200, path);
        assert.match(res.headers()['x-nextjs-cache'] ?? '', /^(HIT|STALE)$/, `${path} is served from the cache`);
        hashesNameEveryInlineScript(await res.text(), await pageHeaders(res, `cached ${path}`), `cached ${path}`);
        await hydrated(page);
        await expectText(page.locator('#demo-banner'), BANNER);
      }

      // 404s: an unknown path (the page prerendered by the build), a missing topic (from the cache), a file.
      for (const path of ['/nulle/part/ici', '/topics/999999', '/nothing-here.txt']) {
        const res = await page.goto(BASE + path);
        assert.equal(res.status(), 404, path);
        await pageHeaders(res, path);
        await expectText(page.locator('#demo-banner p').first(), BANNER);
      }
    } finally {
      await context.close();
    }
  });

  test('the 404 page Next renders again after the root layout is revalidated is served under the policy, with no script refused', async () => {
    // Saving one's profile revalidates the root layout (app/actions/account.ts): Next then renders the
    // prerendered 404 page again at the next unknown path and serves that copy to everyone after.
    const { context, page } = await newPage({ js: true });
    try {
      await registerCitizen(page, 'Kadi Quatre-cent-quatre', { js: true });
      await open(page, '/account', { js: true });
      await page.fill('#f-displayName', 'Kadi Quatre-cent-quatre bis');
      await submit(page, 'profile-form', { js: true });
      await expectText(page.locator('#profile-form [role="status"]'), 'Vos informations sont enregistrées.');
    } finally {
      await context.close();
    }
    for (let i = 0; i < 3; i++) {
      const { context: c, page: p } = await newPage({ js: true });
      const res = await p.goto(`${BASE}/nulle/part/${i}`);
      assert.equal(res.status(), 404);
      await pageHeaders(res, `404 #${i} after a revalidation`);
      // scripts/server.mjs serves status pages as plain documents (issue 17 §6): readable without JavaScript,
      // and nothing to run. Should Next's scripts ever come back on it, they must run under the policy.
      await p.locator('main').waitFor();
      if ((await p.locator('script[src]').count()) > 0) await hydrated(p);
      await c.close(); // fails on any CSP violation the page reported
    }
  });

  test('a script injected into a page does not run, on a dynamic page and on a cached one', async () => {
    for (const path of ['/topics', '/topics/1']) {
      const { context, page } = await newPage({ js: true });
      await page.goto(BASE + path);
      // As an XSS would: an inline <script> element added to the document, without the nonce or a listed hash.
      await page.addScriptTag({ content: 'window.__injected = true' }).catch(() => {});
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__injected === true), false, `${path}: the injected script ran`);
      // …and the suite's watch saw the violation: closing the context reports it.
      await assert.rejects(() => context.close(), /security headers blocked or rejected something/, `${path}: violation not reported`);
    }
  });

  test('signed-in pages, without JavaScript too', async () => {
    for (const js of [true, false]) {
      const { context, page } = await newPage({ js });
      try {
        await signIn(page, 'admin@baro.ml', DEMO_PASSWORD, { js });
        for (const path of ['/account', '/topics/1', '/moderation', '/admin']) {
          const res = await page.goto(BASE + path);
          assert.equal(res.status(), 200, path);
          const scripts = await pageHeaders(res, `signed-in ${path}`);
          nonceNamesEveryInlineScript(await res.text(), scripts, `signed-in ${path}`);
          assert.match(res.headers()['cache-control'] ?? '', /no-store/, `signed-in ${path}: never stored`);
          await expectText(page.locator('#demo-banner'), BANNER);
        }
        // A file is nobody's: the icon stays cached for signed-in people too (one request less per page on 2G).
        assert.match((await page.request.get(`${BASE}/icon.svg`)).headers()['cache-control'] ?? '', /max-age=604800/);
      } finally {
        await context.close();
      }
    }
  });

  test('route handlers (CSV, feed, JSON, recordings, pictures) and static files', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      await page.goto(`${BASE}/topics`);
      const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
      const script = await page.locator('script[src]').first().getAttribute('src');
      // The build's static files carry only what a fetched file needs (lib/security/headers.js assetHeaders).
      for (const path of [css, script, '/_next/static/nothing.js']) {
        const res = await page.request.get(BASE + path);
        const h = res.headers();
        assert.equal(h['x-content-type-options'], 'nosniff', `${path}: nosniff`);
        assert.equal(h['referrer-policy'], 'strict-origin-when-cross-origin', `${path}: Referrer-Policy`);
        assert.equal((await all(res, 'content-security-policy')).length, 1, `${path}: one policy`);
        assert.deepEqual(directives((await all(res, 'content-security-policy'))[0]).get('default-src'), ["'none'"], `${path}: nothing runs if opened`);
      }
      for (const path of ['/exports/topics/1-comments.csv', '/exports/stats.csv', '/feeds/all.atom', '/feeds/all.rss', '/exports/topics/1-tally.json', '/icon.svg', '/exports/topics/999999-comments.csv', '/media/999999.webm', '/images/999999.webp']) {
        const res = await page.request.get(BASE + path);
        assert.ok([200, 404].includes(res.status()), `${path}: ${res.status()}`);
        const d = await commonHeaders(res, path);
        assert.deepEqual(d.get('frame-ancestors'), ["'none'"], `${path}: frame-ancestors`);
        assert.ok(!(d.get('script-src') ?? d.get('default-src') ?? []).includes("'unsafe-inline'"), `${path}: no inline scripts`);
      }
    } finally {
      await context.close();
    }
  });

  test('a forged Host or X-Forwarded-Host changes no link: feeds and the share box use PUBLIC_URL', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      const forged = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', Forwarded: 'host=evil.example;proto=https' };
      const feed = await (await page.request.get(`${BASE}/feeds/all.atom`, { headers: forged })).text();
      assert.ok(!feed.includes('evil.example'), 'the feed does not repeat a forged host');
      assert.ok(feed.includes(`<link rel="self" href="${BASE}/feeds/all.atom"/>`), 'the feed links to PUBLIC_URL');
      await signIn(page, '76000001', DEMO_PASSWORD, { js: false });
      const topic = await (await page.request.get(`${BASE}/topics/1`, { headers: forged })).text();
      assert.ok(!topic.includes('evil.example'), 'a signed-in topic page does not repeat a forged host');
      assert.ok(topic.includes(`${BASE}/topics/1`), 'the share box links to PUBLIC_URL');
      const redirect = await page.request.get(`${BASE}/fr/topics`, { headers: forged, maxRedirects: 0 });
      assert.ok([307, 308].includes(redirect.status()), `/fr/topics redirects (${redirect.status()})`);
      assert.equal(redirect.headers().location, `${BASE}/topics`, 'a redirect stays on PUBLIC_URL');
    } finally {
      await context.close();
    }
  });
});

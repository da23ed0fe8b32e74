// @ts-check
/**
 * The security headers of every Baro response (issue 11 §4), in one place for next.config.js (every
 * path), proxy.ts (the per-request nonce of dynamic pages) and lib/security/cache-handler.js (hashes for
 * the pages served from Next's cache). CommonJS, because next.config.js and the cache handler are loaded
 * by Node without a bundler. docs/security.md explains each choice.
 */
const crypto = require('node:crypto');

/** The browser features a page may use: the microphone (voice contributions, later) on Baro itself; none else. */
const PERMISSIONS_POLICY = [
  'microphone=(self)',
  'camera=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'display-capture=()',
  'screen-wake-lock=()',
  'idle-detection=()',
  'publickey-credentials-get=()',
  'xr-spatial-tracking=()',
  'browsing-topics=()',
].join(', ');

/** @param {string | undefined} publicUrl */
function isHttps(publicUrl) {
  return /^https:\/\//i.test((publicUrl ?? '').trim());
}

/**
 * Headers for every response (next.config.js applies them to every path: pages, route handlers, static
 * files, 404s). HSTS only when the site is served over https (PUBLIC_URL), for two years.
 * @param {{ https: boolean }} o
 * @returns {{ key: string, value: string }[]}
 */
function commonHeaders({ https }) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(https ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}

/**
 * Headers of the build's own files (/_next/static: scripts, styles, fonts), fetched by pages, never
 * opened as documents by Baro: no one sniffs them, and what they fetch (a style sheet's fonts) keeps the
 * referrer policy. The document-only headers (framing, Permissions-Policy, COOP, HSTS) would cost about
 * 0.4 KB per file on every first visit over 2G, for nothing: each page sends them itself.
 * @returns {{ key: string, value: string }[]}
 */
function assetHeaders() {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  ];
}

/**
 * The Content-Security-Policy of an HTML page. Inline scripts run only when named: by the request's nonce
 * (dynamic pages: Next puts it on its own scripts) or by their sha-256 (pages served from the cache,
 * computed from the stored HTML). Script files come from Baro itself ('self'): the framework's chunks;
 * nosniff keeps any other Baro response (CSV, feed, JSON) from being run as a script. Inline styles:
 * by nonce or hash too; React's style attributes (a bar's width) need style-src-attr 'unsafe-inline'.
 * @param {{ nonce?: string, scriptHashes?: string[], styleHashes?: string[], https?: boolean, dev?: boolean }} o
 */
function pagePolicy({ nonce, scriptHashes = [], styleHashes = [], https = false, dev = false }) {
  const named = (/** @type {string[]} */ hashes) => [...(nonce ? [`'nonce-${nonce}'`] : []), ...hashes.map((h) => `'sha256-${h}'`)];
  const directives = [
    "default-src 'self'",
    // Next's development server evaluates code and injects styles; `next start` does neither.
    `script-src 'self' ${[...named(scriptHashes), ...(dev ? ["'unsafe-eval'"] : [])].join(' ')}`.trim(),
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' ${named(styleHashes).join(' ')}`.trim(),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/**
 * For responses that are not pages (CSV, Atom, JSON, scripts, styles, images): opened directly, nothing in
 * them may run, load, submit or be framed (`sandbox`: an opaque origin, no scripts, no forms).
 */
const FILE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/**
 * The inline scripts and style elements of an HTML document, as CSP sha-256 sources (base64). The text is
 * taken as the browser hashes it: the raw characters between the tags (React escapes "</" inside them).
 * @param {string} html
 */
function inlineHashes(html) {
  const sha = (/** @type {string} */ text) => crypto.createHash('sha256').update(text, 'utf8').digest('base64');
  const scriptHashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(` ${m[1]}`) || m[2] === '') continue;
    scriptHashes.push(sha(m[2] ?? ''));
  }
  const styleHashes = [];
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styleHashes.push(sha(m[1] ?? ''));
  return { scriptHashes: [...new Set(scriptHashes)], styleHashes: [...new Set(styleHashes)] };
}

/** The static pages of the app tree that Next serves as they are to requests proxy.ts gave a nonce. */
const STATIC_PAGES = ['_not-found', '_global-error'];

/**
 * The inline hashes of the pages rendered once for all outside app/cached: the 404 page of unknown paths
 * and the error page. Next serves them as they are, also to requests proxy.ts gave a nonce, so the nonce
 * policy must name their scripts too. `next build` prerenders them; Next renders them again at run time
 * when a server action revalidates the root layout (revalidatePath('/', 'layout')), and keeps that copy in
 * its route cache (`server/route-cache/…`, named by the page's `.meta`), across restarts. Both are read
 * here at start-up; the copies rendered afterwards reach the proxy through rememberStaticPageHashes.
 * None before a build or under `next dev`, which renders every page per request.
 * @param {string} distDir the build folder (.next)
 */
function prerenderedHashes(distDir) {
  const fs = require('node:fs');
  const path = require('node:path');
  const read = (/** @type {string} */ file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  for (const name of STATIC_PAGES) {
    const html = read(path.join(distDir, 'server', 'app', `${name}.html`));
    if (html) rememberStaticPageHashes(`/${name}`, html);
    // The copy Next rendered again at run time, if any (the .meta names it).
    let key;
    try {
      key = JSON.parse(read(path.join(distDir, 'server', 'app', `${name}.meta`)) ?? '{}').routeCache?.key;
    } catch {
      key = undefined;
    }
    if (typeof key === 'string' && /^\/route-cache\/[A-Z_]+\/[0-9a-f]+\/\$\/[\w-]+$/.test(key)) {
      const again = read(path.join(distDir, 'server', `${key}.html`));
      if (again) rememberStaticPageHashes(`/${name}`, again);
    }
  }
  return staticPageHashes();
}

/**
 * Hashes of the static pages, shared in the process (globalThis: the cache handler, loaded by
 * next.config.js, and proxy.ts, bundled by Next, each have their own copy of this file). For each page,
 * the last KEPT renderings: the one Next serves, and the one before it, which Next may still serve while
 * it renders the next in the background (each rendering carries the nonce of the request that caused it,
 * so its hashes differ). Bounded, so the policy of every page stays small.
 */
const REMEMBERED = Symbol.for('baro.staticPageHashes');
const KEPT = 2;

/** @returns {Map<string, { scriptHashes: string[], styleHashes: string[] }[]>} page → its last renderings, newest last */
function remembered() {
  const g = /** @type {any} */ (globalThis);
  g[REMEMBERED] ??= new Map();
  return g[REMEMBERED];
}

/**
 * A static page was rendered or read from Next's cache: its inline scripts and styles may run.
 * @param {string} page the page's name (the cache key's last part, e.g. "/_not-found") @param {string} html
 */
function rememberStaticPageHashes(page, html) {
  const name = page.replace(/^.*\$(?=\/)/, '');
  const h = inlineHashes(html);
  const same = (/** @type {{ scriptHashes: string[], styleHashes: string[] }} */ r) =>
    r.scriptHashes.join() === h.scriptHashes.join() && r.styleHashes.join() === h.styleHashes.join();
  const renderings = remembered().get(name) ?? [];
  const latest = renderings.at(-1);
  if (latest && same(latest)) return;
  remembered().set(name, [...renderings.filter((r) => !same(r)), h].slice(-KEPT));
}

/** @returns {{ scriptHashes: string[], styleHashes: string[] }} */
function staticPageHashes() {
  const scripts = new Set();
  const styles = new Set();
  for (const renderings of remembered().values()) {
    for (const r of renderings) {
      r.scriptHashes.forEach((x) => scripts.add(x));
      r.styleHashes.forEach((x) => styles.add(x));
    }
  }
  return { scriptHashes: [...scripts], styleHashes: [...styles] };
}

module.exports = { commonHeaders, assetHeaders, pagePolicy, inlineHashes, prerenderedHashes, rememberStaticPageHashes, staticPageHashes, isHttps, FILE_POLICY, PERMISSIONS_POLICY };

// @ts-check
/**
 * Next's own file-system cache (ISR: the anonymous topic pages of app/cached), or the page store that every
 * server process shares (scripts/server/next-cache-handler.cjs), plus one thing: each
 * cached page is stored and served with a Content-Security-Policy naming its inline scripts by their
 * sha-256. A nonce cannot serve here (one HTML for every reader), and `'unsafe-inline'` would let any
 * injected script run. The hashes are computed once per rendering, when Next stores the page (`set`,
 * whose entry is also the one sent for that first request), and for pages stored before (`get`, e.g. the
 * build's prerendered files); Next sends an entry's headers with every cached response.
 *
 * It extends a file of Next's own distribution, and next.config.js registers it through the global that
 * Next's IncrementalCache reads (not the documented `cacheHandler` option, which Next imports again on every
 * request: 5 % more CPU per cached page). Neither is a public API: next is pinned, and the browser suite
 * checks the policy of cached pages, so an upgrade that changes either fails loudly.
 */
// Next's file-system cache, or the page store every server process shares when scripts/server.mjs runs several.
const SharedPageCache = require('../../scripts/server/next-cache-handler.cjs');
const { inlineHashes, isHttps, pagePolicy, rememberStaticPageHashes } = require('./headers');

const CSP = 'content-security-policy';

/**
 * The pages of app/cached (keys end in "$/cached/fr/topics/12"): proxy.ts sends them without a policy
 * of its own. Every other page, the prerendered 404 included, gets the proxy's (which names that 404's
 * hashes too), so a response never carries two policies.
 */
const CACHED_TREE = /\$\/cached\//;

/**
 * A page of app/cached gets its policy of hashes. Any other page Next stores or reads (the 404 and error
 * pages, rendered again when the root layout is revalidated) is sent under proxy.ts's nonce policy: its
 * hashes are handed to the proxy (lib/security/headers.js rememberStaticPageHashes).
 * @param {string} key @param {any} value an incremental-cache entry's value
 */
function withPolicy(key, value) {
  if (!value || value.kind !== 'APP_PAGE' || typeof value.html !== 'string') return;
  if (!CACHED_TREE.test(key)) {
    rememberStaticPageHashes(key, value.html);
    return;
  }
  value.headers ??= {};
  if (value.headers[CSP]) return;
  value.headers[CSP] = pagePolicy({ ...inlineHashes(value.html), https: isHttps(process.env.PUBLIC_URL) });
}

class HashedPolicyCache extends SharedPageCache {
  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    withPolicy(key, entry?.value);
    return entry;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    withPolicy(key, data);
    return super.set(key, data, ctx);
  }
}

module.exports = HashedPolicyCache;

// The front cache of the app's server (scripts/server.mjs): an anonymous reader's GET of a page that Next
// serves from its cache (proxy.ts rewrites /topics/12 to app/cached/fr/topics/12) is answered here, with
// the bytes Next sent for it last time, without going through Next's router, proxy.ts and next-intl.
// A cache hit cost about 2 ms of CPU in Next (npm run bench, bench/results.md); here it costs the check
// below and one write.
//
// What it may answer, and only that:
// - a GET without a query string, a session cookie, or a header of Next's client router or of a server
//   action: the requests proxy.ts rewrites to app/cached/ (a signed-in reader always reaches Next, whose
//   session check runs per request);
// - for a path whose last answer from Next was a cache HIT of a page rewritten to /cached/… (Next's own
//   x-middleware-rewrite header names it), status 200, without a cookie set;
// - while the page store (scripts/server/page-store.cjs) says the page it copied is still the one Next
//   would serve: same version, no tag expired since (revalidatePath in any process), within its
//   revalidate time. Otherwise the request goes to Next, which renders or serves stale as it does.
// It sits between the light handler (scripts/lib/light-server.mjs: compression, data-saver mode) and Next:
// it keeps the page as Next sent it, and what it answers goes through the light handler like Next's answers.
/** Next's session cookie, either form (lib/auth/cookie-names.ts SESSION_COOKIE_PATTERN, here in a cookie header). */
const SESSION_COOKIE = /(?:^|;)\s*(?:__Host-)?baro\.session(?:\.\d+)?=/;
/** Requests of Next's client router and of server actions: Next answers them (RSC payloads, actions). */
const NEXT_HEADERS = ['next-action', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];
/** A plain path: letters, digits, "-", "/" (topics, courses, lessons in any language). */
const PLAIN_PATH = /^\/[a-z0-9/-]{0,200}$/;
/** Headers of Next's answer that belong to one response, not to the page. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

function eligible(req) {
  if (req.method !== 'GET' || !PLAIN_PATH.test(req.url ?? '')) return false;
  if (NEXT_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  const cookie = req.headers.cookie;
  return !(cookie && SESSION_COOKIE.test(cookie));
}

/**
 * @param {{ store: ReturnType<typeof import('./page-store.cjs').openPageStore> | null, maxBytes?: number }} options
 *   maxBytes: the pages each process keeps (32 MB: a few hundred topic pages)
 */
export function createPageCache({ store, maxBytes = 32 * 2 ** 20 }) {
  /** request path → { key, lastModified, status, headers, body, etag }, least recently copied first */
  const pages = new Map();
  let bytes = 0;
  const stats = { hits: 0, misses: 0, copies: 0 };
  const drop = (path) => {
    const page = pages.get(path);
    if (!page) return;
    bytes -= page.body.length;
    pages.delete(path);
  };

  function answer(req, res, page) {
    for (const [k, v] of Object.entries(page.headers)) res.setHeader(k, v);
    if (page.etag && req.headers['if-none-match'] === page.etag) {
      res.statusCode = 304;
      res.removeHeader('content-type');
      res.end();
      return;
    }
    res.statusCode = page.status;
    res.setHeader('content-length', page.body.length);
    res.end(page.body);
  }

  return {
    stats,
    /** Answers the request from the cache when it may (true), else leaves it to Next (false). */
    serve(req, res) {
      if (!store || !eligible(req)) return false;
      const page = pages.get(req.url);
      if (!page) return false;
      if (!store.isCurrent(page.key, page.lastModified)) {
        drop(req.url);
        stats.misses++;
        return false;
      }
      stats.hits++;
      answer(req, res, page);
      return true;
    },

    /** Before Next handles an eligible request: copy its answer if it turns out to be a fresh page of Next's cache. */
    watch(req, res) {
      if (!store || !eligible(req)) return;
      const path = req.url;
      const chunks = [];
      let size = 0;
      let copying = true;
      /** Next's status and headers, as Next set them (before the light handler compresses or marks them) */
      let head = null;
      const write = res.write;
      const end = res.end;
      const keep = (chunk, encoding) => {
        head ??= { status: res.statusCode, headers: { ...res.getHeaders() } };
        if (!copying || chunk == null || typeof chunk === 'function') return;
        const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
        size += b.length;
        if (size > 4 * 2 ** 20) copying = false;
        else chunks.push(b);
      };
      res.write = function (chunk, encoding, cb) {
        keep(chunk, encoding);
        return write.call(this, chunk, encoding, cb);
      };
      res.end = function (chunk, encoding, cb) {
        keep(chunk, encoding);
        res.write = write;
        res.end = end;
        const out = end.call(this, chunk, encoding, cb);
        if (copying && head) copy(path, head, Buffer.concat(chunks));
        return out;
      };
    },
  };

  function copy(path, { status, headers }, body) {
    const rewrite = headers['x-middleware-rewrite'];
    if (status !== 200 || headers['x-nextjs-cache'] !== 'HIT' || headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined) return;
    if (typeof rewrite !== 'string' || !/^\/cached\/[a-z]{2,3}\/[a-z0-9/-]+$/.test(rewrite)) return;
    // The copy must be the page Next has now: the store's current entry for the key, byte for byte.
    const key = store.keyFor(rewrite);
    const entry = key && store.current(key);
    const html = entry?.value?.html;
    if (!entry || typeof html !== 'string' || !body.equals(Buffer.from(html))) return;
    const kept = {};
    for (const [k, v] of Object.entries(headers)) if (!PER_RESPONSE.has(k) && v !== undefined) kept[k] = v;
    drop(path);
    bytes += body.length;
    for (const [p] of pages) {
      if (bytes <= maxBytes) break;
      drop(p);
    }
    pages.set(path, { key, lastModified: entry.lastModified, status: 200, headers: kept, body, etag: typeof headers.etag === 'string' ? headers.etag : null });
    stats.copies++;
  }
}

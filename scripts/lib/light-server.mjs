// @ts-check
// What scripts/server.mjs does to every response of Next's request handler (issue 17, docs/features/light.md):
//   - data-saver mode (lib/light/data-saver.mjs): HTML without the framework's JavaScript;
//   - compression: Brotli or gzip as accepted; files of the build and public/ compressed once
//     (scripts/lib/compression.mjs); pages on the fly, or once per version when they carry an ETag;
//   - readable 404 and 403 pages: Next's empty error document is replaced by the status page rendered on
//     the server (lib/light/status-pages.mjs).
// One source of markup: Next renders every page; this only removes scripts, compresses, and swaps an empty
// error document for a rendered one.
import http from 'node:http';
import { BodyCache, MIN_BYTES, StaticFiles, compressible, encode, encoderStream, negotiate } from './compression.mjs';
import { dataSaverOn, stripFrameworkScripts } from '../../lib/light/data-saver.mjs';
import { isPagePath, statusOfPath, statusPagePath } from '../../lib/light/status-pages.mjs';

const SAVER_ETAG = '-saver';

/**
 * @typedef {(req: http.IncomingMessage, res: http.ServerResponse) => unknown} Handle
 * @typedef {{ handle: Handle, root: string, origin: () => string, innerHeader: string, log?: (m: string) => void, cacheBytes?: number }} Options
 */

/** @param {Options} o */
export function createLightHandler(o) {
  const files = new StaticFiles(o.root);
  const bodies = new BodyCache(o.cacheBytes ?? 32 * 1024 * 1024);
  const log = o.log ?? (() => {});

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  function serve(req, res) {
    const url = new URL(req.url ?? '/', 'http://x');
    const pathname = url.pathname;
    const statusPage = statusOfPath(pathname);
    const saver = statusPage !== null || dataSaverOn(req.headers.cookie, /** @type {string|undefined} */ (req.headers['save-data']));
    // A page stored in data-saver mode carries its own ETag (the full page's, marked): only that one may
    // be answered "not modified" in this mode, and only the full page's in the other.
    const inm = req.headers['if-none-match'];
    if (typeof inm === 'string' && isPagePath(pathname)) {
      const tags = inm.split(',').map((t) => t.trim()).filter((t) => t.endsWith(`${SAVER_ETAG}"`) === saver);
      if (tags.length) req.headers['if-none-match'] = tags.map((t) => (saver ? t.replace(`${SAVER_ETAG}"`, '"') : t)).join(', ');
      else delete req.headers['if-none-match'];
    }
    intercept(req, res, { pathname, saver, statusPage });
    o.handle(req, res);
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {{ pathname: string, saver: boolean, statusPage: 403 | 404 | null }} ctx
   */
  function intercept(req, res, ctx) {
    // The response's own methods, called with .call(res, …): the wrappers below replace them on `res`.
    /** @type {any} */
    const real = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
    /** @type {null | 'pass' | 'stream' | 'buffer' | 'cached' | 'redispatch'} */
    let mode = null;
    /** @type {Buffer[]} */
    const chunks = [];
    /** @type {'br' | 'gzip' | null} */
    let encoding = null;
    /** @type {Buffer | null} */
    let ready = null;
    let cacheKey = '';
    let fileQuality = false;
    /** @type {import('node:zlib').BrotliCompress | import('node:zlib').Gzip | null} */
    let encoder = null;
    const method = req.method ?? 'GET';

    const decide = () => {
      if (mode) return;
      // A status page says its status (the app renders it as an ordinary page).
      if (ctx.statusPage && res.statusCode === 200) res.statusCode = ctx.statusPage;
      const status = res.statusCode;
      const type = String(res.getHeader('content-type') ?? '');
      const html = /^text\/html/i.test(type);
      const enc = res.getHeader('content-encoding');
      const encoded = enc !== undefined && String(enc) !== 'identity';
      if (html) appendVary(res, ['Save-Data', 'Cookie']);
      if (compressible(type)) appendVary(res, ['Accept-Encoding']);
      const etag = res.getHeader('etag');
      if (ctx.saver && html && typeof etag === 'string') res.setHeader('etag', etag.replace(/"$/, `${SAVER_ETAG}"`));

      // Next's empty error document for notFound() / forbidden(): answered with the status page instead.
      if (
        (status === 404 || status === 403) &&
        html &&
        !encoded &&
        method === 'GET' &&
        ctx.statusPage === null &&
        !req.headers.rsc &&
        isPagePath(ctx.pathname)
      ) {
        mode = 'redispatch';
        return;
      }
      const bodyless = method === 'HEAD' || status === 204 || status === 304 || status < 200;
      const ranged = status === 206 || req.headers.range !== undefined || res.getHeader('content-range') !== undefined;
      const transform = ctx.saver && html && !encoded && !bodyless;
      const length = Number(res.getHeader('content-length') ?? NaN);
      const noTransform = /no-transform/i.test(String(res.getHeader('cache-control') ?? ''));
      encoding =
        bodyless || ranged || encoded || noTransform || !compressible(type) || (length < MIN_BYTES && !transform) ? null : negotiate(/** @type {string|undefined} */ (req.headers['accept-encoding']));
      if (!encoding && !transform) {
        mode = 'pass';
        return;
      }
      // A file of the build or public/, compressed once at start.
      if (encoding && !transform && status === 200 && method === 'GET') {
        const file = files.lookup(ctx.pathname, encoding);
        if (file) {
          ready = file;
          mode = 'cached';
          return;
        }
        if (files.sources.has(ctx.pathname)) fileQuality = true;
      }
      // A page or file with an ETag (served from Next's cache, or a static file): compressed once per version.
      if (typeof etag === 'string' && status === 200 && encoding) {
        cacheKey = `${encoding}\n${transform ? 's' : 'f'}\n${req.url}\n${etag}`;
        const hit = bodies.get(cacheKey);
        if (hit) {
          ready = hit;
          mode = 'cached';
          return;
        }
        mode = 'buffer';
        return;
      }
      mode = transform ? 'buffer' : 'stream';
    };

    /**
     * Sends the status and headers now. Node's write() and end() would otherwise call writeHead(), which is
     * replaced below and, in the modes that hold the body back, sends nothing.
     */
    const sendHead = () => {
      if (!res.headersSent) real.writeHead.call(res, res.statusCode);
    };

    /** Headers of a body we send whole. */
    const setLength = (/** @type {number} */ n) => {
      res.removeHeader('accept-ranges');
      res.setHeader('content-length', n);
      if (encoding) res.setHeader('content-encoding', encoding);
    };

    const startStream = () => {
      if (encoder || !encoding) return;
      res.removeHeader('content-length');
      res.removeHeader('accept-ranges');
      res.setHeader('content-encoding', encoding);
      encoder = encoderStream(encoding);
      const e = encoder;
      e.on('data', (d) => {
        sendHead();
        if (!real.write.call(res, d)) e.pause();
      });
      res.on('drain', () => e.resume());
      // Backpressure goes both ways: a write refused by the encoder (its buffer full) is retried by Next
      // on the response's 'drain'.
      e.on('drain', () => res.emit('drain'));
      e.on('end', () => {
        sendHead();
        real.end.call(res);
      });
      e.on('error', (err) => res.destroy(err));
      // Next flushes after each chunk it writes when the response offers flush() (as the compression
      // middleware does): a streamed page arrives in pieces.
      Object.assign(res, { flush: () => e.flush() });
    };

    /** @type {any} */
    const r = res;
    r.writeHead = function writeHead(/** @type {number} */ status, /** @type {any} */ a, /** @type {any} */ b) {
      res.statusCode = status;
      let headers = b;
      if (typeof a === 'string') res.statusMessage = a;
      else headers = a;
      if (Array.isArray(headers)) {
        if (Array.isArray(headers[0])) for (const [k, v] of headers) res.setHeader(k, v);
        else for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
      } else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, /** @type {any} */ (v));
      decide();
      if (mode === 'pass') real.writeHead.call(res, res.statusCode);
      else if (mode === 'stream') startStream();
      return res;
    };
    r.flushHeaders = function flushHeaders() {
      decide();
      if (mode === 'pass') real.flushHeaders.call(res);
      else if (mode === 'stream') {
        startStream();
        sendHead();
        real.flushHeaders.call(res);
      }
    };
    r.write = function write(/** @type {any} */ chunk, /** @type {any} */ enc, /** @type {any} */ cb) {
      decide();
      const callback = typeof enc === 'function' ? enc : cb;
      if (mode === 'pass') return real.write.call(res, chunk, enc, cb);
      if (mode === 'stream') {
        startStream();
        const ok = encoder?.write(toBuffer(chunk, enc)) ?? true;
        if (callback) process.nextTick(callback);
        return ok;
      }
      if (mode === 'buffer' && chunk != null) chunks.push(toBuffer(chunk, enc));
      if (callback) process.nextTick(callback);
      return true;
    };
    r.end = function end(/** @type {any} */ chunk, /** @type {any} */ enc, /** @type {any} */ cb) {
      if (typeof chunk === 'function') {
        cb = chunk;
        chunk = undefined;
      } else if (typeof enc === 'function') {
        cb = enc;
        enc = undefined;
      }
      decide();
      if (cb) res.once('finish', cb);
      if (mode === 'pass') return real.end.call(res, chunk, enc);
      if (mode === 'stream') {
        startStream();
        if (chunk != null && encoder) encoder.write(toBuffer(chunk, enc));
        encoder?.end();
        if (!encoder) {
          sendHead();
          real.end.call(res);
        }
        return res;
      }
      if (mode === 'cached' && ready) {
        setLength(ready.length);
        sendHead();
        real.end.call(res, ready);
        return res;
      }
      if (chunk != null && mode === 'buffer') chunks.push(toBuffer(chunk, enc));
      if (mode === 'redispatch') {
        redispatch(req, res, real, ctx.pathname, /** @type {403 | 404} */ (res.statusCode));
        return res;
      }
      finishBuffered().catch((err) => {
        log(`response failed: ${err?.message ?? err}`);
        res.destroy(err);
      });
      return res;
    };

    async function finishBuffered() {
      let body = Buffer.concat(chunks);
      if (ctx.saver && /^text\/html/i.test(String(res.getHeader('content-type') ?? ''))) {
        body = Buffer.from(stripFrameworkScripts(body.toString('utf8')), 'utf8');
      }
      if (encoding && body.length >= MIN_BYTES) {
        body = await encode(body, encoding, fileQuality ? 11 : undefined);
        if (cacheKey) bodies.set(cacheKey, body);
      } else encoding = null;
      if (res.destroyed) return;
      setLength(body.length);
      sendHead();
      real.end.call(res, body);
    }
  }

  /**
   * Answers a 404/403 page with the status page rendered by the app (a request to this same server),
   * keeping the status and the person's cookies.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {any} real the response's own methods
   * @param {string} pathname
   * @param {403 | 404} code
   */
  function redispatch(req, res, real, pathname, code) {
    const headers = { ...req.headers };
    for (const h of ['accept-encoding', 'if-none-match', 'if-modified-since', 'range', 'content-length', 'connection']) delete headers[h];
    headers[o.innerHeader] = '1';
    const target = new URL(statusPagePath(pathname, code), o.origin());
    const inner = http.request(target, { method: 'GET', headers }, (answer) => {
      /** @type {Buffer[]} */
      const body = [];
      answer.on('data', (d) => body.push(d));
      answer.on('end', async () => {
        try {
          for (const name of res.getHeaderNames()) res.removeHeader(name);
          for (const [k, v] of Object.entries(answer.headers)) {
            if (v === undefined || ['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'etag'].includes(k)) continue;
            res.setHeader(k, v);
          }
          res.statusCode = code;
          let out = Buffer.concat(body);
          const encoding = answer.statusCode === code ? negotiate(/** @type {string|undefined} */ (req.headers['accept-encoding'])) : null;
          if (encoding && out.length >= MIN_BYTES) {
            out = await encode(out, encoding);
            res.setHeader('content-encoding', encoding);
          }
          res.setHeader('content-length', out.length);
          real.writeHead.call(res, code);
          real.end.call(res, out);
        } catch (err) {
          res.destroy(/** @type {Error} */ (err));
        }
      });
      answer.on('error', (err) => res.destroy(err));
    });
    inner.on('error', (err) => {
      log(`status page for ${pathname} failed: ${err.message}`);
      res.destroy(err);
    });
    inner.end();
  }

  return { serve, files };
}

/**
 * @param {http.ServerResponse} res
 * @param {string[]} fields
 */
function appendVary(res, fields) {
  const current = String(res.getHeader('vary') ?? '');
  const have = new Set(current.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  if (have.has('*')) return;
  const add = fields.filter((f) => !have.has(f.toLowerCase()));
  if (add.length) res.setHeader('vary', [current, ...add].filter(Boolean).join(', '));
}

/**
 * @param {any} chunk
 * @param {any} enc
 */
function toBuffer(chunk, enc) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof enc === 'string' ? /** @type {BufferEncoding} */ (enc) : 'utf8');
  return Buffer.from(chunk);
}

// @ts-check
// Compression for scripts/server.mjs (issue 17 §2): Brotli or gzip as the client accepts, with Node's zlib.
// Pages are compressed as they are sent; the build's files (.next/static) and public/ once, with Brotli's
// best quality, into .next/compressed/, kept across restarts. docs/features/light.md.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Pages: fast and close to the best ratio (about 0.6 ms for a 40 KB page here; quality 11 takes 50 ms). */
export const PAGE_BROTLI_QUALITY = 5;
/** Files compressed once: the best ratio. */
export const FILE_BROTLI_QUALITY = 11;
/** Below this, compression saves less than its own framing. */
export const MIN_BYTES = 512;

/**
 * The encoding to send, from Accept-Encoding: Brotli when accepted, else gzip, else none. q=0 refuses.
 * @param {string | undefined | null} header
 * @returns {'br' | 'gzip' | null}
 */
export function negotiate(header) {
  if (!header) return null;
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (/** @type {string} */ name) => q.get(name) ?? (q.has('*') ? (q.get('*') ?? 0) : 0);
  const br = weight('br');
  const gz = Math.max(weight('gzip'), q.has('gzip') ? 0 : weight('x-gzip'));
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}

/**
 * Worth compressing: text, scripts, styles, data, SVG; never audio, video, images in compressed formats, archives.
 * @param {unknown} contentType
 */
export function compressible(contentType) {
  const t = String(contentType ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  if (t.startsWith('text/')) return true;
  return /^application\/(?:javascript|x-javascript|ecmascript|json|ld\+json|manifest\+json|xml|atom\+xml|rss\+xml|xhtml\+xml|x-component|wasm)$|^image\/(?:svg\+xml|x-icon|vnd\.microsoft\.icon)$|^font\/(?:ttf|otf)$/.test(t);
}

/**
 * A streaming encoder for pages: each flush() sends what the page has so far, so that a page streamed by
 * Next still arrives in pieces.
 * @param {'br' | 'gzip'} encoding
 */
export function encoderStream(encoding) {
  return encoding === 'br'
    ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: PAGE_BROTLI_QUALITY } })
    : zlib.createGzip({ level: 6 });
}

/**
 * A whole body, compressed off the main thread (zlib's thread pool).
 * @param {Buffer} body
 * @param {'br' | 'gzip'} encoding
 * @param {number} [quality] Brotli quality
 */
export function encode(body, encoding, quality = PAGE_BROTLI_QUALITY) {
  return encoding === 'br'
    ? brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzip(body, { level: 9 });
}

/**
 * The build's files and public/, compressed once. `prepare()` walks .next/static and public/ and writes
 * `<file>.br` and `<file>.gz` under .next/compressed/ (mirroring the URL) for every compressible file that
 * lacks them or is newer than them; `lookup()` answers from memory, reading a compressed file once.
 */
export class StaticFiles {
  /** @param {string} root the app's folder */
  constructor(root) {
    this.root = root;
    this.out = path.join(root, '.next', 'compressed');
    /** URL path → source file, for the files that may be compressed */
    /** @type {Map<string, string>} */
    this.sources = new Map();
    /** `${urlPath}\n${encoding}` → compressed bytes */
    /** @type {Map<string, Buffer>} */
    this.memory = new Map();
    this.ready = false;
  }

  /** URL path of every compressible file: /_next/static/… and the files of public/. */
  scan() {
    const walk = (/** @type {string} */ dir, /** @type {string} */ prefix) => {
      let entries;
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const file = path.join(dir, e.name);
        const url = `${prefix}/${e.name}`;
        if (e.isDirectory()) walk(file, url);
        else if (e.isFile() && compressibleName(e.name)) this.sources.set(url, file);
      }
    };
    walk(path.join(this.root, '.next', 'static'), '/_next/static');
    walk(path.join(this.root, 'public'), '');
    return this.sources.size;
  }

  /**
   * Compresses what is missing or stale, one file at a time in zlib's thread pool (the server answers
   * meanwhile; a file asked for before its turn is compressed on the fly).
   * @returns {Promise<{ files: number, written: number, bytes: number, brotli: number }>}
   */
  async prepare() {
    if (this.sources.size === 0) this.scan();
    let written = 0;
    let bytes = 0;
    let brotliBytes = 0;
    for (const [url, file] of this.sources) {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat || stat.size < MIN_BYTES) continue;
      bytes += stat.size;
      for (const encoding of /** @type {const} */ (['br', 'gzip'])) {
        const target = this.target(url, encoding);
        const done = fs.statSync(target, { throwIfNoEntry: false });
        if (done && done.mtimeMs >= stat.mtimeMs) {
          if (encoding === 'br') brotliBytes += done.size;
          continue;
        }
        const body = await encode(fs.readFileSync(file), encoding, FILE_BROTLI_QUALITY);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        // Written aside and renamed: a reader never sees half a file (one name per process: with
        // WEB_CONCURRENCY, every server process prepares the same files at start).
        fs.writeFileSync(`${target}.${process.pid}.tmp`, body);
        fs.renameSync(`${target}.${process.pid}.tmp`, target);
        this.memory.delete(`${url}\n${encoding}`);
        if (encoding === 'br') brotliBytes += body.length;
        written++;
      }
    }
    this.ready = true;
    return { files: this.sources.size, written, bytes, brotli: brotliBytes };
  }

  /**
   * @param {string} url
   * @param {'br' | 'gzip'} encoding
   */
  target(url, encoding) {
    return path.join(this.out, `${url}.${encoding === 'br' ? 'br' : 'gz'}`);
  }

  /**
   * The compressed bytes of a file of the build or public/, if they are ready and fresh.
   * @param {string} urlPath
   * @param {'br' | 'gzip'} encoding
   * @returns {Buffer | null}
   */
  lookup(urlPath, encoding) {
    const key = `${urlPath}\n${encoding}`;
    const hit = this.memory.get(key);
    if (hit) return hit;
    const file = this.sources.get(urlPath);
    if (!file) return null;
    try {
      const target = this.target(urlPath, encoding);
      if (fs.statSync(target).mtimeMs < fs.statSync(file).mtimeMs) return null;
      const body = fs.readFileSync(target);
      this.memory.set(key, body);
      return body;
    } catch {
      return null;
    }
  }
}

/** @param {string} name */
function compressibleName(name) {
  return /\.(?:js|mjs|css|svg|json|webmanifest|txt|xml|html|map|ico|ttf|otf)$/i.test(name);
}

/**
 * Compressed copies of whole responses that carry an ETag (the pages Next serves from its cache), so that
 * a page read a thousand times is compressed once per version. Bounded; the oldest entry goes first.
 */
export class BodyCache {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, Buffer>} */
    this.entries = new Map();
  }

  /** @param {string} key */
  get(key) {
    const v = this.entries.get(key);
    if (v) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v ?? null;
  }

  /**
   * @param {string} key
   * @param {Buffer} body
   */
  set(key, body) {
    if (body.length > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }
}

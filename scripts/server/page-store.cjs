// The pages Next keeps for anonymous readers (app/cached/…, ISR), in one SQLite file shared by every server
// process (WEB_CONCURRENCY, scripts/server/cluster.mjs): a comment posted through one process refreshes the
// page that all of them serve. Next reaches it through scripts/server/next-cache-handler.cjs; the front
// cache (scripts/server/page-cache.mjs) asks it whether a page it keeps is still the current one.
//
// It is a cache, not data: the file sits beside the database (data/baro.db → data/baro.pages.db,
// scripts/server/page-store-file.mjs), is deleted when the server starts (a new build, a restored
// database), and is written without waiting for the disk. Each process keeps the pages it read in memory
// and asks SQLite, on every read, whether the stored page is still that one and still fresh: one indexed
// query, about 10 µs. CommonJS: next.config.js loads Next's cache handler with require().
const v8 = require('node:v8');
const Database = require('better-sqlite3');

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    last_modified INTEGER NOT NULL,
    tags TEXT NOT NULL,
    cache_control TEXT,
    value BLOB NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS tags (tag TEXT PRIMARY KEY, expired INTEGER NOT NULL) WITHOUT ROWID;
`;

/** Buffers come back from v8.deserialize as Uint8Array views; Next expects Buffers (rscData, segments, bodies). */
function buffers(v) {
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof Map) {
    for (const [k, x] of v) v.set(k, buffers(x));
    return v;
  }
  if (Array.isArray(v)) return v.map(buffers);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const k of Object.keys(v)) v[k] = buffers(v[k]);
  }
  return v;
}

/** The tags Next gives a page or a route response (its path, its layouts…), or a fetch's. */
function tagsOf(value, ctxTags) {
  const header = value?.headers?.['x-next-cache-tags'];
  const fromHeader = typeof header === 'string' ? header.split(',').filter(Boolean) : [];
  return [...new Set([...fromHeader, ...(ctxTags ?? [])])];
}

/**
 * @param {string} file
 * @param {{ memoryBytes?: number }} [options] how much decoded pages each process keeps (64 MB)
 */
function openPageStore(file, { memoryBytes = 64 * 2 ** 20 } = {}) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  // An entry is current while no tag of it was expired at or after it was stored (same millisecond
  // included: a render that read before a write may be stored in the write's millisecond).
  const head = db.prepare(`
    SELECT e.last_modified AS lastModified, e.cache_control AS cacheControl,
      json_extract(e.cache_control, '$.revalidate') AS revalidate,
      EXISTS (SELECT 1 FROM json_each(e.tags) j JOIN tags t ON t.tag = j.value
              WHERE t.expired >= e.last_modified AND t.expired <= @now) AS expired
    FROM entries e WHERE e.key = @key`);
  const body = db.prepare('SELECT value, tags FROM entries WHERE key = ? AND last_modified = ?');
  const expiredSince = db.prepare('SELECT 1 FROM json_each(?) j JOIN tags t ON t.tag = j.value WHERE t.expired >= ? AND t.expired <= ? LIMIT 1');
  const put = db.prepare(`INSERT INTO entries (key, last_modified, tags, cache_control, value) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET last_modified = excluded.last_modified, tags = excluded.tags,
      cache_control = excluded.cache_control, value = excluded.value`);
  const remove = db.prepare('DELETE FROM entries WHERE key = ?');
  const expire = db.prepare('INSERT INTO tags (tag, expired) VALUES (?, ?) ON CONFLICT (tag) DO UPDATE SET expired = excluded.expired');
  const expireMany = db.transaction((tags, at) => {
    for (const t of tags) expire.run(t, at);
  });

  /**
   * Next's keys of pages carry a route prefix (/route-cache/APP_PAGE/<hash>/$/cached/fr/topics/2): the
   * key of each page path seen in this process, for the front cache, which knows the path only.
   */
  const keyByPath = new Map();
  const notePath = (key) => {
    const i = key.indexOf('/$/');
    if (i >= 0) keyByPath.set(key.slice(i + 2), key);
  };
  /** key → { lastModified, value, cacheControl, bytes }, least recently read first */
  const memory = new Map();
  let memoryUsed = 0;
  const forget = (key) => {
    const m = memory.get(key);
    if (m) {
      memoryUsed -= m.bytes;
      memory.delete(key);
    }
  };
  const remember = (key, entry) => {
    forget(key);
    memory.set(key, entry);
    memoryUsed += entry.bytes;
    for (const [k] of memory) {
      if (memoryUsed <= memoryBytes || memory.size <= 1) break;
      forget(k);
    }
  };
  // Past its revalidate time, a page is still served (Next's stale-while-revalidate), not by the front cache.
  const fresh = (lastModified, revalidate, now) => typeof revalidate !== 'number' || lastModified + revalidate * 1000 > now;

  return {
    file,
    /**
     * The stored entry for Next ({ lastModified, value, cacheControl }), or null when there is none or a
     * tag of it was expired since it was stored (Next then renders it again, blocking).
     */
    get(key) {
      notePath(key);
      const h = head.get({ key, now: Date.now() });
      if (!h || h.expired) {
        forget(key);
        return null;
      }
      const cached = memory.get(key);
      if (cached && cached.lastModified === h.lastModified) {
        memory.delete(key);
        memory.set(key, cached);
        return cached;
      }
      const row = body.get(key, h.lastModified);
      if (!row) return null;
      const entry = {
        lastModified: h.lastModified,
        value: buffers(v8.deserialize(row.value)),
        cacheControl: h.cacheControl ? JSON.parse(h.cacheControl) : undefined,
        bytes: row.value.length,
      };
      remember(key, entry);
      return entry;
    },
    /** Stores what Next rendered (null: forget the key). Returns the entry's lastModified. */
    set(key, value, { tags, cacheControl } = {}) {
      if (value == null) {
        remove.run(key);
        forget(key);
        return null;
      }
      notePath(key);
      const lastModified = Date.now();
      const blob = v8.serialize(value);
      put.run(key, lastModified, JSON.stringify(tagsOf(value, tags)), cacheControl ? JSON.stringify(cacheControl) : null, blob);
      remember(key, { lastModified, value, cacheControl, bytes: blob.length });
      return lastModified;
    },
    /** Was one of these tags expired after `lastModified` (an entry Next read from the build's files)? */
    expiredSince(tags, lastModified, now = Date.now()) {
      return !!expiredSince.get(JSON.stringify(tags ?? []), lastModified, now);
    },
    /** revalidatePath / revalidateTag, in any process: every entry carrying one of these tags is out of date. */
    expireTags(tags) {
      const list = (Array.isArray(tags) ? tags : [tags]).filter((t) => typeof t === 'string' && t);
      if (list.length) expireMany(list, Date.now());
    },
    /**
     * Is the page stored under `key` still the one stored at `lastModified`, with no tag expired since and
     * within its revalidate time? (The front cache asks this before answering from its copy.)
     */
    isCurrent(key, lastModified, now = Date.now()) {
      const h = head.get({ key, now });
      return !!h && !h.expired && h.lastModified === lastModified && fresh(h.lastModified, h.revalidate, now);
    },
    /** Next's key for a page path (/cached/fr/topics/2), once this process has seen it. */
    keyFor(pagePath) {
      return keyByPath.get(pagePath) ?? null;
    },
    /** The entry Next would serve now for `key`, fresh only (for the front cache's check of what it copies). */
    current(key, now = Date.now()) {
      const e = this.get(key);
      return e && fresh(e.lastModified, e.cacheControl?.revalidate, now) ? e : null;
    },
    close() {
      db.close();
    },
  };
}

const GLOBAL = Symbol.for('baro.pageStore');

/**
 * The process's store (one connection and one memory, shared by Next's cache handler and the front
 * cache), opened on the file scripts/server.mjs named in BARO_PAGE_STORE; null when there is none
 * (`next build`, `next dev`, tests): Next's handler then keeps pages in this process's memory only.
 */
function processPageStore() {
  const g = globalThis;
  if (g[GLOBAL] === undefined) g[GLOBAL] = process.env.BARO_PAGE_STORE ? openPageStore(process.env.BARO_PAGE_STORE) : null;
  return g[GLOBAL];
}

module.exports = { openPageStore, processPageStore };

// Next's incremental cache (ISR: the anonymous pages of app/cached) in the page store every server process
// shares (scripts/server/page-store.cjs), so that a revalidatePath in one process refreshes the page in all
// of them. lib/security/cache-handler.js extends it (a policy of hashes on each cached page) and
// next.config.js registers that as Next's process-wide cache.
//
// Without a store (`next build`, `next dev`, tests: scripts/server.mjs names one in BARO_PAGE_STORE), it is
// Next's own file-system cache. With one, what the build wrote (the prerendered 404 and error pages) is
// still read from the build's files, and follows the store's revalidated tags.
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { processPageStore } = require('./page-store.cjs');

const tagsOf = (value) => {
  const header = value?.headers?.['x-next-cache-tags'];
  return typeof header === 'string' ? header.split(',').filter(Boolean) : [];
};

class SharedPageCache extends FileSystemCache {
  /** @param {any} ctx Next's handler context */
  constructor(ctx) {
    super(ctx);
    // Next makes a handler per request: what matters lives in the process's store.
    this.store = processPageStore();
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    if (!this.store) return super.get(key, ctx);
    const e = this.store.get(key);
    if (e) return { lastModified: e.lastModified, value: e.value, cacheControl: e.cacheControl };
    // Not rendered since the start: the build's prerendered copy, if any, unless a tag of it expired since.
    const built = await super.get(key, ctx);
    if (built?.value && this.store.expiredSince(tagsOf(built.value), built.lastModified)) return null;
    return built;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (!this.store) return super.set(key, data, ctx);
    this.store.set(key, data, { tags: ctx?.tags, cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl });
  }

  /** @param {string | string[]} tags @param {any} [durations] */
  async revalidateTag(tags, durations) {
    if (!this.store) return super.revalidateTag(tags, durations);
    this.store.expireTags(tags);
  }
}

module.exports = SharedPageCache;

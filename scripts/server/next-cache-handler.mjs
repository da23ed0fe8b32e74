// Next's cache handler (next.config.js cacheHandler): the pages of app/cached/… and any other cached
// response, kept in the page store every server process shares (scripts/server/page-store.mjs), so that
// a revalidatePath in one process refreshes the page in all of them. Without a store (`next build`,
// `next dev`), a Map in this process, like Next's own memory cache.
import { processPageStore } from './page-store.mjs';

const local = new Map();

export default class BaroCacheHandler {
  constructor() {
    // Next makes a handler per request: everything lives in the process's store.
    this.store = processPageStore();
  }

  async get(key) {
    if (!this.store) return local.get(key) ?? null;
    const e = this.store.get(key);
    return e ? { lastModified: e.lastModified, value: e.value, cacheControl: e.cacheControl } : null;
  }

  async set(key, value, ctx) {
    const tags = ctx?.tags;
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
    if (!this.store) {
      if (value == null) local.delete(key);
      else local.set(key, { lastModified: Date.now(), value, cacheControl, tags });
      return;
    }
    this.store.set(key, value, { tags, cacheControl });
  }

  async revalidateTag(tags) {
    if (this.store) {
      this.store.expireTags(tags);
      return;
    }
    // In memory: drop what carries one of the tags (rare outside a server: next dev).
    const list = Array.isArray(tags) ? tags : [tags];
    for (const [key, e] of local) {
      const header = e.value?.headers?.['x-next-cache-tags'];
      const own = [...(typeof header === 'string' ? header.split(',') : []), ...(e.tags ?? [])];
      if (own.some((t) => list.includes(t))) local.delete(key);
    }
  }

  resetRequestCache() {}
}

/**
 * Baro's service worker (issue 17), built by scripts/build-sw.mjs after `next build` (esbuild + Serwist's
 * injectManifest) and served at /sw.js by app/sw.js/route.ts. Registered by components/offline/
 * offline-support.tsx, never on a shared computer of a connected space.
 *
 * - The shell is precached: the offline page of every language, the stylesheet, the icon.
 * - Topic, project and lesson pages (lib/offline/pages.ts) go to the network first; what comes back is kept
 *   (at most 50 pages and 5 MB, the oldest dropped first) and served when the network fails.
 * - Any other page that fails shows the offline page, with the list of pages kept on this device.
 * - Nothing else is cached: personal pages (account, notifications, moderation…) never are, and the pages
 *   kept are dropped at sign-out (Clear-Site-Data from proxy.ts, and the page's own script) and when
 *   another person signs in on the device.
 */
import { CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry, type SerwistPlugin } from 'serwist';
import { isReadablePage, localeOfPath, MAX_PAGE_BYTES, MAX_PAGES, MAX_PAGES_BYTES, OFFLINE_PATHS, offlinePath, PAGES_CACHE } from '../lib/offline/pages';

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };
/** The Next build's id (scripts/build-sw.mjs): the offline pages are fetched again for a new build. */
declare const __BARO_BUILD_ID__: string;

const TITLE_HEADER = 'x-baro-title';
const BYTES_HEADER = 'x-baro-bytes';
const SAVED_HEADER = 'x-baro-saved';

const sameOrigin = (url: URL) => url.origin === self.location.origin;
/** Next's own requests for a page's data (client navigation) are not pages. */
const isRscRequest = (request: Request, url: URL) => request.headers.has('RSC') || url.searchParams.has('_rsc');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The page's title as text (entities decoded), without the site's suffix ("%s · Baro", the layouts' template). */
function titleOf(html: string): string {
  const raw = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html)?.[1] ?? '';
  const text = raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
  return text.replace(/\s·\sBaro$/, '').trim();
}

/**
 * What is kept of a page read: only a whole, successful HTML page of this site, with its title, size and
 * date in headers (for the offline list and the budget); the cache key has no query (?sort=, ?posted=1).
 */
const keepPages: SerwistPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    return url.href;
  },
  cacheWillUpdate: async ({ response }) => {
    if (response.status !== 200 || response.type !== 'basic' || response.redirected) return null;
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) return null;
    const body = await response.clone().arrayBuffer();
    if (body.byteLength > MAX_PAGE_BYTES) return null;
    const headers = new Headers(response.headers);
    headers.set(TITLE_HEADER, encodeURIComponent(titleOf(new TextDecoder().decode(body))));
    headers.set(BYTES_HEADER, String(body.byteLength));
    headers.set(SAVED_HEADER, new Date().toISOString());
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  },
  cacheDidUpdate: async () => {
    await trimPages();
  },
};

/** At most MAX_PAGES pages and MAX_PAGES_BYTES: the pages kept longest ago go first. */
async function trimPages(): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  const entries = await Promise.all(
    (await cache.keys()).map(async (request) => {
      const res = await cache.match(request);
      return { request, bytes: Number(res?.headers.get(BYTES_HEADER) ?? 0), saved: res?.headers.get(SAVED_HEADER) ?? '' };
    }),
  );
  entries.sort((a, b) => a.saved.localeCompare(b.saved));
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  let count = entries.length;
  for (const e of entries) {
    if (count <= MAX_PAGES && total <= MAX_PAGES_BYTES) break;
    await cache.delete(e.request);
    total -= e.bytes;
    count--;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The pages kept, newest first, as the offline page's list (nothing when none: the page says so). */
async function savedPagesList(): Promise<string | null> {
  const cache = await caches.open(PAGES_CACHE);
  const items = await Promise.all(
    (await cache.keys()).map(async (request) => {
      const res = await cache.match(request);
      const url = new URL(request.url);
      const title = decodeURIComponent(res?.headers.get(TITLE_HEADER) ?? '') || url.pathname;
      return { href: url.pathname, title, saved: res?.headers.get(SAVED_HEADER) ?? '' };
    }),
  );
  if (items.length === 0) return null;
  items.sort((a, b) => b.saved.localeCompare(a.saved));
  const li = items.map((i) => `<li class="mb-2"><a href="${escapeHtml(i.href)}">${escapeHtml(i.title)}</a></li>`).join('');
  return `<ul class="list-disc pl-5">${li}</ul>`;
}

/** The offline page as precached, with the list of pages kept on this device written in. */
async function withSavedPages(response: Response): Promise<Response> {
  const list = await savedPagesList();
  if (!list) return response;
  const html = (await response.text()).replace(/(<div id="offline-list"[^>]*>)[\s\S]*?(<\/div>)/, `$1${list}$2`);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: 200, headers });
}

const isOfflinePage = (url: URL) => sameOrigin(url) && OFFLINE_PATHS.includes(url.pathname);

/** A page that cannot be reached, and is not kept: the offline page of its language, with the list written in. */
const offlineFallback: SerwistPlugin = {
  handlerDidError: async ({ request }) => {
    if (request.mode !== 'navigate') return undefined;
    const page = await serwist.matchPrecache(offlinePath(localeOfPath(new URL(request.url).pathname)));
    return page ? withSavedPages(page) : undefined;
  },
};

const serwist = new Serwist({
  precacheEntries: [...(self.__SW_MANIFEST ?? []), ...OFFLINE_PATHS.map((url) => ({ url, revision: __BARO_BUILD_ID__ }))],
  precacheOptions: {
    cleanupOutdatedCaches: true,
    // Asked directly (/offline), the offline page lists the pages kept too.
    plugins: [
      {
        cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
          cachedResponse && isOfflinePage(new URL(request.url)) ? withSavedPages(cachedResponse) : cachedResponse,
      },
    ],
  },
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // Topics, projects, lessons: the network first (10 s at most on a stalled 2G link), the copy kept otherwise.
      matcher: ({ request, url }) => request.mode === 'navigate' && sameOrigin(url) && isReadablePage(url.pathname),
      handler: new NetworkFirst({ cacheName: PAGES_CACHE, networkTimeoutSeconds: 10, plugins: [keepPages, offlineFallback] }),
    },
    {
      // Build files have their hash in their name: once fetched, kept (a page read offline still gets its
      // script, so the outbox works there). Never fetched ahead of need: that would cost data.
      matcher: ({ url, request }) => sameOrigin(url) && url.pathname.startsWith('/_next/static/') && !isRscRequest(request, url),
      handler: new CacheFirst({ cacheName: 'baro-static', plugins: [new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 30 * 24 * 3600 })] }),
    },
    {
      // Every other page: the network only; nothing personal is ever stored.
      matcher: ({ request, url }) => request.mode === 'navigate' && sameOrigin(url),
      handler: new NetworkOnly({ plugins: [offlineFallback] }),
    },
  ],
});

/**
 * A page read through a client-side navigation (no navigation request reached this worker) or before the
 * worker was installed: the page's script asks for it to be kept (one more download of that page).
 */
self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; url?: string } | null;
  if (data?.type !== 'baro:keep-page' || typeof data.url !== 'string') return;
  const url = new URL(data.url, self.location.origin);
  if (!sameOrigin(url) || !isReadablePage(url.pathname)) return;
  const handler = new NetworkFirst({ cacheName: PAGES_CACHE, plugins: [keepPages] });
  event.waitUntil(handler.handle({ event, request: new Request(url.pathname, { credentials: 'same-origin' }) }).catch(() => undefined));
});

serwist.addEventListeners();

import createMiddleware from 'next-intl/middleware';
import path from 'node:path';
import { NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIE_PATTERN, SHARED_DEVICE_COOKIE_PATTERN } from './lib/auth/cookie-names';
import { defaultLocale, locales } from './lib/i18n/config';
import { PATH_HEADER, routing } from './lib/i18n/routing';
import { FILE_POLICY, isHttps, pagePolicy, prerenderedHashes, staticPageHashes } from './lib/security/headers';

const intl = createMiddleware(routing);

/** The language prefixes: en|bm|snk|ff. */
const PREFIXES = locales.filter((l) => l !== defaultLocale).join('|');
/** /topics/12, /en/topics/12, /bm/topics/12…, nothing else (no query: sorting and paging stay dynamic). */
const CACHEABLE = new RegExp(`^(?:/(${PREFIXES}))?/topics/(\\d{1,9})$`);
const LOGIN = new RegExp(`^(?:/(?:${PREFIXES}))?/login$`);
/** /offline, /en/offline…: the same static page for everybody (app/cached/[locale]/offline, issue 17). */
const OFFLINE = new RegExp(`^(?:/(${PREFIXES}))?/offline$`);
/**
 * A course (/learn/<course>) and a lesson (/learn/<course>/<lesson>), in any language; not the pages of a
 * person (/learn/manage…, /learn/progress, a certificate, a quiz's answers), nor the list of courses (built
 * per request: a page prerendered at build time would read the build machine's database).
 */
const CACHEABLE_LEARN = new RegExp(`^(?:/(${PREFIXES}))?(/learn/(?!(?:manage|progress)(?:/|$))[a-z0-9-]{1,80}(?:/(?!certificate$)[a-z0-9-]{1,80})?)$`);

/** Route handlers: files and data, not pages (no language routing, no page policy; lib/media and lib/learn set their own headers too). */
const ROUTE_HANDLERS = /^\/(?:api|exports|feeds|images|media)(?:\/|$)/;

const CSP = 'Content-Security-Policy';

function hasSession(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => SESSION_COOKIE_PATTERN.test(c.name));
}

/** Does the browser carry a shared-computer mark (lib/shared-devices/token.ts)? */
function markedShared(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => SHARED_DEVICE_COOKIE_PATTERN.test(c.name));
}

let readBuild = false;

/**
 * The policy of a page rendered for this request: its inline scripts carry this nonce (Next reads it from
 * the request's Content-Security-Policy header and puts it on its own scripts). The 404 and error pages
 * Next keeps rendered (by the build, or again after a revalidation of the root layout) may answer
 * instead, with scripts named by hash (lib/security/headers.js staticPageHashes).
 */
function dynamicPagePolicy(): string {
  const dev = process.env.NODE_ENV === 'development';
  if (!readBuild && !dev) prerenderedHashes(path.join(process.cwd(), '.next'));
  readBuild = true;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  return pagePolicy({ nonce, ...(dev ? {} : staticPageHashes()), https: isHttps(process.env.PUBLIC_URL), dev });
}

/**
 * The request as next-intl sees it, plus the path the reader asked for (PATH_HEADER): the page header's
 * language links keep it, without a client component. next-intl reads only the URL and the headers,
 * and passes the headers on to the page.
 */
function withHeaders(req: NextRequest, policy: string): NextRequest {
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, req.nextUrl.pathname);
  headers.set(CSP, policy);
  return new NextRequest(req.url, { headers, method: req.method });
}

/**
 * Language routing, a fast path, and the Content-Security-Policy (lib/security/headers.js; the other
 * security headers are set for every path by next.config.js). An anonymous GET of a topic, a course or
 * a lesson is served from Next's cache (app/cached/…), with a policy of hashes the cache handler stored
 * with the page.
 * Never an access check: those live in lib/permissions, called by every action and page.
 */
export default function proxy(req: NextRequest) {
  const pathname = req.nextUrl.pathname;
  if (ROUTE_HANDLERS.test(pathname)) {
    const res = NextResponse.next();
    res.headers.set(CSP, FILE_POLICY);
    return res;
  }
  const m = CACHEABLE.exec(pathname);
  const learn = CACHEABLE_LEARN.exec(pathname);
  const signedIn = hasSession(req);
  if ((m || learn) && req.method === 'GET' && !req.nextUrl.search && !signedIn && !req.headers.get('next-action')) {
    const url = req.nextUrl.clone();
    url.pathname = m ? `/cached/${m[1] ?? 'fr'}/topics/${m[2]}` : `/cached/${learn![1] ?? 'fr'}${learn![2]}`;
    return NextResponse.rewrite(url);
  }
  const offline = OFFLINE.exec(pathname);
  if (offline && req.method === 'GET') {
    const url = req.nextUrl.clone();
    url.pathname = `/cached/${offline[1] ?? 'fr'}/offline`;
    url.search = '';
    return NextResponse.rewrite(url);
  }
  const policy = dynamicPagePolicy();
  // A path with a dot is a file of public/ (or a 404 page): no language routing, and nothing personal.
  const file = /\.[^/]*$/.test(pathname);
  const res = file ? NextResponse.next({ request: { headers: withHeaders(req, policy).headers } }) : intl(withHeaders(req, policy));
  res.headers.set(CSP, policy);
  // next-intl builds its redirects on the request's Host, which a client can forge: move them to PUBLIC_URL.
  const location = res.headers.get('location');
  if (location && process.env.PUBLIC_URL) {
    const to = new URL(location, req.url);
    if (to.host === req.nextUrl.host) res.headers.set('location', new URL(`${to.pathname}${to.search}${to.hash}`, process.env.PUBLIC_URL).toString());
  }
  // Whatever is rendered for a signed-in person is theirs: never stored by the browser or a proxy, so
  // neither Back nor the back/forward cache shows it to the next person on a shared computer.
  if (signedIn && !file) res.headers.set('Cache-Control', 'private, no-store');
  // Signed out: the browser drops the site's storage: the pages kept for reading offline and the outbox
  // (issue 17; the service worker registers again on the next page). On a shared computer, its cache too.
  if (!signedIn && req.nextUrl.searchParams.has('out') && LOGIN.test(pathname)) {
    res.headers.set('Clear-Site-Data', markedShared(req) ? '"cache", "storage"' : '"storage"');
  }
  return res;
}

export const config = {
  // Every path but the build's own files (next.config.js gives those their headers).
  matcher: ['/((?!_next/).*)'],
};

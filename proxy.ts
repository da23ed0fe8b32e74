import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIE_PATTERN, SHARED_DEVICE_COOKIE_PATTERN } from './lib/auth/cookie-names';
import { defaultLocale, locales } from './lib/i18n/config';
import { PATH_HEADER, routing } from './lib/i18n/routing';

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

function hasSession(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => SESSION_COOKIE_PATTERN.test(c.name));
}

/** Does the browser carry a shared-computer mark (lib/shared-devices/token.ts)? */
function markedShared(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => SHARED_DEVICE_COOKIE_PATTERN.test(c.name));
}

/**
 * The request as next-intl sees it, plus the path the reader asked for (PATH_HEADER): the page header's
 * language links keep it, without a client component. next-intl reads only the URL and the headers,
 * and passes the headers on to the page.
 */
function withPath(req: NextRequest): NextRequest {
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, req.nextUrl.pathname);
  return new NextRequest(req.url, { headers, method: req.method });
}

/**
 * Language routing, and a fast path: an anonymous GET of a topic is served from Next's cache
 * (app/cached/…). Never an access check: those live in lib/permissions, called by every action
 * and page.
 */
export default function proxy(req: NextRequest) {
  const m = CACHEABLE.exec(req.nextUrl.pathname);
  const learn = CACHEABLE_LEARN.exec(req.nextUrl.pathname);
  const signedIn = hasSession(req);
  if ((m || learn) && req.method === 'GET' && !req.nextUrl.search && !signedIn && !req.headers.get('next-action')) {
    const url = req.nextUrl.clone();
    url.pathname = m ? `/cached/${m[1] ?? 'fr'}/topics/${m[2]}` : `/cached/${learn![1] ?? 'fr'}${learn![2]}`;
    return NextResponse.rewrite(url);
  }
  const offline = OFFLINE.exec(req.nextUrl.pathname);
  if (offline && req.method === 'GET') {
    const url = req.nextUrl.clone();
    url.pathname = `/cached/${offline[1] ?? 'fr'}/offline`;
    url.search = '';
    return NextResponse.rewrite(url);
  }
  const res = intl(withPath(req));
  // Whatever is rendered for a signed-in person is theirs: never stored by the browser or a proxy, so
  // neither Back nor the back/forward cache shows it to the next person on a shared computer.
  if (signedIn) res.headers.set('Cache-Control', 'private, no-store');
  // Signed out: the browser drops the site's storage: the pages kept for reading offline and the outbox
  // (issue 17; the service worker registers again on the next page). On a shared computer, its cache too.
  if (!signedIn && req.nextUrl.searchParams.has('out') && LOGIN.test(req.nextUrl.pathname)) {
    res.headers.set('Clear-Site-Data', markedShared(req) ? '"cache", "storage"' : '"storage"');
  }
  return res;
}

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};

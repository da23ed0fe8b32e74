import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './lib/i18n/routing';

const intl = createMiddleware(routing);

/** /topics/12 or /en/topics/12, nothing else (no query: sorting and paging stay dynamic). */
const CACHEABLE = /^(?:\/(en))?\/topics\/(\d{1,9})$/;

function hasSession(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

/**
 * Language routing, and a fast path: an anonymous GET of a topic is served from Next's cache
 * (app/cached/…). Never an access check: those live in lib/permissions, called by every action
 * and page.
 */
export default function proxy(req: NextRequest) {
  const m = CACHEABLE.exec(req.nextUrl.pathname);
  if (m && req.method === 'GET' && !req.nextUrl.search && !hasSession(req) && !req.headers.get('next-action')) {
    const url = req.nextUrl.clone();
    url.pathname = `/cached/${m[1] ?? 'fr'}/topics/${m[2]}`;
    return NextResponse.rewrite(url);
  }
  return intl(req);
}

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};

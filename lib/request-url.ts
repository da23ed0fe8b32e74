import 'server-only';
import { headers } from 'next/headers';
import { stripLocale } from '@/lib/i18n/config';
import { PATH_HEADER } from '@/lib/i18n/routing';
import { pathBehindStatus } from '@/lib/light/status-pages.mjs';

/**
 * The path the reader asked for, without its language prefix ("/en/topics/3" → "/topics/3"). On a status
 * page (a 404 or 403 served by scripts/server.mjs), the path that was asked for: its language links
 * lead to the same address in another language.
 */
export async function requestPath(): Promise<string> {
  const raw = (await headers()).get(PATH_HEADER) ?? '/';
  // proxy.ts sets it on every page request; anything else is ignored.
  return /^\/(?!\/)[^\s\\]*$/.test(raw) && raw.length <= 2000 ? pathBehindStatus(stripLocale(raw)) : '/';
}

/**
 * The site's address, for absolute URLs in a page's metadata (canonical and language links):
 * PUBLIC_URL when set, else the address this request came to.
 */
export async function requestOrigin(): Promise<URL | null> {
  const configured = publicOrigin();
  if (configured) return configured;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!host) return null;
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  try {
    return new URL(`${proto}://${host}`);
  } catch {
    return null;
  }
}

/** PUBLIC_URL, the only address known to pages rendered once for everyone (no request). */
export function publicOrigin(): URL | null {
  try {
    return process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL) : null;
  } catch {
    return null;
  }
}

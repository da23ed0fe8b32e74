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

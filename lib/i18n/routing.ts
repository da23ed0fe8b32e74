import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './config';

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'as-needed',
  // The URL alone decides the language: a link to "/" must mean French, with or without JavaScript.
  localeDetection: false,
  // No `Link: …; rel="alternate"` header: next-intl builds it from the request's Host, which a client
  // can forge. Pages give their language links in their metadata, on PUBLIC_URL (lib/site-url.ts).
  alternateLinks: false,
});

/**
 * Request header set by proxy.ts: the path the reader asked for. The page header's language links keep
 * it (the app itself may see a rewritten path, e.g. /fr/… for /…).
 */
export const PATH_HEADER = 'x-baro-path';

import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './config';

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'as-needed',
  // The URL alone decides the language: a link to "/" must mean French, with or without JavaScript.
  localeDetection: false,
});

/**
 * Request header set by proxy.ts: the path the reader asked for. The page header's language links keep
 * it (the app itself may see a rewritten path, e.g. /fr/… for /…).
 */
export const PATH_HEADER = 'x-baro-path';

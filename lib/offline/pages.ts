import { defaultLocale, localePath, locales, type Locale } from '@/lib/i18n/config';

/**
 * What the service worker (sw/sw.ts) keeps for reading offline, shared with the page's script
 * (components/offline/offline-support.tsx). No imports beyond lib/i18n/config: both run in the browser.
 */

/** The Cache Storage cache of the pages read (cleared at sign-out and when another person signs in). */
export const PAGES_CACHE = 'baro-pages';
export const MAX_PAGES = 50;
export const MAX_PAGES_BYTES = 5 * 1024 * 1024;
/** One page never takes more than a fifth of the budget. */
export const MAX_PAGE_BYTES = MAX_PAGES_BYTES / 5;

const PREFIXES = locales.filter((l) => l !== defaultLocale).join('|');

/**
 * A topic, a project, a course or a lesson (/learn/<course>, /learn/<course>/<lesson>), in any language:
 * what a person reads and may want to read again offline. Nothing else is kept: account, notifications,
 * moderation, administration, facilitation, a course's management, one's progress, a certificate, a quiz's
 * answers and every form page are personal or useless offline.
 */
export const READABLE_PAGE = new RegExp(
  `^(?:/(?:${PREFIXES}))?/(?:topics/\\d{1,9}|projects/\\d{1,9}|learn/(?!(?:manage|progress)(?:/|$))[a-z0-9-]{1,80}(?:/(?!certificate$)[a-z0-9-]{1,80})?)$`,
);

export function isReadablePage(pathname: string): boolean {
  return READABLE_PAGE.test(pathname);
}

/** The language of a path: its prefix, French without one. */
export function localeOfPath(pathname: string): Locale {
  const first = pathname.split('/')[1] ?? '';
  return (locales as readonly string[]).includes(first) ? (first as Locale) : defaultLocale;
}

/** The offline page of a language (app/cached/[locale]/offline, precached). */
export const offlinePath = (locale: Locale) => localePath(locale, '/offline');
export const OFFLINE_PATHS = locales.map(offlinePath);

/**
 * Languages served at a URL. French is the default and has no prefix (/…); others are prefixed (/en/…).
 * Bambara (bm), Soninke (snk) and Pulaar (ff) have message files that fall back to French key by key;
 * add a code here once its file is translated enough to serve (see `npm run i18n:coverage`).
 */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

/** Every message file, served or not (for the coverage report and fallbacks). */
export const allMessageLocales = ['fr', 'en', 'bm', 'snk', 'ff'] as const;
export type MessageLocale = (typeof allMessageLocales)[number];

export const timeZone = 'Africa/Bamako';

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (locales as readonly string[]).includes(v);
}

/** Path for a locale: French has no prefix. `path` starts with "/". */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (locale === defaultLocale) return clean;
  return clean === '/' ? `/${locale}` : `/${locale}${clean}`;
}

/** Removes a locale prefix from a pathname: "/en/login" → "/login". */
export function stripLocale(pathname: string): string {
  for (const l of locales) {
    if (l === defaultLocale) continue;
    if (pathname === `/${l}`) return '/';
    if (pathname.startsWith(`/${l}/`)) return pathname.slice(l.length + 1);
  }
  return pathname || '/';
}

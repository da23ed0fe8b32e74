/**
 * Languages served at a URL. French is the default and has no prefix (/…); others are prefixed (/en/…,
 * /bm/…). Bambara (bm), Soninke (snk) and Pulaar (ff) show what speakers translated and approved in
 * /admin/translations (lib/translations), and French key by key everywhere else.
 */
export const locales = ['fr', 'en', 'bm', 'snk', 'ff'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

/** Every message file (for the coverage report and fallbacks): the same as the served locales. */
export const allMessageLocales = locales;
export type MessageLocale = Locale;

/** The languages translated in the app, reviewed by two people (French is the source; English is kept in the repository). */
export const translatableLocales = ['bm', 'snk', 'ff'] as const;
export type TranslatableLocale = (typeof translatableLocales)[number];

export function isTranslatableLocale(v: unknown): v is TranslatableLocale {
  return typeof v === 'string' && (translatableLocales as readonly string[]).includes(v);
}

/** Each language named in itself (the language switcher): never translated. */
export const languageAutonyms: Record<Locale, string> = {
  fr: 'Français',
  en: 'English',
  bm: 'Bamanankan',
  snk: 'Sooninkanxanne',
  ff: 'Pulaar',
};

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

/** The locale of an account's preferred language (any stored value that is not served reads as French). */
export function preferredLocale(language: string | null | undefined): Locale {
  return isLocale(language) ? language : defaultLocale;
}

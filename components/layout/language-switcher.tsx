import { localePath, locales, type Locale } from '@/lib/i18n/config';

/**
 * Plain links (no JavaScript needed, none sent); the current path is kept in the other language. Each
 * language is named in itself (Bamanankan, Sooninkanxanne, Pulaar) and marked with its lang.
 */
export function LanguageSwitcher({
  current,
  label,
  names,
  path,
}: {
  current: Locale;
  label: string;
  names: Record<Locale, string>;
  /** the page's path without its language prefix */
  path: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {locales.map((l) =>
        l === current ? (
          <span key={l} aria-current="true" lang={l} className="font-bold">
            {names[l]}
          </span>
        ) : (
          <a key={l} href={localePath(l, path)} hrefLang={l} lang={l} className="text-teal-900">
            {names[l]}
          </a>
        ),
      )}
    </nav>
  );
}

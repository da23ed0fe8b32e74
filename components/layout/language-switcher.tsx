'use client';

import { usePathname } from 'next/navigation';
import { localePath, locales, stripLocale, type Locale } from '@/lib/i18n/config';

/** Plain links (work without JavaScript); the current path is kept in the other language. */
export function LanguageSwitcher({
  current,
  label,
  names,
  path: fixedPath,
}: {
  current: Locale;
  label: string;
  names: Record<Locale, string>;
  /** given by pages served from the cache, where the URL seen by the server is an internal one */
  path?: string;
}) {
  const pathname = usePathname();
  const path = fixedPath ?? stripLocale(pathname || '/');
  return (
    <nav aria-label={label} className="flex gap-3 text-sm">
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

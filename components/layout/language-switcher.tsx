'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { localePath, locales, stripLocale, type Locale } from '@/lib/i18n/config';

/**
 * Plain links (no JavaScript needed); the current path is kept in the other language. Each language is
 * named in itself (Bamanankan, Sooninkanxanne, Pulaar) and marked with its lang. With JavaScript, the
 * layout that holds them is not rendered again when a form's action moves to another page (creating a
 * topic leads to it): the links then follow the address bar (issue 17 §8).
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
  /** the page's path without its language prefix, as the server saw it */
  path: string;
}) {
  const pathname = usePathname();
  // The server's path until the router moves: then the router's (pages served from a rewrite, app/cached,
  // may report another path at first, so the first one is not trusted).
  const [first] = useState(pathname);
  const here = pathname === first ? path : stripLocale(pathname);
  return (
    <nav aria-label={label} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {locales.map((l) =>
        l === current ? (
          <span key={l} aria-current="true" lang={l} className="font-bold">
            {names[l]}
          </span>
        ) : (
          <a key={l} href={localePath(l, here)} hrefLang={l} lang={l} className="text-teal-900">
            {names[l]}
          </a>
        ),
      )}
    </nav>
  );
}

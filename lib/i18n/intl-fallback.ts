/**
 * Locale data for the languages Baro serves. Node's ICU (full-icu, CLDR) knows Bambara (bm) and Pulaar
 * (ff) — plural rules, numbers, month names — but not Soninke (snk): asked for "snk", Intl silently
 * answers with the process's default locale (en-US on most servers). For a served language the runtime
 * has no data for, Baro formats as in French, the working language of the region: plural categories,
 * number and date formats, lists and relative times. Month and day names are then French too: nobody
 * has reviewed Soninke ones, so none are invented.
 *
 * next-intl builds its Intl objects from the locale of the URL, so the fallback has to sit in front of
 * the Intl constructors themselves: `installIntlFallback()` wraps them once per process (server only)
 * so that a locale without data is asked as [locale, 'fr'] — Intl's own negotiation then picks French.
 * Locales the runtime knows are passed through untouched.
 */
import { locales } from './config';

export const FORMAT_FALLBACK = 'fr';

const WRAPPED = ['PluralRules', 'NumberFormat', 'DateTimeFormat', 'RelativeTimeFormat', 'ListFormat'] as const;
type WrappedName = (typeof WRAPPED)[number];
type IntlCtor = {
  new (locales?: unknown, options?: unknown): unknown;
  supportedLocalesOf(locales: string | string[]): string[];
  prototype: unknown;
};
const MARK = Symbol.for('baro.intlFallback');
const intl = Intl as unknown as Record<WrappedName, IntlCtor>;

/** The original constructors (before any wrapping), to ask what the runtime really knows. */
const originals: Record<WrappedName, IntlCtor> = Object.fromEntries(
  WRAPPED.map((n) => [n, ((intl[n] as unknown as Record<symbol, IntlCtor>)[MARK] ?? intl[n]) as IntlCtor]),
) as Record<WrappedName, IntlCtor>;

/** Does the runtime have plural rules, number and date data for this language? */
export function runtimeKnows(locale: string, ctors: Pick<Record<WrappedName, IntlCtor>, 'PluralRules' | 'NumberFormat' | 'DateTimeFormat'> = originals): boolean {
  return (['PluralRules', 'NumberFormat', 'DateTimeFormat'] as const).every((n) => ctors[n].supportedLocalesOf([locale]).length > 0);
}

/** Baro's languages this runtime has no data for (on Node 20 full-icu: snk). */
export function localesWithoutIntlData(knows: (locale: string) => boolean = runtimeKnows): string[] {
  return locales.filter((l) => !knows(l));
}

/** The locale to format in: the language itself when the runtime knows it, else French. */
export function formattingLocale(locale: string, knows: (locale: string) => boolean = runtimeKnows): string {
  return knows(locale) ? locale : FORMAT_FALLBACK;
}

/** ["snk"] → ["snk", "fr"] for a language without data (its region variants too); others unchanged. */
export function withFormatFallback(requested: unknown, missing: readonly string[]): unknown {
  if (requested === undefined || missing.length === 0) return requested;
  const list = (Array.isArray(requested) ? requested : [requested]).map((l) => String(l));
  const out: string[] = [];
  for (const tag of list) {
    out.push(tag);
    if (missing.includes(tag.split('-')[0]!.toLowerCase()) && !list.includes(FORMAT_FALLBACK)) out.push(FORMAT_FALLBACK);
  }
  return out;
}

/** Wraps the Intl constructors once (idempotent); `Intl.DateTimeFormat()` without `new` keeps working. */
export function installIntlFallback(): void {
  const missing = localesWithoutIntlData();
  if (missing.length === 0) return;
  for (const name of WRAPPED) {
    const current = intl[name] as IntlCtor & { [MARK]?: IntlCtor };
    if (current[MARK]) continue;
    const Original = current;
    const Wrapped = function (locales?: unknown, options?: unknown) {
      return new Original(withFormatFallback(locales, missing), options);
    } as unknown as IntlCtor & { [MARK]?: IntlCtor };
    Object.setPrototypeOf(Wrapped, Original); // supportedLocalesOf and the other statics
    Wrapped.prototype = Original.prototype; // instanceof keeps working
    Object.defineProperty(Wrapped, 'name', { value: Original.name });
    Object.defineProperty(Wrapped, MARK, { value: Original });
    intl[name] = Wrapped;
  }
}

import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { FORMAT_FALLBACK, formattingLocale, installIntlFallback, localesWithoutIntlData, runtimeKnows, withFormatFallback } from '@/lib/i18n/intl-fallback';
import { formatPercent } from '@/lib/i18n/format';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

installIntlFallback();
const march = new Date('2027-03-10T12:00:00Z');

describe('what Node’s ICU knows of Baro’s languages', () => {
  it('Bambara and Pulaar have CLDR data; Soninke has none (the fallback is for it)', () => {
    expect(runtimeKnows('bm')).toBe(true);
    expect(runtimeKnows('ff')).toBe(true);
    expect(runtimeKnows('snk')).toBe(false);
    expect(localesWithoutIntlData()).toEqual(['snk']);
    expect(formattingLocale('snk')).toBe('fr');
    expect(formattingLocale('bm')).toBe('bm');
  });

  it('a language the runtime knows keeps its own plurals, numbers and month names', () => {
    expect(new Intl.PluralRules('bm').resolvedOptions().pluralCategories).toEqual(['other']);
    expect(new Intl.DateTimeFormat('bm', { month: 'long', timeZone: 'UTC' }).format(march)).toBe('marisi');
    expect(new Intl.DateTimeFormat('ff', { month: 'long', timeZone: 'UTC' }).format(march)).toBe('mbooy');
  });
});

describe('the French fallback for a language without data (Soninke)', () => {
  it('plural rules, numbers, dates, lists and relative times are French, not the server’s default locale', () => {
    expect(new Intl.PluralRules('snk').resolvedOptions().locale).toBe('fr');
    expect(new Intl.PluralRules('snk').select(0)).toBe('one'); // French: 0 and 1 are singular
    expect(new Intl.NumberFormat('snk').format(1234567.5)).toBe(new Intl.NumberFormat('fr').format(1234567.5));
    expect(new Intl.DateTimeFormat('snk', { dateStyle: 'long', timeZone: 'UTC' }).format(march)).toBe('10 mars 2027');
    expect(new Intl.ListFormat('snk').format(['a', 'b'])).toBe('a et b');
    expect(new Intl.RelativeTimeFormat('snk').format(-1, 'day')).toBe('il y a 1 jour');
    // called as a function, as some libraries do
    expect((Intl.DateTimeFormat as unknown as (l: string) => Intl.DateTimeFormat)('snk').resolvedOptions().locale).toBe('fr');
    expect(new Intl.NumberFormat('snk') instanceof Intl.NumberFormat).toBe(true);
  });

  it('next-intl messages in Soninke use French plural rules for the French text they fall back to', () => {
    const t = createTranslator({ locale: 'snk', messages: fr, namespace: 'Topics' });
    expect(t('comments', { count: 1 })).toBe('1 commentaire');
    expect(t('votes', { count: 2 })).toBe('2 votes');
  });

  it('asks Intl for [language, French] only for languages without data, whatever the form of the request', () => {
    expect(withFormatFallback('snk', ['snk'])).toEqual(['snk', FORMAT_FALLBACK]);
    expect(withFormatFallback('snk-ML', ['snk'])).toEqual(['snk-ML', FORMAT_FALLBACK]);
    expect(withFormatFallback(['snk', 'en'], ['snk'])).toEqual(['snk', FORMAT_FALLBACK, 'en']);
    expect(withFormatFallback(new Intl.Locale('snk'), ['snk'])).toEqual(['snk', FORMAT_FALLBACK]);
    expect(withFormatFallback('bm', ['snk'])).toEqual(['bm']);
    expect(withFormatFallback(undefined, ['snk'])).toBeUndefined();
    // On a runtime without Bambara data (small-icu), Bambara would fall back the same way.
    expect(localesWithoutIntlData((l) => l === 'fr' || l === 'en')).toEqual(['bm', 'snk', 'ff']);
    expect(formattingLocale('bm', () => false)).toBe('fr');
  });
});

describe('punctuation and percentages per language', () => {
  it('percentages come from Intl: “75 %” in French, “75%” in English', () => {
    expect(formatPercent('fr', 75)).toBe(new Intl.NumberFormat('fr', { style: 'percent' }).format(0.75));
    expect(formatPercent('fr', 75)).toMatch(/^75\s%$/);
    expect(formatPercent('en', 75)).toBe('75%');
    expect(formatPercent('en', 12.5)).toBe('12.5%');
    expect(formatPercent('snk', 75)).toBe(formatPercent('fr', 75));
  });

  it('English puts no space before a colon; French does', () => {
    expect(createTranslator({ locale: 'en', messages: en })('Common.labelValue', { label: 'Opinions expressed', value: 'For 2' })).toBe('Opinions expressed: For 2');
    expect(createTranslator({ locale: 'fr', messages: fr })('Common.labelValue', { label: 'Avis exprimés', value: 'Pour 2' })).toBe('Avis exprimés : Pour 2');
    const spaced = (tree: object, at = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? (/\S [:;!?](\s|$)/.test(v) ? [`${at}${k}: ${v}`] : []) : spaced(v, `${at}${k}.`)));
    expect(spaced(en)).toEqual([]);
  });
});

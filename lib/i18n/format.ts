import { formattingLocale } from './intl-fallback';

/**
 * A percentage as the language writes it ("75 %" in French, "75%" in English), from a value in
 * percent (75, not 0.75); at most one decimal.
 */
export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(formattingLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { translationProposals } from '@/db/schema';
import { isTranslatableLocale, type Locale } from '@/lib/i18n/config';
import { fileMessages, SOURCE } from './catalog';
import { approvedTexts } from './live';

export type LocaleCoverage = {
  locale: Locale;
  /** keys French has */
  total: number;
  /** translated in messages/<locale>.json */
  inFile: number;
  /** approved in the app (live), whether or not the file has them */
  approvedInApp: number;
  /** what readers get in their language: the file or an approval */
  translated: number;
  percent: number;
  /** keys with at least one proposal waiting for review */
  awaitingReview: number;
};

/** How much of the interface a language covers with reviewed texts (db null: the files alone). */
export function translationCoverage(db: Pick<Db, 'select'> | null, locale: Locale): LocaleCoverage {
  const total = SOURCE.size;
  const file = locale === 'fr' ? SOURCE : fileMessages(locale);
  const approved = db && isTranslatableLocale(locale) ? approvedTexts(db, locale) : new Map<string, string>();
  const translated = new Set([...file.keys(), ...approved.keys()]).size;
  const awaitingReview =
    db && isTranslatableLocale(locale)
      ? new Set(
          db
            .select({ key: translationProposals.key })
            .from(translationProposals)
            .where(and(eq(translationProposals.locale, locale), eq(translationProposals.state, 'proposed')))
            .all()
            .map((r) => r.key)
            .filter((k) => SOURCE.has(k)),
        ).size
      : 0;
  return { locale, total, inFile: file.size, approvedInApp: approved.size, translated, percent: total ? (100 * translated) / total : 0, awaitingReview };
}

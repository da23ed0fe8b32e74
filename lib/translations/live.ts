/**
 * Approved translations go live without a rebuild: the messages of a language are its file in the
 * repository, with the texts approved in the app laid over it, and French for every key still missing.
 *
 * Each process keeps the merged messages in memory. Every approval or revert bumps a version number in
 * the database (settings "translations.version", in the same transaction); a process reads that number
 * at most once a second and rebuilds a language when it moved. So the process that approved sees the
 * change at once, and other processes (several `next start` behind a proxy) within a second, for the
 * price of one indexed read a second.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { settings, translationProposals } from '@/db/schema';
import { isTranslatableLocale, type Locale } from '@/lib/i18n/config';
import { loadMessages, withFallback, type Messages } from '@/lib/i18n/messages';
import { fileMessages, nestMessages, SOURCE } from './catalog';

const VERSION_KEY = 'translations.version';
/** How long a process trusts its copy before asking the database whether anything was approved. */
export const VERSION_CHECK_MS = 1000;

/** Called inside every transaction that changes what is live. */
export function bumpTranslationsVersion(tx: Pick<Tx, 'run'>): void {
  tx.run(sql`INSERT INTO settings (key, value) VALUES (${VERSION_KEY}, '1')
             ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`);
}

export function translationsVersion(db: Pick<Db, 'select'>): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, VERSION_KEY)).get();
  return row ? Number(row.value) || 0 : 0;
}

/** The approved texts of a language: key → text. */
export function approvedTexts(db: Pick<Db, 'select'>, locale: Locale): Map<string, string> {
  if (!isTranslatableLocale(locale)) return new Map();
  const rows = db
    .select({ key: translationProposals.key, text: translationProposals.text })
    .from(translationProposals)
    .where(and(eq(translationProposals.locale, locale), eq(translationProposals.state, 'approved')))
    .all();
  return new Map(rows.filter((r) => SOURCE.has(r.key)).map((r) => [r.key, r.text]));
}

/** What a reader of this language sees for each key: approved in the app, else the file, else nothing (French then). */
export function liveTexts(db: Pick<Db, 'select'>, locale: Locale): Map<string, string> {
  const out = new Map(fileMessages(locale));
  for (const [k, v] of approvedTexts(db, locale)) out.set(k, v);
  return out;
}

type ProcessCache = { version: number; checkedAt: number; messages: Map<Locale, Messages> };
/** Per database handle (tests open several), per process. */
const caches = new WeakMap<object, ProcessCache>();

/**
 * The messages of a language as readers see them now (see above). French and English come from their
 * files alone: French is the source; English is translated in the repository.
 */
export async function liveMessages(db: Db, locale: Locale, nowMs = Date.now()): Promise<Messages> {
  if (!isTranslatableLocale(locale)) return loadMessages(locale);
  let cache = caches.get(db);
  if (!cache) {
    cache = { version: -1, checkedAt: -Infinity, messages: new Map() };
    caches.set(db, cache);
  }
  if (nowMs - cache.checkedAt >= VERSION_CHECK_MS) {
    const version = readVersion(db);
    if (version === null) return loadMessages(locale); // no migrated database (a build without one): the files alone
    cache.checkedAt = nowMs;
    if (version !== cache.version) {
      cache.version = version;
      cache.messages.clear();
    }
  }
  let messages = cache.messages.get(locale);
  if (!messages) {
    let texts: Map<string, string>;
    try {
      texts = liveTexts(db, locale);
    } catch {
      return loadMessages(locale); // a database not migrated yet: the files alone, and ask again next time
    }
    messages = withFallback(nestMessages(texts)) as Messages;
    cache.messages.set(locale, messages);
  }
  return messages;
}

/** The version, or null when the database has no translation tables yet. */
function readVersion(db: Db): number | null {
  try {
    return translationsVersion(db);
  } catch {
    return null;
  }
}

/** After a change in this process: the next read asks the database at once. */
export function forgetLiveMessages(db: Db): void {
  caches.delete(db);
}

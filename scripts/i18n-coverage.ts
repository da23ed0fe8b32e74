/**
 * npm run i18n:coverage: per language, how many of the French message keys readers get translated —
 * from messages/<locale>.json and, when the database exists (DATABASE_PATH, default data/baro.db), from
 * the translations approved in the app — and how many wait for review. Fails if French or English is
 * incomplete (they are served complete).
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import fs from 'node:fs';
import { defaultDatabasePath } from '../db/client';
import * as schema from '../db/schema';
import { flattenMessages } from '../lib/translations/catalog';
import { translationCoverage } from '../lib/translations/coverage';
import { locales } from '../lib/i18n/config';
import type { MessageTree } from '../lib/translations/catalog';

function openReadOnly() {
  const file = defaultDatabasePath();
  if (!fs.existsSync(file)) return { db: null, note: `no database at ${file}: files only` };
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const db = drizzle(sqlite, { schema });
    db.select().from(schema.translationProposals).limit(1).all();
    return { db, note: `database ${file}` };
  } catch (e) {
    return { db: null, note: `database ${file} unreadable or not migrated (${e instanceof Error ? e.message : e}): files only` };
  }
}

const { db, note } = openReadOnly();
console.log(`[i18n] ${note}`);
console.log('locale   in file   approved in app   translated / total   coverage   awaiting review   extra keys');
let failed = false;
const french = flattenMessages(JSON.parse(fs.readFileSync('messages/fr.json', 'utf8')) as MessageTree);
for (const locale of locales) {
  const c = translationCoverage(db, locale);
  const file = JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')) as MessageTree;
  const extra = [...flattenMessages(file).keys()].filter((k) => !french.has(k));
  console.log(
    `${locale.padEnd(6)} ${String(c.inFile).padStart(9)} ${String(c.approvedInApp).padStart(17)} ${`${c.translated} / ${c.total}`.padStart(20)} ${`${c.percent.toFixed(1)} %`.padStart(10)} ${String(c.awaitingReview).padStart(17)} ${String(extra.length).padStart(12)}`,
  );
  if (extra.length) console.log(`        keys not in French (typos?): ${extra.slice(0, 10).join(', ')}`);
  if ((locale === 'fr' || locale === 'en') && c.translated !== c.total) failed = true;
}
if (failed) {
  console.error('A locale served complete (fr, en) is incomplete.');
  process.exit(1);
}

/**
 * Migrates the database and seeds a new one: the demo, or with DEMO=false the geography alone; removes
 * what a crash may have left in MEDIA_DIR. Then refuses to go on (exit 3) when PUBLIC_URL is https and
 * demo accounts exist. Used by `npm start`, `npm run dev` and the e2e suite.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';
import { isEmpty } from '../db/seed';
import { roleGrants } from '../db/schema';
import { startRefusal } from '../lib/demo/deployment';
import { demoAccountsExist } from '../lib/demo/status';
import { demoWanted, env } from '../lib/env';
import { defaultMediaDir } from '../lib/media/config';
import { sweepMedia } from '../lib/media/sweep-media';
import { seedNewDatabase } from './seed-new-database';

async function main() {
  // Every setting checked before anything is built or served: a wrong one stops `npm start` here, by name.
  env();
  const file = defaultDatabasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  if (isEmpty(db)) {
    const demo = demoWanted(process.env.DEMO);
    await seedNewDatabase(db, { demo });
    console.log(demo ? `[baro] seeded demo data into ${file}` : `[baro] new database ${file}: geography only (DEMO=false)`);
  } else {
    console.log(`[baro] database ready: ${file}`);
  }
  const swept = sweepMedia(db, defaultMediaDir());
  if (swept.workDirs + swept.orphanFiles + swept.expired > 0) {
    console.log(`[baro] media: removed ${swept.workDirs} unfinished uploads, ${swept.orphanFiles} files without a row, ${swept.expired} recordings never used`);
  }
  const demoAccounts = demoAccountsExist(db);
  const admins = db.select({ n: count() }).from(roleGrants).where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt))).get()?.n ?? 0;
  db.$client.close();
  const refusal = startRefusal(process.env.PUBLIC_URL, demoAccounts);
  if (refusal) {
    console.error(refusal);
    process.exit(3);
  }
  if (demoAccounts) console.log('[baro] demo site: the demo accounts are public (README); `npm run demo:remove` deletes them');
  if (admins === 0) console.log('[baro] no administrator yet: create the first one with `npm run admin:create`');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

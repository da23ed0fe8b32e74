/**
 * Migrates the database and seeds demo data when it is empty; removes what a crash may have left in
 * MEDIA_DIR. Used by `npm start` and the e2e suite.
 */
import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';
import { defaultMediaDir } from '../lib/media/config';
import { sweepMedia } from '../lib/media/sweep-media';
import { isEmpty, seedDemo } from '../db/seed';
import { hashPassword } from '../lib/accounts/password';
import { env } from '../lib/env';
import { seedDemoContent } from './demo-content';
import { seedDemoLearning } from './demo-learning';
import { seedDemoParticipants } from './demo-participants';
import { seedDemoTranslations } from './demo-translations';

async function main() {
  // Every setting checked before anything is built or served: a wrong one stops `npm start` here, by name.
  env();
  const file = defaultDatabasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  if (isEmpty(db) && process.env.SEED !== 'false') {
    await seedDemo(db, hashPassword);
    seedDemoContent(db);
    await seedDemoParticipants(db);
    seedDemoTranslations(db);
    seedDemoLearning(db);
    console.log(`[baro] seeded demo data into ${file}`);
  } else {
    console.log(`[baro] database ready: ${file}`);
  }
  const swept = sweepMedia(db, defaultMediaDir());
  if (swept.workDirs + swept.orphanFiles + swept.expired > 0) {
    console.log(`[baro] media: removed ${swept.workDirs} unfinished uploads, ${swept.orphanFiles} files without a row, ${swept.expired} recordings never used`);
  }
  db.$client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/** Migrates the database and seeds demo data when it is empty. Used by `npm start` and the e2e suite. */
import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';
import { isEmpty, seedDemo } from '../db/seed';
import { hashPassword } from '../lib/accounts/password';
import { env } from '../lib/env';
import { seedDemoContent } from './demo-content';
import { seedDemoParticipants } from './demo-participants';

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
    console.log(`[baro] seeded demo data into ${file}`);
  } else {
    console.log(`[baro] database ready: ${file}`);
  }
  db.$client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

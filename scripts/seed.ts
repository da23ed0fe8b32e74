/** npm run db:seed: migrate, then seed a new database (the demo, or the geography alone with DEMO=false). */
import { demoWanted } from '../lib/env';
import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';
import { isEmpty } from '../db/seed';
import { seedNewDatabase } from './seed-new-database';

async function main() {
  const db = openDatabase(defaultDatabasePath());
  migrateDatabase(db);
  if (!isEmpty(db)) console.log('[baro] database is not empty: nothing seeded');
  else {
    const demo = demoWanted(process.env.DEMO);
    await seedNewDatabase(db, { demo });
    console.log(demo ? '[baro] demo data seeded' : '[baro] geography seeded (DEMO=false)');
  }
  db.$client.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

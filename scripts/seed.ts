import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';
import { isEmpty, seedDemo } from '../db/seed';
import { hashPassword } from '../lib/accounts/password';
import { seedDemoContent } from './demo-content';
import { seedDemoLearning } from './demo-learning';
import { seedDemoParticipants } from './demo-participants';
import { seedDemoTranslations } from './demo-translations';

async function main() {
  const db = openDatabase(defaultDatabasePath());
  migrateDatabase(db);
  if (!isEmpty(db)) console.log('[baro] database is not empty: nothing seeded');
  else {
    await seedDemo(db, hashPassword);
    seedDemoContent(db);
    await seedDemoParticipants(db);
    seedDemoTranslations(db);
    seedDemoLearning(db);
    console.log('[baro] demo data seeded');
  }
  db.$client.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

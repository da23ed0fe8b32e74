// npm run restore -- <backup file>: stop the server first. Checks the backup, keeps the current database as
// <database>.before-restore, swaps the backup in, copies back missing recordings, then applies any newer
// migrations (a backup from an older version is brought up to date).
import path from 'node:path';
import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';
import { restoreDatabase } from '../lib/ops/backup';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run restore -- <backup file> (stop the server first)');
  process.exit(2);
}
const target = defaultDatabasePath();
try {
  const check = restoreDatabase(path.resolve(file), target, { mediaDir: path.resolve(process.env.MEDIA_DIR || path.join('data', 'media')) });
  const db = openDatabase(target);
  migrateDatabase(db);
  db.$client.close();
  console.log(`[baro] restored ${file} into ${target} (${check.migrations} migrations in the backup, ${check.users} accounts); the previous database is ${target}.before-restore`);
} catch (e) {
  console.error(`[baro] restore refused: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

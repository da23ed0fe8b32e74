// npm run backup [-- <folder>]: a checked copy of the database (SQLite's online backup: the server may
// keep running) and of the recordings, into data/backups by default; keeps the newest BACKUP_KEEP (14).
import path from 'node:path';
import { defaultDatabasePath, openDatabase } from '../db/client';
import { backupDatabase } from '../lib/ops/backup';

const dir = path.resolve(process.argv[2] || process.env.BACKUP_DIR || path.join('data', 'backups'));
const keep = Number(process.env.BACKUP_KEEP || 14);
const mediaDir = path.resolve(process.env.MEDIA_DIR || path.join('data', 'media'));

const db = openDatabase(defaultDatabasePath());
backupDatabase(db.$client, dir, { mediaDir, keep: Number.isInteger(keep) && keep > 0 ? keep : 14 })
  .then((r) => {
    console.log(`[baro] backup ${r.file}: ${r.bytes} bytes, integrity ${r.integrity}, ${r.migrations} migrations, ${r.users} accounts; ${r.mediaCopied} new recordings`);
  })
  .catch((e: unknown) => {
    console.error(`[baro] backup failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$client.close());

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Backups and restores of Baro's data (docs/operations.md, "Backups"): the SQLite database through
 * SQLite's online backup API (a consistent copy while the server keeps serving and writing), and the
 * recordings under data/media (content-addressed: a file never changes once written, so copying the new
 * ones is enough). A backup is checked before it is called one; a restore refuses a copy that fails the
 * same check and leaves the live database untouched.
 */

export type BackupCheck = {
  ok: boolean;
  /** PRAGMA integrity_check's first line: 'ok' when sound */
  integrity: string;
  /** migrations recorded in the copy (drizzle's __drizzle_migrations) */
  migrations: number;
  users: number;
};

export type BackupResult = BackupCheck & { file: string; bytes: number; mediaCopied: number };

/** Opens a copy read-only and checks it: sound pages, Baro's tables, how many migrations it has. */
export function checkBackup(file: string): BackupCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const migrations = Number(db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get());
    const users = Number(db.prepare('SELECT count(*) FROM users').pluck().get());
    return { ok: integrity === 'ok' && migrations > 0, integrity, migrations, users };
  } catch (e) {
    return { ok: false, integrity: e instanceof Error ? e.message : String(e), migrations: 0, users: 0 };
  } finally {
    db?.close();
  }
}

/** The file name of a backup taken at `now`: baro-20261205T101500Z.db, sorting by date. */
export function backupName(now: Date): string {
  return `baro-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.db`;
}

/**
 * Takes a backup of the open database `source` into `dir` (created if missing), copies the recordings of
 * `mediaDir` not yet in `dir/media`, checks the copy, and keeps the newest `keep` database copies.
 * Safe while the server runs: SQLite's backup API copies a consistent snapshot, page by page.
 */
export async function backupDatabase(
  source: Database.Database,
  dir: string,
  options: { now?: Date; mediaDir?: string; keep?: number } = {},
): Promise<BackupResult> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupName(options.now ?? new Date()));
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  await source.backup(partial);
  const check = checkBackup(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new Error(`backup check failed: ${check.integrity}`);
  }
  fs.renameSync(partial, file);
  const mediaCopied = options.mediaDir ? copyNewFiles(options.mediaDir, path.join(dir, 'media')) : 0;
  if (options.keep && options.keep > 0) prune(dir, options.keep);
  return { ...check, file, bytes: fs.statSync(file).size, mediaCopied };
}

/**
 * Puts a backup in place of the database at `target` (the server must be stopped): checks the backup,
 * copies it beside the target, and swaps it in with a rename, so a failure at any step leaves the old
 * database as it was. The old one is kept as `<target>.before-restore`. Recordings are copied back from
 * `backupDir/media` when `mediaDir` is given.
 */
export function restoreDatabase(backupFile: string, target: string, options: { mediaDir?: string } = {}): BackupCheck {
  const check = checkBackup(backupFile);
  if (!check.ok) throw new Error(`not a sound Baro backup (${check.integrity}): nothing was changed`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(backupFile, incoming);
  if (fs.existsSync(target)) {
    // Fold the old database's write-ahead log into it first, so the kept copy is whole on its own.
    const old = new Database(target);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    fs.copyFileSync(target, `${target}.before-restore`);
  }
  for (const extra of ['-wal', '-shm']) fs.rmSync(`${target}${extra}`, { force: true });
  fs.renameSync(incoming, target);
  if (options.mediaDir) copyNewFiles(path.join(path.dirname(backupFile), 'media'), options.mediaDir);
  return check;
}

/** Copies the files of `from` that `to` lacks (recordings are named by their content: same name, same bytes). */
function copyNewFiles(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let copied = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(from, path.join(entry.parentPath, entry.name));
    const dest = path.join(to, rel);
    if (fs.existsSync(dest)) continue;
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(path.join(from, rel), dest);
    copied++;
  }
  return copied;
}

function prune(dir: string, keep: number): void {
  const copies = fs
    .readdirSync(dir)
    .filter((f) => /^baro-\d{8}T\d{6}Z\.db$/.test(f))
    .sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - keep))) fs.rmSync(path.join(dir, old));
}

import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** What a synchronous transaction callback receives: use cases write through it, with their audit row. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function defaultDatabasePath(): string {
  return process.env.DATABASE_PATH || path.join(process.cwd(), 'data', 'baro.db');
}

/**
 * Opens a database with the pragmas Baro relies on.
 * synchronous=FULL: commune servers in Kayes run through power cuts; FULL makes a committed
 * write survive power loss, not only a process crash (NORMAL would). Override with SQLITE_SYNCHRONOUS.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Erased text (a sent code, lib/messaging) is zeroed in the file, not left in the page's free space;
  // FAST costs no extra I/O: it zeroes only pages that are being written anyway.
  sqlite.pragma('secure_delete = FAST');
  const sync = (process.env.SQLITE_SYNCHRONOUS || 'FULL').toUpperCase();
  const level = ['OFF', 'NORMAL', 'FULL', 'EXTRA'].includes(sync) ? sync : 'FULL';
  sqlite.pragma(`synchronous = ${level}`);
  configuredSync.set(sqlite, level);
  reuseStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

const configuredSync = new WeakMap<Database.Database, string>();

/**
 * Runs `fn` (bookkeeping commits: an idempotency key's claim and outcome) without waiting for the disk:
 * synchronous=NORMAL for its commits, then the connection's level again. In WAL mode such a commit survives
 * a crash of the process, and the next FULL commit (the person's own write, made just after a claim) takes
 * its frames to the disk with its own; only a power cut in between can forget it. Inside a transaction, or
 * when the level is already NORMAL or OFF, it changes nothing.
 */
export function withoutDiskWait<T>(db: Db, fn: () => T): T {
  const sqlite = db.$client;
  const level = configuredSync.get(sqlite) ?? 'FULL';
  if (sqlite.inTransaction || (level !== 'FULL' && level !== 'EXTRA')) return fn();
  sqlite.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    sqlite.pragma(`synchronous = ${level}`);
  }
}

/**
 * drizzle prepares a new statement for every query it runs, and compiling SQL is a large share of a
 * write's cost (npm run bench). The app has a few hundred query shapes: keep each compiled statement,
 * by its SQL text, and hand it out again in its default mode. A statement still iterating is never shared.
 */
function reuseStatements(sqlite: Database.Database, max = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const kept = cache.get(source);
    if (kept && !kept.busy) {
      if (kept.reader) kept.raw(false).pluck(false).expand(false);
      return kept;
    }
    const statement = prepare(source);
    if (!kept) {
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  }) as Database.Database['prepare'];
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

const globalForDb = globalThis as unknown as { __baroDb?: Db; __baroDbPath?: string };

/** The process-wide database (one connection: better-sqlite3 is synchronous). */
export function getDb(): Db {
  const file = defaultDatabasePath();
  if (!globalForDb.__baroDb || globalForDb.__baroDbPath !== file) {
    globalForDb.__baroDb?.$client.close();
    globalForDb.__baroDb = openDatabase(file);
    globalForDb.__baroDbPath = file;
  }
  return globalForDb.__baroDb;
}

/** For tests and scripts: close the shared connection. */
export function closeDb(): void {
  globalForDb.__baroDb?.$client.close();
  globalForDb.__baroDb = undefined;
  globalForDb.__baroDbPath = undefined;
}

export { schema };

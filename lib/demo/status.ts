import type Database from 'better-sqlite3';
import type { Db } from '@/db/client';
import type { ViewContext } from '@/lib/view-context';

/**
 * Whether any demo account (users.is_demo) exists: while one does, every page carries the demo banner
 * and `npm start` refuses an https PUBLIC_URL. Asked on every page, so the answer is kept per
 * connection, with SQLite's data_version: it changes when another connection (`npm run demo:remove`
 * from a shell, a seed script) commits, so the server notices without a restart; writes on this same
 * connection do not change it, so the use cases that add or remove demo accounts call forgetDemoStatus.
 */
const known = new WeakMap<Database.Database, { version: number; exists: boolean }>();

export function demoAccountsExist(db: Db): boolean {
  const client = db.$client;
  const version = client.prepare('PRAGMA data_version').pluck().get() as number;
  const kept = known.get(client);
  if (kept && kept.version === version) return kept.exists;
  const exists = client.prepare('SELECT 1 FROM users WHERE is_demo = 1 LIMIT 1').get() !== undefined;
  known.set(client, { version, exists });
  return exists;
}

/** After this connection added or removed demo accounts. */
export function forgetDemoStatus(db: Db): void {
  known.delete(db.$client);
}

/**
 * For pages (the view loader of the demo banner; headerView asks it for every page): is this a demo
 * site? A database without the users table (a `next build` before any migration, which prerenders the
 * 404 page) holds no demo account.
 */
export function demoSiteActive(ctx: Pick<ViewContext, 'db'>): boolean {
  try {
    return demoAccountsExist(ctx.db);
  } catch (e) {
    if (e instanceof Error && /no such (table|column)/.test(e.message)) return false;
    throw e;
  }
}

// Where the page store (scripts/server/page-store.cjs) lives, and its reset at start. Apart from the store
// itself because Next bundles its cache handler: file paths built at run time here would make its build
// trace the whole project.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The page store's file for a database file (PAGE_STORE_PATH overrides it).
 * @param {Record<string, string | undefined>} [env]
 */
export function pageStorePath(env = process.env) {
  if (env.PAGE_STORE_PATH) return path.resolve(env.PAGE_STORE_PATH);
  const db = path.resolve(env.DATABASE_PATH || path.join('data', 'baro.db'));
  return path.join(path.dirname(db), `${path.basename(db, path.extname(db))}.pages.db`);
}

/** Deletes the store (at start, before any process opens it): pages of another build or database go. */
export function resetPageStore(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

import { sql, type SQL } from 'drizzle-orm';
import { projects } from '@/db/schema';

export { isPublicProject } from '@/lib/permissions';

/**
 * `isPublicProject` (lib/permissions.ts) in SQL: submitted (no draft) and neither held nor hidden. Every
 * query that lists or counts what the public may see of projects uses this one fragment
 * (tests/integration/views/projects.test.ts checks the two agree for every status and visibility).
 */
export const publicProjectSql: SQL = sql`(${projects.status} <> 'draft' AND ${projects.visibility} = 'visible')`;

/** The same rule on an alias of the projects table in raw SQL (`FROM projects p` → publicProjectSqlOn('p')). */
export function publicProjectSqlOn(alias: string): SQL {
  if (!/^[a-z_]{1,20}$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return sql.raw(`(${alias}.status <> 'draft' AND ${alias}.visibility = 'visible')`);
}

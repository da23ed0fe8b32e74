import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { toCsv } from '@/lib/open-data/exports';
import { CSV_COLUMNS, dashboardCsvRows, inclusionDashboard } from '@/lib/stats/dashboard';
import { resolveStatsScope } from '@/lib/stats/scope';

/**
 * /exports/stats.csv (?commune=, and for officials ?topic= or ?project=): the inclusion dashboard's
 * figures, the same as /stats shows, with suppressed figures written "<5".
 */
export async function GET(req: Request) {
  const db = getDb();
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  const resolved = resolveStatsScope(db, await getActor(), params);
  if (!resolved.ok) return new Response(resolved.error === 'forbidden' ? 'Forbidden' : 'Not found', { status: resolved.error === 'forbidden' ? 403 : 404 });
  const rows = dashboardCsvRows(inclusionDashboard(db, resolved.scope));
  const name = `baro-inclusion${resolved.query ? `-${resolved.query.replace('=', '-')}` : ''}.csv`;
  return new Response(toCsv(rows, CSV_COLUMNS), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      // Scoped figures depend on who asks; never kept by a shared cache.
      'Cache-Control': resolved.scope.kind === 'topic' || resolved.scope.kind === 'project' ? 'private, no-store' : 'public, max-age=60',
    },
  });
}

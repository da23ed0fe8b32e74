import { communeOptions, type CommuneOption } from '@/lib/geography';
import { toCsv } from '@/lib/open-data/exports';
import { can } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';
import { CSV_COLUMNS, dashboardCsvRows, inclusionDashboard, type Dashboard } from './dashboard';
import { subjectsWithStats } from './queries';
import { resolveStatsScope } from './scope';

/**
 * The inclusion dashboard (/stats) and its CSV (/exports/stats.csv). The figures come from
 * lib/stats/dashboard.ts, which applies the small-group rule (lib/stats/disclosure.ts); these loaders
 * only resolve the scope for this reader and gather what the page shows beside the figures.
 */

type Params = Record<string, string | string[] | undefined>;

export type StatsScopeTitle =
  | { kind: 'all' }
  | { kind: 'commune' | 'topic' | 'project'; title: string };

export type StatsPageView = {
  scope: StatsScopeTitle;
  /** the commune the filter shows selected ('' for all) */
  communeFilter: string;
  communes: CommuneOption[];
  dashboard: Dashboard;
  csvHref: string;
  /** officials: the topics and projects whose own figures they may open */
  mine: { topics: { id: number; title: string }[]; projects: { id: number; title: string }[] };
};

/**
 * /stats for this reader: the whole platform or one commune for everyone; one topic or project for the
 * officials who run it (and admins). `unknownScope`: the address names no such commune, topic or project.
 */
export function statsPage(ctx: ViewContext, sp: Params): StatsPageView | { refused: 'forbidden' } | { unknownScope: true } {
  const resolved = resolveStatsScope(ctx.db, ctx.actor, sp);
  if (!resolved.ok) return resolved.error === 'forbidden' ? { refused: 'forbidden' } : { unknownScope: true };
  const { scope } = resolved;
  const communes = communeOptions(ctx);
  const { actor } = ctx;
  return {
    scope: scope.kind === 'all' ? { kind: 'all' } : { kind: scope.kind, title: resolved.title ?? '' },
    communeFilter: scope.kind === 'commune' ? String(scope.id) : '',
    communes,
    dashboard: inclusionDashboard(ctx.db, scope, ctx.now),
    csvHref: `/exports/stats.csv${resolved.query ? `?${resolved.query}` : ''}`,
    mine: actor
      ? subjectsWithStats(
          ctx.db,
          communes.filter((c) => can(actor, 'topic.viewInternal', { communeId: c.id })).map((c) => c.id),
          communes.filter((c) => can(actor, 'project.viewInternal', { communeId: c.id })).map((c) => c.id),
        )
      : { topics: [], projects: [] },
  };
}

export type StatsCsv =
  | { ok: true; csv: string; filename: string; cacheControl: string }
  | { ok: false; status: 403 | 404 };

/** The dashboard's figures as CSV, with suppressed figures written "<5" (the same scopes and rules as /stats). */
export function statsCsv(ctx: ViewContext, params: Record<string, string>): StatsCsv {
  const resolved = resolveStatsScope(ctx.db, ctx.actor, params);
  if (!resolved.ok) return { ok: false, status: resolved.error === 'forbidden' ? 403 : 404 };
  const rows = dashboardCsvRows(inclusionDashboard(ctx.db, resolved.scope, ctx.now));
  return {
    ok: true,
    csv: toCsv(rows, CSV_COLUMNS),
    filename: `baro-inclusion${resolved.query ? `-${resolved.query.replace('=', '-')}` : ''}.csv`,
    // Scoped figures depend on who asks; never kept by a shared cache.
    cacheControl: resolved.scope.kind === 'topic' || resolved.scope.kind === 'project' ? 'private, no-store' : 'public, max-age=60',
  };
}

import { getCommune, listCommunes, listSpaces } from '@/db/queries/geography';
import type { ViewContext } from '@/lib/view-context';

/**
 * Communes and connected spaces as pages show them (filters, form options, the spaces list): plain
 * rows for view loaders and pages, which never reach db/ themselves.
 */
export type CommuneOption = { id: number; name: string };
export type SpaceRow = ReturnType<typeof listSpaces>[number];

/** Every commune, by region, cercle and name: the options of a commune filter or field. */
export function communeOptions(ctx: Pick<ViewContext, 'db'>): CommuneOption[] {
  return listCommunes(ctx.db).map((c) => ({ id: c.id, name: c.name }));
}

/** Every connected space, by name, with its commune. */
export function spaceList(ctx: Pick<ViewContext, 'db'>): SpaceRow[] {
  return listSpaces(ctx.db);
}

/** Whether this commune exists (a commune chosen in a form or a cookie). */
export function communeExists(ctx: Pick<ViewContext, 'db'>, id: number): boolean {
  return !!getCommune(ctx.db, id);
}

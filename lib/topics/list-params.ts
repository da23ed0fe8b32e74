import { z } from 'zod';
import { PHASES } from './phases';
import { TOPIC_SORTS } from './queries';
import { SECTORS } from './sectors';

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Query-string filters: anything unknown or malformed is ignored, never an error page. */
export function parseTopicListParams(sp: Search) {
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(sp.page) ?? 1);
  return {
    communeId: z.coerce.number().int().positive().max(1e9).optional().catch(undefined).parse(first(sp.commune) || undefined),
    sector: z.enum(SECTORS).optional().catch(undefined).parse(first(sp.sector) || undefined),
    phase: z.enum(PHASES).optional().catch(undefined).parse(first(sp.phase) || undefined),
    sort: z.enum(TOPIC_SORTS).catch('newest').parse(first(sp.sort) ?? 'newest'),
    page,
  };
}

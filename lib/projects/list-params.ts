import { z } from 'zod';
import { PROJECT_SORTS } from '@/lib/projects/queries';
import { SECTORS } from '@/lib/topics/sectors';
import { BENEFICIARIES, PROJECT_STATUSES } from './statuses';

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Query-string filters of /projects: anything unknown or malformed is ignored, never an error page. */
export function parseProjectListParams(sp: Search) {
  return {
    communeId: z.coerce.number().int().positive().max(1e9).optional().catch(undefined).parse(first(sp.commune) || undefined),
    sector: z.enum(SECTORS).optional().catch(undefined).parse(first(sp.sector) || undefined),
    status: z.enum(PROJECT_STATUSES).exclude(['draft']).optional().catch(undefined).parse(first(sp.status) || undefined),
    beneficiary: z.enum(BENEFICIARIES).optional().catch(undefined).parse(first(sp.beneficiary) || undefined),
    sort: z.enum(PROJECT_SORTS).catch('newest').parse(first(sp.sort) ?? 'newest'),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(sp.page) ?? 1),
  };
}

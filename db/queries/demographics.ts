import { sql } from 'drizzle-orm';
import { AGE_BANDS, type AgeBand } from '../../lib/stats/age-bands';
import { users } from '../schema';

export { AGE_BANDS, type AgeBand };

export function ageBandSql(year: number) {
  return sql<AgeBand>`CASE
    WHEN ${users.birthYear} IS NULL THEN 'unknown'
    WHEN ${year} - ${users.birthYear} < 25 THEN '15-24'
    WHEN ${year} - ${users.birthYear} <= 35 THEN '25-35'
    ELSE '36+' END`;
}

/** Gender as stated; "unspecified" (chose not to say) and missing are one group: not stated. */
export const genderGroupSql = sql<string>`CASE WHEN ${users.gender} IN ('woman', 'man') THEN ${users.gender} ELSE 'unknown' END`;

export type GroupCount = { group: string; choice: string; n: number };

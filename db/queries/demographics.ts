import { sql, type SQL } from 'drizzle-orm';
import { users } from '../schema';

/** Groups smaller than this are never shown: with so few people, a count could identify someone. */
export const SMALL_GROUP = 5;
export const AGE_BANDS = ['15-24', '25-35', '36+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandSql(year: number) {
  return sql<AgeBand>`CASE
    WHEN ${users.birthYear} IS NULL THEN 'unknown'
    WHEN ${year} - ${users.birthYear} < 25 THEN '15-24'
    WHEN ${year} - ${users.birthYear} <= 35 THEN '25-35'
    ELSE '36+' END`;
}

export type GroupCount = { group: string; choice: string; n: number };

/**
 * People counted by gender and by age band (votes per choice, supports of a project...), for officials.
 * `count(group)` runs the caller's query grouped by `group` (an expression over users) and by choice.
 * A group of fewer than 5 people is suppressed whole, and any cell from 1 to 4 is shown as
 * "fewer than 5" (null).
 */
export function demographicSplit(count: (group: SQL<string>) => GroupCount[], year: number) {
  const gender = sql<string>`coalesce(${users.gender}, 'unknown')`;
  return { byGender: suppressSmall(count(gender)), byAge: suppressSmall(count(ageBandSql(year) as unknown as SQL<string>)) };
}

function suppressSmall(rows: GroupCount[]) {
  const groups = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const g = groups.get(r.group) ?? new Map<string, number>();
    g.set(r.choice, r.n);
    groups.set(r.group, g);
  }
  return [...groups.entries()].map(([name, choices]) => {
    const total = [...choices.values()].reduce((a, b) => a + b, 0);
    const suppressed = total < SMALL_GROUP;
    return {
      group: name,
      total: suppressed ? null : total,
      choices: new Map([...choices.entries()].map(([c, n]) => [c, suppressed || (n > 0 && n < SMALL_GROUP) ? null : n])),
    };
  });
}

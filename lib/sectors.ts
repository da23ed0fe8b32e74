/**
 * The sectors of public action a topic or a citizen project belongs to (water, health, …). Owned here;
 * db/schema.ts imports them, and this module imports nothing.
 */
export const SECTORS = [
  'water',
  'health',
  'education',
  'roads',
  'agriculture',
  'markets',
  'environment',
  'culture',
  'youth',
  'women',
  'governance',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** The sectors a topic or a citizen project belongs to. A value-list module: it imports nothing (db/schema.ts takes it from here). */
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

/**
 * The age bands every figure uses (accounts by birth year, people counted at meetings): Mali counts
 * youth as 15–35. Owned here; db/schema.ts and the statistics queries import them, and this module
 * imports nothing.
 */
export const AGE_BANDS = ['15-24', '25-35', '36+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** What a comment says about its subject. A value-list module: it imports nothing (db/schema.ts takes it from here). */
export const STANCES = ['for', 'against', 'neutral', 'question'] as const;
export type Stance = (typeof STANCES)[number];

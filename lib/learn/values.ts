// A value list: imported by db/schema.ts, so it imports nothing.

/** A course or a lesson is written as a draft, then published (and may be unpublished again). */
export const LEARN_STATES = ['draft', 'published'] as const;
export type LearnState = (typeof LEARN_STATES)[number];

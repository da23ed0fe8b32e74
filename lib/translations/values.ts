// A value list: imported by db/schema.ts, so it imports nothing.

/** The languages translated in the app (French is the source; English is kept in messages/en.json). */
export const TRANSLATION_LOCALES = ['bm', 'snk', 'ff'] as const;

/**
 * proposed: waiting for review; approved: live (at most one per locale and key); superseded: was live,
 * replaced by a newer approval; reverted: taken down (the one before it, if any, is live again);
 * rejected: refused by a reviewer.
 */
export const TRANSLATION_STATES = ['proposed', 'approved', 'superseded', 'reverted', 'rejected'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

/**
 * person: typed (or imported) by the proposer, who vouches for it; machine: a machine's output (an LLM's
 * draft, a translation engine), which nobody has vouched for yet: it needs two reviewers, not one.
 */
export const TRANSLATION_ORIGINS = ['person', 'machine'] as const;
export type TranslationOrigin = (typeof TRANSLATION_ORIGINS)[number];

// Value lists of accounts: imported by db/schema.ts, so this file imports nothing.

export const GENDERS = ['woman', 'man', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

/** Every language a person may prefer; the UI falls back to French where a file is incomplete. */
export const PREFERRED_LANGUAGES = ['fr', 'en', 'bm', 'snk', 'ff'] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

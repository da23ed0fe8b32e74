// Value lists of accounts: imported by db/schema.ts, so this file imports nothing.

export const GENDERS = ['woman', 'man', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

/** Every language a person may prefer; the UI falls back to French where a file is incomplete. */
export const PREFERRED_LANGUAGES = ['fr', 'en', 'bm', 'snk', 'ff'] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

/**
 * How an account proved it belongs to a real person (issue 12 §2): a code received by SMS or e-mail, a
 * facilitator who saw them in person (registration at a space, an in-person reset after checking a
 * document), or the demo and test data.
 */
export const VERIFICATION_METHODS = ['sms', 'email', 'in_person', 'seed'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** What a one-time code is for (lib/accounts/codes.ts). */
export const ACCOUNT_CODE_PURPOSES = ['verification', 'recovery'] as const;
export type AccountCodePurpose = (typeof ACCOUNT_CODE_PURPOSES)[number];
/** Where the code went: by SMS, by e-mail, or handed over on a facilitator's or admin's screen. */
export const ACCOUNT_CODE_CHANNELS = ['sms', 'email', 'in_person'] as const;
export type AccountCodeChannel = (typeof ACCOUNT_CODE_CHANNELS)[number];

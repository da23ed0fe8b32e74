// Value lists of moderation: imported by db/schema.ts, so this file imports nothing.

/** Everything that can be held, reported, hidden and restored (lib/moderation/registry.ts). */
export const CONTENT_TYPES = ['topic', 'comment', 'project', 'update', 'course', 'lesson', 'recording'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const REPORT_REASONS = ['spam', 'insult', 'sexist', 'hate', 'threat', 'personal', 'misinformation', 'offtopic'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Why an item was held at submission: a screening reason (lib/moderation/screen.ts), premoderation, or the voice policy. */
export const HOLD_REASONS = ['link', 'personalData', 'burst', 'threat', 'premoderation', 'voice'] as const;

/** Where a piece of content stands for readers; a moderation record's state takes the same values. */
export const VISIBILITIES = ['visible', 'held', 'hidden'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const MODERATION_STATES = VISIBILITIES;

export const SANCTION_KINDS = ['warning', 'suspension'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const APPEAL_STATES = ['pending', 'upheld', 'rejected'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

export const PREMODERATION_MODES = ['off', 'new_accounts', 'all', 'flagged'] as const;
export type PremoderationMode = (typeof PREMODERATION_MODES)[number];

/**
 * A commune's voice policy (issue 13 §4), on top of its pre-moderation mode, for recordings citizens send
 * (voice comments, a project's voice description): a recording cannot be screened for words like a text.
 * new_accounts (default): held when its author has fewer than N published contributions; all: every
 * recording is held; same_as_text: a recording follows the text rules only.
 */
export const VOICE_MODES = ['new_accounts', 'all', 'same_as_text'] as const;
export type VoiceMode = (typeof VOICE_MODES)[number];

/** The languages of screening terms (the built-in word lists and those moderators add). */
export const TERM_LANGUAGES = ['fr', 'en', 'bm', 'snk', 'ff'] as const;
export type TermLanguage = (typeof TERM_LANGUAGES)[number];

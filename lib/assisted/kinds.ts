// A value list: imported by db/schema.ts, so this file imports nothing.

/** What a facilitator may enter for a participant (lib/assisted/contribute.ts). */
export const ASSISTED_KINDS = ['comment', 'vote', 'comment_support', 'project_support', 'project'] as const;
export type AssistedKind = (typeof ASSISTED_KINDS)[number];

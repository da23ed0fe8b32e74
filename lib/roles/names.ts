// A value list: imported by db/schema.ts, so it imports nothing.

/** The roles an account may be granted. "citizen" is every account's and is never granted. */
export const ROLES = ['facilitator', 'official', 'moderator', 'admin', 'translator'] as const;
export type GrantedRole = (typeof ROLES)[number];

/** Every role a person may hold, the implicit "citizen" first. */
export const ROLE_NAMES = ['citizen', ...ROLES] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

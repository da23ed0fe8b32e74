import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** UTC ISO-8601 timestamps, stored as text so they sort and read well in SQL. */
const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

// ---------------------------------------------------------------- geography

export const regions = sqliteTable('regions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

export const cercles = sqliteTable('cercles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  regionId: integer('region_id')
    .notNull()
    .references(() => regions.id),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

export const communes = sqliteTable(
  'communes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cercleId: integer('cercle_id')
      .notNull()
      .references(() => cercles.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
  },
  (t) => [index('communes_cercle_idx').on(t.cercleId)],
);

export const connectedSpaces = sqliteTable(
  'connected_spaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
  },
  (t) => [index('spaces_commune_idx').on(t.communeId)],
);

// ---------------------------------------------------------------- accounts

export const GENDERS = ['woman', 'man', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

/** Every language a person may prefer; the UI falls back to French where a file is incomplete. */
export const PREFERRED_LANGUAGES = ['fr', 'en', 'bm', 'snk', 'ff'] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    displayName: text('display_name').notNull(),
    /** E.164, e.g. +22376123456 */
    phone: text('phone').unique(),
    /** lower-cased */
    email: text('email').unique(),
    passwordHash: text('password_hash').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    gender: text('gender', { enum: GENDERS }),
    birthYear: integer('birth_year'),
    language: text('language', { enum: PREFERRED_LANGUAGES }).notNull().default('fr'),
    /** Bumped to end every session of this user at their next request. */
    sessionVersion: integer('session_version').notNull().default(1),
    /** While set and in the future, the account may read but not act. */
    suspendedUntil: text('suspended_until'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('users_commune_idx').on(t.communeId),
    check('users_has_identifier', sql`${t.phone} IS NOT NULL OR ${t.email} IS NOT NULL`),
  ],
);

export const ROLES = ['facilitator', 'official', 'moderator', 'admin'] as const;
export type GrantedRole = (typeof ROLES)[number];

/**
 * A role held by a user. "citizen" is implicit (every account).
 * facilitator → spaceId; official → communeId + title; moderator → communeId (null = all communes); admin → none.
 * Revoked grants are kept (revokedAt) so the history stays readable.
 */
export const roleGrants = sqliteTable(
  'role_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    communeId: integer('commune_id').references(() => communes.id),
    spaceId: integer('space_id').references(() => connectedSpaces.id),
    title: text('title'),
    grantedBy: integer('granted_by').references(() => users.id),
    createdAt: createdAt(),
    revokedAt: text('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [index('role_grants_user_idx').on(t.userId, t.revokedAt)],
);

// ---------------------------------------------------------------- audit

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_actor_idx').on(t.actorId),
    index('audit_action_idx').on(t.action),
  ],
);

// ---------------------------------------------------------------- infrastructure

/** Used by rate-limiter-flexible's RateLimiterSQLite (its own column layout). */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: integer('expire'),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export type Region = typeof regions.$inferSelect;
export type Cercle = typeof cercles.$inferSelect;
export type Commune = typeof communes.$inferSelect;
export type ConnectedSpace = typeof connectedSpaces.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

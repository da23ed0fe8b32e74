import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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

// ---------------------------------------------------------------- consultation

export const SECTORS = [
  'water',
  'health',
  'education',
  'roads',
  'agriculture',
  'markets',
  'environment',
  'culture',
  'youth',
  'women',
  'governance',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const PHASES = ['draft', 'information', 'open', 'deliberation', 'decided', 'archived'] as const;
export type Phase = (typeof PHASES)[number];

/** Who can see a piece of content: held = awaiting review; hidden = hidden by moderation. Kept, never deleted. */
export const VISIBILITIES = ['visible', 'held', 'hidden'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const topics = sqliteTable(
  'topics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    sector: text('sector', { enum: SECTORS }).notNull(),
    location: text('location'),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    phase: text('phase', { enum: PHASES }).notNull().default('draft'),
    /** null: for / against / abstain; else 2–8 poll options */
    pollOptions: text('poll_options', { mode: 'json' }).$type<string[] | null>(),
    decision: text('decision'),
    decidedAt: text('decided_at'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('visible'),
    commentCount: integer('comment_count').notNull().default(0),
    voteCount: integer('vote_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('topics_commune_phase_idx').on(t.communeId, t.phase),
    index('topics_phase_closes_idx').on(t.phase, t.closesAt),
    index('topics_created_idx').on(t.createdAt),
    index('topics_comment_count_idx').on(t.commentCount),
  ],
);

/** The state of a topic before each edit: public, so nobody can quietly rewrite a consultation. */
export const topicRevisions = sqliteTable(
  'topic_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    editorId: integer('editor_id').references(() => users.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    sector: text('sector', { enum: SECTORS }).notNull(),
    location: text('location'),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('topic_revisions_topic_idx').on(t.topicId)],
);

/** The public phase timeline. actorId null = closed automatically at its close date. */
export const topicPhaseChanges = sqliteTable(
  'topic_phase_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    actorId: integer('actor_id').references(() => users.id),
    fromPhase: text('from_phase', { enum: PHASES }),
    toPhase: text('to_phase', { enum: PHASES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('topic_phase_changes_topic_idx').on(t.topicId)],
);

export const votes = sqliteTable(
  'votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** 'for' | 'against' | 'abstain', or 'option:N' for a poll */
    choice: text('choice').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [uniqueIndex('votes_topic_user_uq').on(t.topicId, t.userId), index('votes_user_idx').on(t.userId)],
);

export const STANCES = ['for', 'against', 'neutral', 'question'] as const;
export type Stance = (typeof STANCES)[number];

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    /** one level of replies: a reply's parent is always a top-level comment */
    parentId: integer('parent_id'),
    stance: text('stance', { enum: STANCES }).notNull(),
    body: text('body').notNull(),
    isOfficialAnswer: integer('is_official_answer', { mode: 'boolean' }).notNull().default(false),
    supportCount: integer('support_count').notNull().default(0),
    replyCount: integer('reply_count').notNull().default(0),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('visible'),
    /** deleted by its author: the text stays stored, the public sees "deleted by its author" */
    deletedAt: text('deleted_at'),
    editedAt: text('edited_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('comments_topic_parent_id_idx').on(t.topicId, t.parentId, t.id),
    index('comments_topic_parent_support_idx').on(t.topicId, t.parentId, t.supportCount, t.id),
    index('comments_author_idx').on(t.authorId),
    index('comments_parent_idx').on(t.parentId, t.id),
  ],
);

export const commentRevisions = sqliteTable(
  'comment_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id),
    stance: text('stance', { enum: STANCES }).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comment_revisions_comment_idx').on(t.commentId)],
);

export const commentSupports = sqliteTable(
  'comment_supports',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

// ---------------------------------------------------------------- notifications

export const NOTIFICATION_KINDS = ['comment.reply', 'topic.decided', 'topic.new'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    topicId: integer('topic_id').references(() => topics.id),
    commentId: integer('comment_id').references(() => comments.id),
    actorId: integer('actor_id').references(() => users.id),
    readAt: text('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)],
);

export const notificationPreferences = sqliteTable('notification_preferences', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  replies: integer('replies', { mode: 'boolean' }).notNull().default(true),
  decisions: integer('decisions', { mode: 'boolean' }).notNull().default(true),
  /** opt-in */
  newTopics: integer('new_topics', { mode: 'boolean' }).notNull().default(false),
});

export type Topic = typeof topics.$inferSelect;
export type NewTopic = typeof topics.$inferInsert;
export type Vote = typeof votes.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type Notification = typeof notifications.$inferSelect;

// ---------------------------------------------------------------- moderation

export const TERM_LANGUAGES = ['fr', 'en', 'bm', 'snk', 'ff'] as const;

/** Screening terms added by moderators, on top of the word lists in lib/moderation/wordlists. */
export const moderationTerms = sqliteTable(
  'moderation_terms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    term: text('term').notNull(),
    language: text('language', { enum: TERM_LANGUAGES }).notNull(),
    addedBy: integer('added_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('moderation_terms_uq').on(t.term, t.language)],
);

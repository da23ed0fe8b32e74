import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
// Value lists are owned by lib/ (files that import nothing); the schema builds its columns from them and
// passes them on. Relative paths: drizzle-kit loads this file without the '@/' alias.
import { ATTENDANCE_AGE_BANDS, ATTENDANCE_GENDERS } from '../lib/meetings/attendance-groups';
import { BENEFICIARIES, CO_PROPOSER_STATUSES, PROJECT_STATUSES, type Beneficiary } from '../lib/projects/statuses';
import { SECTORS } from '../lib/topics/sectors';

export { ATTENDANCE_AGE_BANDS, ATTENDANCE_GENDERS, BENEFICIARIES, CO_PROPOSER_STATUSES, PROJECT_STATUSES, SECTORS };
export type { Beneficiary } from '../lib/projects/statuses';
export type { ProjectStatus } from '../lib/projects/statuses';
export type { Sector } from '../lib/topics/sectors';
import { ACCOUNT_CODE_CHANNELS, ACCOUNT_CODE_PURPOSES, GENDERS, PREFERRED_LANGUAGES, VERIFICATION_METHODS } from '../lib/accounts/values';
import { ASSISTED_KINDS } from '../lib/assisted/kinds';
import { APPEAL_STATES, CONTENT_TYPES, MODERATION_STATES, VISIBILITIES, PREMODERATION_MODES, REPORT_REASONS, SANCTION_KINDS, TERM_LANGUAGES, VOICE_MODES } from '../lib/moderation/values';
import { NOTIFICATION_KINDS } from '../lib/notifications/kinds';
import { ROLES } from '../lib/roles/names';

export {
  ACCOUNT_CODE_CHANNELS,
  ACCOUNT_CODE_PURPOSES,
  GENDERS,
  PREFERRED_LANGUAGES,
  VERIFICATION_METHODS,
  type AccountCodeChannel,
  type AccountCodePurpose,
  type Gender,
  type PreferredLanguage,
  type VerificationMethod,
} from '../lib/accounts/values';
export { ASSISTED_KINDS, type AssistedKind } from '../lib/assisted/kinds';
export {
  APPEAL_STATES,
  CONTENT_TYPES,
  MODERATION_STATES,
  VISIBILITIES,
  type Visibility,
  PREMODERATION_MODES,
  REPORT_REASONS,
  SANCTION_KINDS,
  TERM_LANGUAGES,
  VOICE_MODES,
  type ContentType,
  type PremoderationMode,
  type VoiceMode,
  type ReportReason,
} from '../lib/moderation/values';
export { NOTIFICATION_KINDS, type NotificationKind } from '../lib/notifications/kinds';
export { ROLES, type GrantedRole } from '../lib/roles/names';
import { MEDIA_STATES, MEDIA_KINDS } from '../lib/media/values';
import { LEARN_STATES } from '../lib/learn/values';
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, MESSAGE_STATUSES } from '../lib/messaging/values';
import { TRANSLATION_LOCALES, TRANSLATION_STATES, TRANSLATION_ORIGINS } from '../lib/translations/values';
export { MEDIA_STATES, MEDIA_KINDS, type MediaState, type MediaKind } from '../lib/media/values';
export { LEARN_STATES, type LearnState } from '../lib/learn/values';
export { MESSAGE_CHANNELS, MESSAGE_PURPOSES, MESSAGE_STATUSES, type MessageChannel, type MessagePurpose, type MessageStatus } from '../lib/messaging/values';
export { TRANSLATION_LOCALES, TRANSLATION_STATES, TRANSLATION_ORIGINS, type TranslationState, type TranslationOrigin } from '../lib/translations/values';
import { STANCES } from '../lib/comments/stances';
import { PHASES } from '../lib/topics/phases';

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
    /**
     * A participant registered by a facilitator, with no phone or email: signs in with this code and a
     * 6-digit PIN (hashed in password_hash like any password).
     */
    participantCode: text('participant_code').unique(),
    /** the connected space where a facilitator registered this participant */
    registeredAtSpaceId: integer('registered_at_space_id').references((): AnySQLiteColumn => connectedSpaces.id),
    registeredBy: integer('registered_by').references((): AnySQLiteColumn => users.id),
    /** the date (YYYY-MM-DD) the participant consented to having an account, as recorded by the facilitator */
    consentGivenOn: text('consent_given_on'),
    /** a participant who has not yet chosen their own PIN (the one on the slip was seen by the facilitator) */
    pinChoicePending: integer('pin_choice_pending', { mode: 'boolean' }).notNull().default(false),
    /**
     * When the account was verified; null: not (yet) verified. Until then it may sign in, read and
     * finish verification, and nothing else; its votes and supports do not count (docs/features/verification.md).
     */
    verifiedAt: text('verified_at'),
    /** how: 'sms' or 'email' (that phone or address was proven: changing it asks again), 'in_person', 'seed' */
    verifiedVia: text('verified_via', { enum: VERIFICATION_METHODS }),
    /**
     * An account of the demo data (`npm start` on a new database without DEMO=false): its identifiers and
     * password are public (README). While one exists every page says so; `npm run demo:remove` deletes them.
     */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('users_commune_idx').on(t.communeId),
    /** demo accounts are few (none on a real deployment): "is there one?" reads this index alone */
    index('users_demo_idx').on(t.id).where(sql`is_demo = 1`),
    index('users_registered_space_idx').on(t.registeredAtSpaceId, t.id),
    check(
      'users_has_identifier',
      sql`${t.phone} IS NOT NULL OR ${t.email} IS NOT NULL OR ${t.participantCode} IS NOT NULL`,
    ),
  ],
);

/**
 * A role held by a user. "citizen" is implicit (every account).
 * facilitator → spaceId; official → communeId + title; moderator → communeId (null = all communes); admin → none;
 * translator (proposes and reviews interface translations, lib/translations) → none.
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

/** Abuse counters of lib/rate-limit.ts: key "<limit>:<who>", events in the window, window end (ms since epoch). */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: integer('expire'),
});

/**
 * What a form post did, by person and key (lib/idempotency): every rendered form carries a random key, and
 * a second post with the same key (a double tap, a retry on a dropped connection, a resubmission from
 * Back, the offline outbox sending again) gets the first one's answer instead of writing twice. `outcome`
 * is null while the first post is still being handled. Kept 24 hours (the scheduler sweeps older rows).
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    /** the action the key was used for ("comment.create"): a key is never replayed for another action */
    scope: text('scope').notNull(),
    /** JSON (lib/idempotency/outcome.ts): the form state returned, or the redirect made */
    outcome: text('outcome'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

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

export { PHASES, type Phase } from '../lib/topics/phases';
export { STANCES, type Stance } from '../lib/comments/stances';


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
    /**
     * Kept by the comments_counters_* triggers (migration 0009): stance counts of visible, not deleted
     * comments (replies included), and top-level comments that are not held (the comments pager's total).
     */
    stanceForCount: integer('stance_for_count').notNull().default(0),
    stanceAgainstCount: integer('stance_against_count').notNull().default(0),
    stanceNeutralCount: integer('stance_neutral_count').notNull().default(0),
    stanceQuestionCount: integer('stance_question_count').notNull().default(0),
    topCommentCount: integer('top_comment_count').notNull().default(0),
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

/**
 * Votes counted per topic, choice and the voter's home commune, kept by triggers on votes and on
 * users' commune (migration 0010), so a topic's tally never counts its votes one by one.
 */
export const voteTallies = sqliteTable(
  'vote_tallies',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    choice: text('choice').notNull(),
    communeId: integer('commune_id').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.choice, t.communeId] })],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** a comment belongs to exactly one subject: a topic or a citizen project (see comments_one_subject) */
    topicId: integer('topic_id').references(() => topics.id),
    projectId: integer('project_id').references((): AnySQLiteColumn => projects.id),
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
    index('comments_project_parent_id_idx').on(t.projectId, t.parentId, t.id),
    /** held comments are few: their author (and moderators) count them on top of the public counter */
    index('comments_topic_held_idx').on(t.topicId, t.parentId, t.authorId).where(sql`visibility = 'held'`),
    index('comments_project_held_idx').on(t.projectId, t.parentId, t.authorId).where(sql`visibility = 'held'`),
    check('comments_one_subject', sql`(${t.topicId} IS NULL) <> (${t.projectId} IS NULL)`),
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
    projectId: integer('project_id').references((): AnySQLiteColumn => projects.id),
    /** moderation outcomes and appeals: the item concerned */
    moderationId: integer('moderation_id').references((): AnySQLiteColumn => moderations.id),
    appealId: integer('appeal_id').references((): AnySQLiteColumn => appeals.id),
    /** meeting changes and cancellations, for the people registered */
    meetingId: integer('meeting_id').references((): AnySQLiteColumn => meetings.id),
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
  /** citizen projects one proposed, co-proposed or supported */
  projects: integer('projects', { mode: 'boolean' }).notNull().default(true),
});

export type Topic = typeof topics.$inferSelect;
export type NewTopic = typeof topics.$inferInsert;
export type Vote = typeof votes.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type Notification = typeof notifications.$inferSelect;

// ---------------------------------------------------------------- moderation

/**
 * Screening terms added by moderators, on top of the word lists in lib/moderation/wordlists: for one
 * commune's content, or (communeId null) for the whole region. Removing one deletes the row; the audit
 * log keeps what it was.
 */
export const moderationTerms = sqliteTable(
  'moderation_terms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    term: text('term').notNull(),
    language: text('language', { enum: TERM_LANGUAGES }).notNull(),
    communeId: integer('commune_id').references(() => communes.id),
    addedBy: integer('added_by').references(() => users.id),
    createdAt: createdAt(),
  },
  // Once per scope: the region's, or each commune's (SQLite counts NULLs as distinct, hence two indexes).
  (t) => [
    uniqueIndex('moderation_terms_region_uq').on(t.term, t.language).where(sql`commune_id IS NULL`),
    uniqueIndex('moderation_terms_commune_uq').on(t.term, t.language, t.communeId).where(sql`commune_id IS NOT NULL`),
  ],
);

// ---------------------------------------------------------------- citizen projects

export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    /** the proposer */
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    /** "on behalf of" a group, e.g. a women's association */
    onBehalfOf: text('on_behalf_of'),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    solution: text('solution').notNull(),
    sector: text('sector', { enum: SECTORS }).notNull(),
    location: text('location').notNull(),
    /** FCFA */
    estimatedCost: integer('estimated_cost'),
    beneficiaries: text('beneficiaries', { mode: 'json' }).notNull().$type<Beneficiary[]>(),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('draft'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('visible'),
    /** fixed when collection opens, so a later change of the commune's settings never moves the goal */
    threshold: integer('threshold'),
    collectionEndsAt: text('collection_ends_at'),
    supportCount: integer('support_count').notNull().default(0),
    /** highest quarter of the threshold already announced to the authors (0–4): each is announced once */
    milestone: integer('milestone').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    /**
     * Kept by the comments_counters_* triggers (migration 0009): stance counts of visible, not deleted
     * comments (replies included), and top-level comments that are not held (the comments pager's total).
     */
    stanceForCount: integer('stance_for_count').notNull().default(0),
    stanceAgainstCount: integer('stance_against_count').notNull().default(0),
    stanceNeutralCount: integer('stance_neutral_count').notNull().default(0),
    stanceQuestionCount: integer('stance_question_count').notNull().default(0),
    topCommentCount: integer('top_comment_count').notNull().default(0),
    answer: text('answer'),
    answeredAt: text('answered_at'),
    answeredBy: integer('answered_by').references(() => users.id),
    progressPercent: integer('progress_percent').notNull().default(0),
    submittedAt: text('submitted_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('projects_commune_status_idx').on(t.communeId, t.status),
    index('projects_status_ends_idx').on(t.status, t.collectionEndsAt),
    index('projects_support_count_idx').on(t.supportCount),
    index('projects_created_idx').on(t.createdAt),
    index('projects_author_idx').on(t.authorId),
  ],
);

/** Registered users invited to propose with the author; they count as authors once they accept. */
export const projectCoProposers = sqliteTable(
  'project_co_proposers',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: CO_PROPOSER_STATUSES }).notNull().default('invited'),
    createdAt: createdAt(),
    respondedAt: text('responded_at'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_co_proposers_user_idx').on(t.userId, t.status)],
);

/**
 * Every phone number or e-mail address a proposer typed to invite a co-proposer, registered or not, so
 * that the proposer sees the same "invitation sent" either way (nothing tells them whether it is an
 * account, nor whose). userId: the account it named when sent, if any (it then has a project_co_proposers
 * row); the proposer learns the name only when that person accepts.
 */
export const projectInvitations = sqliteTable(
  'project_invitations',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    /** E.164 phone or lower-cased e-mail */
    identifier: text('identifier').notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.identifier] })],
);

/** One support per person per project: the primary key is the guarantee. */
export const projectSupports = sqliteTable(
  'project_supports',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_supports_user_idx').on(t.userId)],
);

/** The state of a project before each edit after its submission: public. */
export const projectRevisions = sqliteTable(
  'project_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    editorId: integer('editor_id').references(() => users.id),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    solution: text('solution').notNull(),
    sector: text('sector', { enum: SECTORS }).notNull(),
    location: text('location').notNull(),
    estimatedCost: integer('estimated_cost'),
    beneficiaries: text('beneficiaries', { mode: 'json' }).notNull().$type<Beneficiary[]>(),
    onBehalfOf: text('on_behalf_of'),
    createdAt: createdAt(),
  },
  (t) => [index('project_revisions_project_idx').on(t.projectId)],
);

/** The public life-cycle timeline. actorId null = by the system (expiry, threshold). note = the answer. */
export const projectStatusChanges = sqliteTable(
  'project_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    actorId: integer('actor_id').references(() => users.id),
    fromStatus: text('from_status', { enum: PROJECT_STATUSES }),
    toStatus: text('to_status', { enum: PROJECT_STATUSES }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('project_status_changes_project_idx').on(t.projectId)],
);

/** The public implementation timeline of an accepted project. */
export const projectUpdates = sqliteTable(
  'project_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    percent: integer('percent').notNull(),
    /** the day the progress happened, YYYY-MM-DD */
    happenedOn: text('happened_on').notNull(),
    /** FCFA */
    amountSpent: integer('amount_spent'),
    /** reportable like everything written on Baro; hidden updates are kept, shown as a placeholder */
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('visible'),
    createdAt: createdAt(),
  },
  (t) => [index('project_updates_project_idx').on(t.projectId, t.happenedOn)],
);

/** Per-commune rules for projects; a commune without a row uses the defaults (50 supports, 90 days). */
export const communeProjectSettings = sqliteTable('commune_project_settings', {
  communeId: integer('commune_id')
    .primaryKey()
    .references(() => communes.id),
  supportThreshold: integer('support_threshold').notNull(),
  collectionDays: integer('collection_days').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: text('updated_at'),
});

export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type ProjectUpdate = typeof projectUpdates.$inferSelect;

// ---------------------------------------------------------------- moderation pipeline

/**
 * One record per moderated piece of content (Decidim's "reportable"): created when content is held at
 * submission or first reported. The content row keeps its own `visibility` in step, for fast reads.
 */
export const moderations = sqliteTable(
  'moderations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contentType: text('content_type', { enum: CONTENT_TYPES }).notNull(),
    contentId: integer('content_id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    state: text('state', { enum: MODERATION_STATES }).notNull(),
    /** why it was held: a screening reason ('link', 'personalData', 'burst') or 'premoderation' */
    holdReason: text('hold_reason'),
    reportCount: integer('report_count').notNull().default(0),
    /** how many times it was hidden: each hiding is a decision that may be appealed once */
    hideCount: integer('hide_count').notNull().default(0),
    hiddenAt: text('hidden_at'),
    /** null while hidden automatically by reports */
    hiddenBy: integer('hidden_by').references(() => users.id),
    /** shown to the public in place of the text */
    hiddenReason: text('hidden_reason'),
    /** set when a moderator settles the item; open reports and holds are "pending" until then */
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    outcome: text('outcome', { enum: ['approved', 'dismissed', 'hidden', 'restored'] }),
    /**
     * Set when reports reached the threshold on what is never hidden automatically (an official's topic,
     * an official answer, a progress update): it goes to the top of the queue instead. Cleared when the
     * count falls back under the threshold (a dismissal).
     */
    escalatedAt: text('escalated_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('moderations_content_uq').on(t.contentType, t.contentId),
    index('moderations_queue_idx').on(t.decidedAt, t.createdAt),
    index('moderations_author_idx').on(t.authorId),
  ],
);

export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    moderationId: integer('moderation_id')
      .notNull()
      .references(() => moderations.id),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    details: text('details'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reports_once_uq').on(t.moderationId, t.reporterId)],
);

export const sanctions = sqliteTable(
  'sanctions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: SANCTION_KINDS }).notNull(),
    reason: text('reason').notNull(),
    /** suspension end; null = permanent (or a warning) */
    endsAt: text('ends_at'),
    moderatorId: integer('moderator_id')
      .notNull()
      .references(() => users.id),
    /**
     * The commune where the content the sanction is about was posted: whose moderators gave it and may
     * settle its appeal. Null: no content named (region moderators and admins only).
     */
    communeId: integer('commune_id').references(() => communes.id),
    contentType: text('content_type', { enum: CONTENT_TYPES }),
    contentId: integer('content_id'),
    liftedAt: text('lifted_at'),
    liftedBy: integer('lifted_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('sanctions_user_idx').on(t.userId), index('sanctions_commune_idx').on(t.communeId)],
);

/** One appeal per decision: a hidden piece of content, or a suspension. Settled by another moderator. */
export const appeals = sqliteTable(
  'appeals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    appellantId: integer('appellant_id')
      .notNull()
      .references(() => users.id),
    moderationId: integer('moderation_id').references(() => moderations.id),
    /** which hiding of that content (moderations.hide_count): content hidden again is a new decision */
    decision: integer('decision'),
    sanctionId: integer('sanction_id').references(() => sanctions.id),
    /** who took the decision under appeal: never the one who settles it */
    originalModeratorId: integer('original_moderator_id').references(() => users.id),
    text: text('text').notNull(),
    state: text('state', { enum: APPEAL_STATES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('appeals_decision_uq').on(t.moderationId, t.decision),
    uniqueIndex('appeals_sanction_uq').on(t.sanctionId),
    index('appeals_state_idx').on(t.state),
  ],
);

/** Per-commune moderation rules; a commune without a row: flagged only, 2 contributions, 3 reports. */
export const moderationSettings = sqliteTable('moderation_settings', {
  communeId: integer('commune_id')
    .primaryKey()
    .references(() => communes.id),
  mode: text('mode', { enum: PREMODERATION_MODES }).notNull(),
  newAccountCount: integer('new_account_count').notNull(),
  reportThreshold: integer('report_threshold').notNull(),
  /** issue 13: recordings from accounts with fewer than voiceNewAccountCount published contributions are held */
  voiceMode: text('voice_mode', { enum: VOICE_MODES }).notNull().default('new_accounts'),
  voiceNewAccountCount: integer('voice_new_account_count').notNull().default(3),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: text('updated_at'),
});

export type Moderation = typeof moderations.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type Sanction = typeof sanctions.$inferSelect;
export type Appeal = typeof appeals.$inferSelect;

// ---------------------------------------------------------------- connected spaces: assistance, shared computers, meetings

/**
 * A contribution a facilitator entered for a participant who was present and consented. The
 * contribution itself (comment, vote, support, project) belongs to the participant; this row says
 * who helped, where, and when the participant consented. subjectId: the comment, the topic (vote),
 * the supported comment, the supported project, or the project.
 */
export const assistedContributions = sqliteTable(
  'assisted_contributions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => users.id),
    facilitatorId: integer('facilitator_id')
      .notNull()
      .references(() => users.id),
    spaceId: integer('space_id')
      .notNull()
      .references(() => connectedSpaces.id),
    kind: text('kind', { enum: ASSISTED_KINDS }).notNull(),
    subjectId: integer('subject_id').notNull(),
    /** when the participant gave consent for this contribution (ISO timestamp) */
    consentGivenAt: text('consent_given_at').notNull(),
    createdAt: createdAt(),
    /** withdrawn by the participant: the contribution is withdrawn too (kept, not deleted) */
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [
    index('assisted_participant_idx').on(t.participantId, t.id),
    index('assisted_subject_idx').on(t.kind, t.subjectId),
    index('assisted_space_idx').on(t.spaceId),
  ],
);

/** A browser a facilitator marked as a shared computer of a space (the cookie holds the token). */
export const sharedDevices = sqliteTable('shared_devices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** sha-256 of the random token kept in the browser's cookie */
  tokenHash: text('token_hash').notNull().unique(),
  spaceId: integer('space_id')
    .notNull()
    .references(() => connectedSpaces.id),
  label: text('label').notNull().default(''),
  markedBy: integer('marked_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
  revokedAt: text('revoked_at'),
});

/**
 * A signed-in session, on any device (lib/accounts/sessions.ts). The session cookie carries a random
 * id; only its sha-256 is kept here, so a copy of this table signs nobody in. Checked on every
 * request: ended, idle too long, too old, or from an older session version (sign out everywhere, a
 * new password, a ban) means signed out.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    /** sha-256 (hex) of the random id carried in the session cookie */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** the account's session_version when the session opened; once the account's moves on, the session is over */
    sessionVersion: integer('session_version').notNull(),
    /** a short name for the device, from its User-Agent ("Chrome on Android"), shown in the list of sessions */
    deviceLabel: text('device_label').notNull().default(''),
    /** the network the sign-in came from, coarsely ("41.73.100.x", "2001:db8:85a3:…"): enough to recognise, not to locate */
    ipPrefix: text('ip_prefix').notNull().default(''),
    /** a shared computer of a connected space (lib/shared-devices): the short idle limit applies */
    sharedDeviceId: integer('shared_device_id').references(() => sharedDevices.id),
    createdAt: text('created_at').notNull(),
    /** written at most once a minute (more often on a shared computer, whose idle limit is minutes) */
    lastSeenAt: text('last_seen_at').notNull(),
    endedAt: text('ended_at'),
    /** sign_out | ended (from another device) | others_ended | idle | expired | unmarked | replaced */
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.endedAt), index('sessions_device_idx').on(t.sharedDeviceId, t.endedAt)],
);

/** A public debate at a connected space, about a topic or a project (or neither: a general meeting). */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    spaceId: integer('space_id')
      .notNull()
      .references(() => connectedSpaces.id),
    topicId: integer('topic_id').references(() => topics.id),
    projectId: integer('project_id').references(() => projects.id),
    title: text('title').notNull(),
    startsAt: text('starts_at').notNull(),
    place: text('place').notNull(),
    agenda: text('agenda').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    registrationCount: integer('registration_count').notNull().default(0),
    cancelledAt: text('cancelled_at'),
    minutes: text('minutes'),
    minutesPublishedAt: text('minutes_published_at'),
    minutesBy: integer('minutes_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('meetings_space_starts_idx').on(t.spaceId, t.startsAt),
    index('meetings_topic_idx').on(t.topicId),
    index('meetings_project_idx').on(t.projectId),
    index('meetings_starts_idx').on(t.startsAt),
  ],
);

export const meetingRegistrations = sqliteTable(
  'meeting_registrations',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_registrations_user_idx').on(t.userId)],
);

/** Attendance counted by the facilitator after the meeting, by gender and age band (no names). */
export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    gender: text('gender', { enum: ATTENDANCE_GENDERS }).notNull(),
    ageBand: text('age_band', { enum: ATTENDANCE_AGE_BANDS }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.gender, t.ageBand] })],
);

export type AssistedContribution = typeof assistedContributions.$inferSelect;
export type SharedDevice = typeof sharedDevices.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;

// ---------------------------------------------------------------- media (voice)



/**
 * One recording as a feature uses it. The file (data/media/ab/<sha256>.webm, mono Opus) is named by the
 * sha-256 of the transcoded output and shared by every row with the same sha256 (identical content is stored once).
 */
export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    /** whose moderators may hear it while it is not public: the subject's commune (the owner's until attached) */
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    kind: text('kind', { enum: MEDIA_KINDS }).notNull(),
    /** null while pending */
    subjectId: integer('subject_id'),
    /** the language spoken, when the feature asks for it (spoken summaries) */
    language: text('language', { enum: PREFERRED_LANGUAGES }),
    state: text('state', { enum: MEDIA_STATES }).notNull().default('pending'),
    /** hex sha-256 of the stored file */
    sha256: text('sha256').notNull(),
    /** of the stored file: 'audio/webm' (Opus) */
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** measured on the decoded output, never taken from the uploaded file's header */
    durationMs: integer('duration_ms').notNull(),
    /** the container recognised in the upload by its content ('webm', 'ogg', 'm4a', 'mp3', 'amr', '3gp', 'wav', …) */
    sourceFormat: text('source_format').notNull(),
    /** added by a moderator or the author (later): shown under the player and searchable */
    transcript: text('transcript'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('media_sha_idx').on(t.sha256),
    index('media_owner_idx').on(t.ownerId, t.id),
    index('media_subject_idx').on(t.kind, t.subjectId),
    index('media_state_created_idx').on(t.state, t.createdAt),
    check('media_size_positive', sql`${t.sizeBytes} > 0`),
    check('media_duration_positive', sql`${t.durationMs} > 0`),
  ],
);

export type MediaItem = typeof media.$inferSelect;
export type NewMediaItem = typeof media.$inferInsert;

// ---------------------------------------------------------------- civic learning (issue 15)


/**
 * A course: ordered lessons in one language. The same slug in another language is its translation
 * (the demo courses exist in French and English). communeId null: a course for the whole region.
 * Its title and summary are public text: screened, and moderated like any content (visibility).
 */
export const courses = sqliteTable(
  'courses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    language: text('language', { enum: PREFERRED_LANGUAGES }).notNull().default('fr'),
    communeId: integer('commune_id').references(() => communes.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    state: text('state', { enum: LEARN_STATES }).notNull().default('draft'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('visible'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    publishedAt: text('published_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [uniqueIndex('courses_slug_language_uq').on(t.slug, t.language), index('courses_state_idx').on(t.state, t.communeId)],
);

/** One question of a lesson's quiz: 2–4 choices, exactly one correct; audioId: a 'quiz_choice' recording of the choice. */
export type QuizQuestion = {
  question: string;
  explanation: string;
  choices: { text: string; correct: boolean; audioId?: number | null }[];
};

/**
 * A lesson: at most about 300 words of Markdown, narrations (media kind 'lesson'), images, and a quiz of 3–5
 * questions kept as JSON with the text (so a revision keeps the quiz as it was). Its slug is unique in its
 * language across courses: a topic links to a lesson by slug, in whatever language the reader reads.
 */
export const lessons = sqliteTable(
  'lessons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    /** the course's language, copied so the slug can be unique per language */
    language: text('language', { enum: PREFERRED_LANGUAGES }).notNull(),
    slug: text('slug').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    quiz: text('quiz', { mode: 'json' }).notNull().$type<QuizQuestion[]>(),
    state: text('state', { enum: LEARN_STATES }).notNull().default('draft'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('visible'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [uniqueIndex('lessons_language_slug_uq').on(t.language, t.slug), index('lessons_course_idx').on(t.courseId, t.position)],
);

/** The state of a course before each edit, like a topic's. */
export const courseRevisions = sqliteTable(
  'course_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    editorId: integer('editor_id').references(() => users.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    communeId: integer('commune_id'),
    createdAt: createdAt(),
  },
  (t) => [index('course_revisions_course_idx').on(t.courseId)],
);

/** The state of a lesson before each edit: text and quiz. */
export const lessonRevisions = sqliteTable(
  'lesson_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lessonId: integer('lesson_id')
      .notNull()
      .references(() => lessons.id),
    editorId: integer('editor_id').references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    quiz: text('quiz', { mode: 'json' }).notNull().$type<QuizQuestion[]>(),
    createdAt: createdAt(),
  },
  (t) => [index('lesson_revisions_lesson_idx').on(t.lessonId)],
);

/**
 * A picture of a lesson, re-encoded to WebP (at most 60 KB, no EXIF) and stored once by the sha-256 of the
 * result under MEDIA_DIR/images/. Public when its lesson is.
 */
export const lessonImages = sqliteTable(
  'lesson_images',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lessonId: integer('lesson_id')
      .notNull()
      .references(() => lessons.id),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    sha256: text('sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** what the picture shows, for those who cannot see it (required) */
    alt: text('alt').notNull(),
    /** the format recognised in the upload by its content ('jpeg', 'png', 'webp', 'gif', 'heif') */
    sourceFormat: text('source_format').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lesson_images_lesson_idx').on(t.lessonId), index('lesson_images_sha_idx').on(t.sha256)],
);

/**
 * A signed-in person's progress in a lesson: their best and last quiz scores, and when they first passed
 * it (the lesson is then done).
 */
export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    lessonId: integer('lesson_id')
      .notNull()
      .references(() => lessons.id),
    bestScore: integer('best_score').notNull(),
    lastScore: integer('last_score').notNull(),
    /** how many questions the quiz had at the last attempt */
    questionCount: integer('question_count').notNull(),
    attempts: integer('attempts').notNull().default(1),
    passedAt: text('passed_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] }), index('lesson_progress_lesson_idx').on(t.lessonId)],
);

/**
 * A completed course's certificate. What it shows is kept as issued (name, course, space): a later
 * change of name or title does not rewrite a printed certificate. The code is its public proof.
 */
export const certificates = sqliteTable(
  'certificates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    /** 10 characters of an alphabet without look-alikes (lib/learn/certificate-code.ts) */
    code: text('code').notNull().unique(),
    displayName: text('display_name').notNull(),
    courseTitle: text('course_title').notNull(),
    /** the connected space where the person learnt, if any */
    spaceName: text('space_name'),
    issuedAt: text('issued_at').notNull(),
  },
  (t) => [uniqueIndex('certificates_user_course_uq').on(t.userId, t.courseId)],
);

/** A training session a facilitator ran at a connected space, on a course. */
export const trainingSessions = sqliteTable(
  'training_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    spaceId: integer('space_id')
      .notNull()
      .references(() => connectedSpaces.id),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    /** YYYY-MM-DD */
    heldOn: text('held_on').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [index('training_sessions_space_idx').on(t.spaceId, t.heldOn), index('training_sessions_held_idx').on(t.heldOn)],
);

/** People counted at a training session by gender and age band (no names), like a meeting's attendance. */
export const trainingAttendance = sqliteTable(
  'training_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    gender: text('gender', { enum: ATTENDANCE_GENDERS }).notNull(),
    ageBand: text('age_band', { enum: ATTENDANCE_AGE_BANDS }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.gender, t.ageBand] })],
);

/** People with an account named at a training session, with the date they consented to it. */
export const trainingParticipants = sqliteTable(
  'training_participants',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    consentGivenAt: text('consent_given_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('training_participants_user_idx').on(t.userId)],
);

/** Lessons a topic points to, by slug (read in the reader's language), in order. */
export const topicLessons = sqliteTable(
  'topic_lessons',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    lessonSlug: text('lesson_slug').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.lessonSlug] })],
);

export type Course = typeof courses.$inferSelect;
export type Lesson = typeof lessons.$inferSelect;
export type LessonImage = typeof lessonImages.$inferSelect;
export type LessonProgress = typeof lessonProgress.$inferSelect;
export type Certificate = typeof certificates.$inferSelect;
export type TrainingSession = typeof trainingSessions.$inferSelect;
// ---------------------------------------------------------------- messaging


/**
 * SMS and e-mails waiting to go out, and what became of them (lib/messaging). A row is claimed by one
 * sender at a time (status 'sending' until lease_until); attempts is also the claim's fencing token.
 * The text may hold a code: it is erased (NULL) once the message is sent or has failed for good, and
 * the CHECK makes sure no sent or failed row keeps it.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** random id given to the gateway (its idempotency key) and written in the outbox line */
    ref: text('ref').notNull().unique(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    /** E.164 phone number, or lower-cased e-mail address */
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body'),
    purpose: text('purpose', { enum: MESSAGE_PURPOSES }).notNull(),
    userId: integer('user_id').references(() => users.id),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextTryAt: text('next_try_at').notNull(),
    /** while 'sending': after this instant another sender may take the message back (its sender crashed) */
    leaseUntil: text('lease_until'),
    /** not worth sending after this instant (a code that is no longer valid) */
    expiresAt: text('expires_at'),
    /** why the last attempt failed: never the text itself */
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('messages_due_idx').on(t.status, t.nextTryAt),
    index('messages_recipient_idx').on(t.recipient, t.createdAt),
    index('messages_user_idx').on(t.userId, t.createdAt),
    check('messages_channel', sql`${t.channel} IN ('sms', 'email')`),
    check('messages_purpose', sql`${t.purpose} IN ('verification', 'recovery', 'security', 'notification')`),
    check('messages_status', sql`${t.status} IN ('queued', 'sending', 'sent', 'failed')`),
    check('messages_body_erased', sql`${t.status} IN ('queued', 'sending') OR (${t.body} IS NULL AND ${t.subject} IS NULL)`),
  ],
);

export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;

// ---------------------------------------------------------------- translations (lib/translations)




/** One proposed text for one message key ("Nav.home") in one language, and what became of it. */
export const translationProposals = sqliteTable(
  'translation_proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    locale: text('locale', { enum: TRANSLATION_LOCALES }).notNull(),
    key: text('key').notNull(),
    text: text('text').notNull(),
    /** the French text it translates, as it was when proposed (reviewers see when French has changed since) */
    source: text('source').notNull(),
    origin: text('origin', { enum: TRANSLATION_ORIGINS }).notNull(),
    /** where the text came from, in words: "typed in /admin/translations", "machine draft (LLM), not reviewed", "imported from bm.json" */
    provenance: text('provenance').notNull(),
    /** null for a machine draft seeded without a person */
    proposedBy: integer('proposed_by').references(() => users.id),
    state: text('state', { enum: TRANSLATION_STATES }).notNull().default('proposed'),
    /** when it went live, was refused, replaced or taken down */
    decidedAt: text('decided_at'),
    /** the reviewer whose approval made it live, who refused it, or who took it down */
    decidedBy: integer('decided_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('translation_proposals_key_idx').on(t.locale, t.key, t.id),
    index('translation_proposals_state_idx').on(t.locale, t.state),
    uniqueIndex('translation_proposals_live_uq').on(t.locale, t.key).where(sql`state = 'approved'`),
  ],
);

/** A reviewer's verdict on a proposal: one per person and proposal; never the proposer's own. */
export const translationReviews = sqliteTable(
  'translation_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => translationProposals.id),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id),
    verdict: text('verdict', { enum: ['approve', 'reject'] }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('translation_reviews_uq').on(t.proposalId, t.reviewerId)],
);

/**
 * A topic's title and summary in a local language, written by its commune's officials: readers of that
 * language see it, with a link to the French original (the body stays French).
 */
export const topicTranslations = sqliteTable(
  'topic_translations',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    locale: text('locale', { enum: TRANSLATION_LOCALES }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.locale] })],
);

export type TranslationProposal = typeof translationProposals.$inferSelect;
export type TranslationReview = typeof translationReviews.$inferSelect;
export type TopicTranslation = typeof topicTranslations.$inferSelect;

// ---------------------------------------------------------------- account codes (verification, recovery)

/**
 * One-time codes (lib/accounts/codes.ts): 6 digits sent to verify a phone or an e-mail address, or to
 * set a new password. Only an HMAC of the code is kept; it expires, allows 5 tries, and a newer code of
 * the same purpose replaces it. closed_reason: 'used', 'replaced' (a newer code), 'tries' (5 wrong tries).
 */
export const accountCodes = sqliteTable(
  'account_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ACCOUNT_CODE_PURPOSES }).notNull(),
    channel: text('channel', { enum: ACCOUNT_CODE_CHANNELS }).notNull(),
    /** the phone (E.164) or address it was sent to; null when handed over in person */
    recipient: text('recipient'),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    closedAt: text('closed_at'),
    closedReason: text('closed_reason', { enum: ['used', 'replaced', 'tries'] }),
  },
  (t) => [index('account_codes_user_idx').on(t.userId, t.purpose, t.closedAt)],
);
export type AccountCode = typeof accountCodes.$inferSelect;

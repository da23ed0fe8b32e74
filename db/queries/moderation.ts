import { and, asc, count, desc, eq, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { appeals, assistedContributions, auditLog, comments, communes, connectedSpaces, moderations, moderationTerms, projects, reports, sanctions, topics, users, type ContentType } from '../schema';

/** The communes a moderator sees ('all' for region moderators and admins): see moderationScope in lib/permissions. */
export type ModerationScope = number[] | 'all';

/** Rows of these communes only; with a list, rows of no commune (null) are left out too. */
function withinScope(col: SQL | AnySQLiteColumn, scope: ModerationScope): SQL | undefined {
  const expr = sql`${col}`;
  if (scope === 'all') return undefined;
  return scope.length ? inArray(expr, scope) : sql`0`;
}

export type QueueFilters = {
  communes: ModerationScope;
  communeId?: number;
  type?: ContentType;
  reason?: string;
  olderThanDays?: number;
  nowIso: string;
};

/**
 * Items awaiting a moderator: held, reported, or hidden automatically; oldest first, except official
 * content that reached the report threshold (never hidden automatically): first of all.
 */
export function moderationQueue(db: Db, f: QueueFilters, limit = 50) {
  const conds: (SQL | undefined)[] = [
    isNull(moderations.decidedAt),
    or(eq(moderations.state, 'held'), sql`${moderations.reportCount} > 0`, and(eq(moderations.state, 'hidden'), isNull(moderations.hiddenBy))),
  ];
  conds.push(withinScope(moderations.communeId, f.communes));
  if (f.communeId) conds.push(eq(moderations.communeId, f.communeId));
  if (f.type) conds.push(eq(moderations.contentType, f.type));
  if (f.reason) {
    conds.push(
      or(
        eq(moderations.holdReason, f.reason),
        sql`EXISTS (SELECT 1 FROM ${reports} r WHERE r.moderation_id = ${moderations.id} AND r.reason = ${f.reason})`,
      ),
    );
  }
  if (f.olderThanDays) {
    const cutoff = new Date(Date.parse(f.nowIso) - f.olderThanDays * 86_400_000).toISOString();
    conds.push(lte(moderations.createdAt, cutoff));
  }
  const assistedBy = alias(users, 'assisted_by');
  return db
    .select({
      id: moderations.id,
      contentType: moderations.contentType,
      contentId: moderations.contentId,
      communeId: moderations.communeId,
      commune: communes.name,
      authorId: moderations.authorId,
      author: users.displayName,
      state: moderations.state,
      holdReason: moderations.holdReason,
      reportCount: moderations.reportCount,
      hiddenBy: moderations.hiddenBy,
      hiddenReason: moderations.hiddenReason,
      escalatedAt: moderations.escalatedAt,
      createdAt: moderations.createdAt,
      /** entered by a facilitator for its author: where, and by whom */
      assistedAt: connectedSpaces.name,
      assistedBy: assistedBy.displayName,
    })
    .from(moderations)
    .innerJoin(users, eq(users.id, moderations.authorId))
    .innerJoin(communes, eq(communes.id, moderations.communeId))
    // Comments and projects share their names with assisted kinds (assisted_subject_idx).
    .leftJoin(assistedContributions, and(eq(assistedContributions.kind, moderations.contentType), eq(assistedContributions.subjectId, moderations.contentId)))
    .leftJoin(connectedSpaces, eq(connectedSpaces.id, assistedContributions.spaceId))
    .leftJoin(assistedBy, eq(assistedBy.id, assistedContributions.facilitatorId))
    .where(and(...conds))
    .orderBy(sql`${moderations.escalatedAt} IS NULL`, asc(moderations.escalatedAt), asc(moderations.createdAt), asc(moderations.id))
    .limit(limit)
    .all();
}

export function reportsByReason(db: Db, moderationIds: number[]) {
  if (!moderationIds.length) return new Map<number, { reason: string; n: number }[]>();
  const rows = db
    .select({ moderationId: reports.moderationId, reason: reports.reason, n: count() })
    .from(reports)
    .where(inArray(reports.moderationId, moderationIds))
    .groupBy(reports.moderationId, reports.reason)
    .all();
  const out = new Map<number, { reason: string; n: number }[]>();
  for (const r of rows) out.set(r.moderationId, [...(out.get(r.moderationId) ?? []), { reason: r.reason, n: r.n }]);
  return out;
}

/** The moderation record of content, for placeholders and appeals. */
export function moderationsFor(db: Db, type: ContentType, ids: number[]) {
  if (!ids.length) return new Map<number, { id: number; state: string; hiddenBy: number | null; hiddenReason: string | null }>();
  return new Map(
    db
      .select({ id: moderations.id, contentId: moderations.contentId, state: moderations.state, hiddenBy: moderations.hiddenBy, hiddenReason: moderations.hiddenReason })
      .from(moderations)
      .where(and(eq(moderations.contentType, type), inArray(moderations.contentId, ids)))
      .all()
      .map((m) => [m.contentId, m]),
  );
}

/** The appeal against the current decision (for content: the latest hiding), if any. */
export function appealOf(db: Db, where: { moderationId?: number; sanctionId?: number }) {
  if (!where.moderationId) return db.select().from(appeals).where(eq(appeals.sanctionId, where.sanctionId ?? -1)).get();
  const mod = db.select({ hideCount: moderations.hideCount }).from(moderations).where(eq(moderations.id, where.moderationId)).get();
  return db
    .select()
    .from(appeals)
    .where(and(eq(appeals.moderationId, where.moderationId), eq(appeals.decision, mod?.hideCount ?? -1)))
    .get();
}

/** Appeals waiting for a decision, of the communes in scope (a suspension's commune is the sanction's). */
export function pendingAppeals(db: Db, scope: ModerationScope) {
  const original = alias(users, 'original');
  return db
    .select({
      id: appeals.id,
      text: appeals.text,
      createdAt: appeals.createdAt,
      appellantId: appeals.appellantId,
      appellant: users.displayName,
      moderationId: appeals.moderationId,
      sanctionId: appeals.sanctionId,
      originalModeratorId: appeals.originalModeratorId,
      originalModerator: original.displayName,
      contentType: moderations.contentType,
      contentId: moderations.contentId,
      hiddenReason: moderations.hiddenReason,
      sanctionReason: sanctions.reason,
    })
    .from(appeals)
    .innerJoin(users, eq(users.id, appeals.appellantId))
    .leftJoin(original, eq(original.id, appeals.originalModeratorId))
    .leftJoin(moderations, eq(moderations.id, appeals.moderationId))
    .leftJoin(sanctions, eq(sanctions.id, appeals.sanctionId))
    .where(and(eq(appeals.state, 'pending'), withinScope(sql`coalesce(${moderations.communeId}, ${sanctions.communeId})`, scope)))
    .orderBy(asc(appeals.createdAt))
    .all();
}

/** A person's sanctions given in the communes in scope (those naming no content: region scope only). */
export function sanctionsOf(db: Db, userId: number, scope: ModerationScope) {
  const mod = alias(users, 'moderator');
  return db
    .select({ id: sanctions.id, kind: sanctions.kind, reason: sanctions.reason, endsAt: sanctions.endsAt, liftedAt: sanctions.liftedAt, createdAt: sanctions.createdAt, moderator: mod.displayName })
    .from(sanctions)
    .innerJoin(mod, eq(mod.id, sanctions.moderatorId))
    .where(and(eq(sanctions.userId, userId), withinScope(sanctions.communeId, scope)))
    .orderBy(desc(sanctions.id))
    .all();
}

const TERM_ACTIONS = ['moderation.term_add', 'moderation.term_remove'];
const MODERATION_ACTIONS = or(
  like(auditLog.action, 'content.%'),
  like(auditLog.action, 'appeal.%'),
  inArray(auditLog.action, ['user.warn', 'user.suspend', 'user.unsuspend', 'moderation.configure', ...TERM_ACTIONS]),
);

/**
 * The commune an entry of the moderation log is about: the content's, the appeal's (its content's or its
 * sanction's), the sanction's, the settings', the term's (null: the whole region's).
 */
const LOG_COMMUNE = sql`CASE
  WHEN ${auditLog.action} LIKE 'content.%' THEN (SELECT m.commune_id FROM moderations m WHERE m.content_type = ${auditLog.subjectType} AND m.content_id = ${auditLog.subjectId})
  WHEN ${auditLog.action} LIKE 'appeal.%' THEN (SELECT coalesce(m.commune_id, s.commune_id) FROM appeals ap LEFT JOIN moderations m ON m.id = ap.moderation_id LEFT JOIN sanctions s ON s.id = ap.sanction_id WHERE ap.id = ${auditLog.subjectId})
  WHEN ${auditLog.action} IN ('user.warn', 'user.suspend') THEN (SELECT s.commune_id FROM sanctions s WHERE s.id = json_extract(${auditLog.details}, '$.sanctionId'))
  WHEN ${auditLog.action} = 'user.unsuspend' THEN (SELECT s.commune_id FROM appeals ap JOIN sanctions s ON s.id = ap.sanction_id WHERE ap.id = json_extract(${auditLog.details}, '$.appealId'))
  WHEN ${auditLog.action} = 'moderation.configure' THEN ${auditLog.subjectId}
  WHEN ${auditLog.action} IN ('moderation.term_add', 'moderation.term_remove') THEN json_extract(${auditLog.details}, '$.communeId')
END`;

/** The moderation log, newest first: for a commune moderator, the entries of their communes (and the region's terms, which apply there too). */
export function moderationLog(db: Db, scope: ModerationScope, limit = 200) {
  const actor = alias(users, 'actor');
  const inScope =
    scope === 'all'
      ? undefined
      : scope.length === 0
        ? sql`0`
        : or(withinScope(LOG_COMMUNE, scope), and(inArray(auditLog.action, TERM_ACTIONS), sql`json_extract(${auditLog.details}, '$.communeId') IS NULL`));
  return db
    .select({ id: auditLog.id, createdAt: auditLog.createdAt, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, details: auditLog.details, actorName: actor.displayName })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(and(MODERATION_ACTIONS, inScope))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

/** The screening terms of the region and of the communes in scope (any), with their commune's name (null: the region). */
export function listTerms(db: Db, scope: ModerationScope) {
  return db
    .select({ id: moderationTerms.id, term: moderationTerms.term, language: moderationTerms.language, communeId: moderationTerms.communeId, commune: communes.name })
    .from(moderationTerms)
    .leftJoin(communes, eq(communes.id, moderationTerms.communeId))
    // No commune at all: not a moderator, nothing to list.
    .where(scope === 'all' ? undefined : scope.length ? or(isNull(moderationTerms.communeId), withinScope(moderationTerms.communeId, scope)) : sql`0`)
    .orderBy(asc(moderationTerms.language), asc(moderationTerms.term), asc(moderationTerms.id))
    .all();
}

/** Public, aggregate only: reports per month and reason, decisions per month and outcome, timing, appeals. */
export function moderationStats(db: Db) {
  const month = (col: SQL | typeof reports.createdAt) => sql<string>`substr(${col}, 1, 7)`;
  const byReason = db
    .select({ month: month(reports.createdAt), reason: reports.reason, n: count() })
    .from(reports)
    .groupBy(month(reports.createdAt), reports.reason)
    .orderBy(desc(month(reports.createdAt)), asc(reports.reason))
    .all();
  const byOutcome = db
    .select({ month: month(moderations.decidedAt as never), outcome: moderations.outcome, n: count() })
    .from(moderations)
    .where(sql`${moderations.decidedAt} IS NOT NULL`)
    .groupBy(month(moderations.decidedAt as never), moderations.outcome)
    .orderBy(desc(month(moderations.decidedAt as never)))
    .all();
  const hours = db
    .select({ h: sql<number>`(julianday(${moderations.decidedAt}) - julianday(${moderations.createdAt})) * 24` })
    .from(moderations)
    .where(sql`${moderations.decidedAt} IS NOT NULL`)
    .all()
    .map((r) => r.h)
    .sort((a, b) => a - b);
  const median = hours.length ? (hours.length % 2 ? hours[(hours.length - 1) / 2]! : (hours[hours.length / 2 - 1]! + hours[hours.length / 2]!) / 2) : null;
  const appealRows = db.select({ state: appeals.state, n: count() }).from(appeals).groupBy(appeals.state).all();
  const total = appealRows.reduce((a, r) => a + r.n, 0);
  const upheld = appealRows.find((r) => r.state === 'upheld')?.n ?? 0;
  return { byReason, byOutcome, medianHours: median, appeals: { total, upheld } };
}

/**
 * A person's latest comments (any state) and moderation records, in the communes in scope, for the
 * moderator's history view (a comment's commune is its topic's or project's).
 */
export function authorHistory(db: Db, userId: number, scope: ModerationScope, limit = 50) {
  const recent = db
    .select({ id: comments.id, body: comments.body, visibility: comments.visibility, topicId: comments.topicId, projectId: comments.projectId, createdAt: comments.createdAt })
    .from(comments)
    .leftJoin(topics, eq(topics.id, comments.topicId))
    .leftJoin(projects, eq(projects.id, comments.projectId))
    .where(and(eq(comments.authorId, userId), withinScope(sql`coalesce(${topics.communeId}, ${projects.communeId})`, scope)))
    .orderBy(desc(comments.id))
    .limit(limit)
    .all();
  const records = db
    .select()
    .from(moderations)
    .where(and(eq(moderations.authorId, userId), withinScope(moderations.communeId, scope)))
    .orderBy(desc(moderations.id))
    .limit(limit)
    .all();
  return { recent, records };
}

import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { assistedContributions, comments, communes, connectedSpaces, projects, roleGrants, topics, users, votes, type AssistedKind, type ProjectStatus } from '../schema';

/** Everything entered on this person's behalf, newest first, with where to find it. */
export function assistedFor(db: Db, participantId: number, limit = 200) {
  const facilitator = alias(users, 'facilitator');
  const a = assistedContributions;
  return db
    .select({
      id: a.id,
      kind: a.kind,
      subjectId: a.subjectId,
      createdAt: a.createdAt,
      consentGivenAt: a.consentGivenAt,
      withdrawnAt: a.withdrawnAt,
      space: connectedSpaces.name,
      facilitator: facilitator.displayName,
      topicId: topics.id,
      topicTitle: topics.title,
      projectId: projects.id,
      projectTitle: projects.title,
      commentBody: comments.body,
    })
    .from(a)
    .innerJoin(connectedSpaces, eq(connectedSpaces.id, a.spaceId))
    .innerJoin(facilitator, eq(facilitator.id, a.facilitatorId))
    .leftJoin(comments, and(inArray(a.kind, ['comment', 'comment_support']), eq(comments.id, a.subjectId)))
    .leftJoin(topics, or(and(eq(a.kind, 'vote'), eq(topics.id, a.subjectId)), eq(topics.id, comments.topicId)))
    .leftJoin(projects, or(and(inArray(a.kind, ['project', 'project_support']), eq(projects.id, a.subjectId)), eq(projects.id, comments.projectId)))
    .where(eq(a.participantId, participantId))
    .orderBy(desc(a.id))
    .limit(limit)
    .all();
}

/** The space where this comment or project was entered with a facilitator's help, if it was (assisted_subject_idx). */
export function assistedSpaceOf(db: Db, kind: Extract<AssistedKind, 'comment' | 'project'>, subjectId: number): string | null {
  return (
    db
      .select({ space: connectedSpaces.name })
      .from(assistedContributions)
      .innerJoin(connectedSpaces, eq(connectedSpaces.id, assistedContributions.spaceId))
      .where(and(eq(assistedContributions.kind, kind), eq(assistedContributions.subjectId, subjectId)))
      .get()?.space ?? null
  );
}

const likeEscaped = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Participants registered at these spaces, newest first: name, code, dates (never a PIN, which is
 * not stored anyway). `q` matches the code (typed in any usual way) or the name.
 */
export function participantsOf(db: Db, spaceIds: number[], q: { code: string | null; text: string }, limit = 100) {
  if (spaceIds.length === 0) return [];
  const conds = [inArray(users.registeredAtSpaceId, spaceIds)];
  if (q.code) conds.push(eq(users.participantCode, q.code));
  else if (q.text) {
    const term = likeEscaped(q.text);
    conds.push(or(sql`${users.displayName} LIKE ${term} ESCAPE '\\'`, sql`${users.participantCode} LIKE ${term} ESCAPE '\\'`)!);
  }
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      code: users.participantCode,
      createdAt: users.createdAt,
      consentGivenOn: users.consentGivenOn,
      spaceId: users.registeredAtSpaceId,
      suspendedUntil: users.suspendedUntil,
      /**
       * given a role since: then only an admin gives a new PIN. "users"."id" is written out: in a select
       * from one table drizzle renders ${users.id} as a bare "id", which inside this subquery is g.id.
       */
      holdsRole: sql<number>`EXISTS (SELECT 1 FROM ${roleGrants} g WHERE g.user_id = "users"."id" AND g.revoked_at IS NULL)`.mapWith(Boolean),
    })
    .from(users)
    .where(and(...conds))
    .orderBy(desc(users.id))
    .limit(limit)
    .all();
}

/** A participant as the facilitator sees them on the PIN page. */
export function participantCard(db: Db, userId: number) {
  const registrar = alias(users, 'registrar');
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      code: users.participantCode,
      createdAt: users.createdAt,
      consentGivenOn: users.consentGivenOn,
      registeredAtSpaceId: users.registeredAtSpaceId,
      space: connectedSpaces.name,
      registeredBy: registrar.displayName,
    })
    .from(users)
    .leftJoin(connectedSpaces, eq(connectedSpaces.id, users.registeredAtSpaceId))
    .leftJoin(registrar, eq(registrar.id, users.registeredBy))
    .where(eq(users.id, userId))
    .get();
}

/** Consultations open for comments and votes now, soonest to close first (for the facilitator's picker). */
export function openTopics(db: Db, nowIso: string, limit = 100) {
  return db
    .select({ id: topics.id, title: topics.title, commune: communes.name, closesAt: topics.closesAt })
    .from(topics)
    .innerJoin(communes, eq(communes.id, topics.communeId))
    .where(and(eq(topics.phase, 'open'), eq(topics.visibility, 'visible'), gt(topics.closesAt, nowIso)))
    .orderBy(asc(topics.closesAt), asc(topics.id))
    .limit(limit)
    .all();
}

/** Public citizen projects in one of these statuses (those still discussed), newest first. */
export function projectsIn(db: Db, statuses: readonly ProjectStatus[], limit = 100) {
  return db
    .select({ id: projects.id, title: projects.title, commune: communes.name, status: projects.status, collectionEndsAt: projects.collectionEndsAt })
    .from(projects)
    .innerJoin(communes, eq(communes.id, projects.communeId))
    .where(and(inArray(projects.status, [...statuses]), eq(projects.visibility, 'visible')))
    .orderBy(desc(projects.id))
    .limit(limit)
    .all();
}

/** Visible, not deleted comments of a topic or project, oldest first: what a participant may reply to or support. */
export function commentsToChooseFrom(db: Db, target: { kind: 'topic' | 'project'; id: number }, limit = 200) {
  return db
    .select({ id: comments.id, parentId: comments.parentId, author: users.displayName, body: comments.body })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        target.kind === 'topic' ? eq(comments.topicId, target.id) : eq(comments.projectId, target.id),
        eq(comments.visibility, 'visible'),
        isNull(comments.deletedAt),
      ),
    )
    .orderBy(asc(comments.id))
    .limit(limit)
    .all();
}

/**
 * Votes on this topic that a facilitator entered for the voter and that still stand (not withdrawn, the
 * vote still there, and counted: its voter is verified, as in the tally): the public tally says how
 * many there are (assisted_subject_idx).
 */
export function assistedVoteCount(db: Db, topicId: number): number {
  const a = assistedContributions;
  return (
    db
      .select({ n: sql<number>`count(DISTINCT ${a.participantId})` })
      .from(a)
      .innerJoin(votes, and(eq(votes.topicId, a.subjectId), eq(votes.userId, a.participantId)))
      .innerJoin(users, eq(users.id, votes.userId))
      .where(and(eq(a.kind, 'vote'), eq(a.subjectId, topicId), isNull(a.withdrawnAt), isNotNull(users.verifiedAt)))
      .get()?.n ?? 0
  );
}

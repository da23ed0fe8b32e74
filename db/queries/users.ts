import { and, desc, eq, isNull, or, sql, type Column } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { auditLog, communes, connectedSpaces, roleGrants, users } from '../schema';

export function getProfile(db: Db, userId: number) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      phone: users.phone,
      email: users.email,
      communeId: users.communeId,
      gender: users.gender,
      birthYear: users.birthYear,
      language: users.language,
      suspendedUntil: users.suspendedUntil,
      participantCode: users.participantCode,
      pinChoicePending: users.pinChoicePending,
      verifiedAt: users.verifiedAt,
      verifiedVia: users.verifiedVia,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

export function activeGrants(db: Db, userId: number) {
  return db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      title: roleGrants.title,
      communeId: roleGrants.communeId,
      commune: communes.name,
      spaceId: roleGrants.spaceId,
      space: connectedSpaces.name,
      createdAt: roleGrants.createdAt,
    })
    .from(roleGrants)
    .leftJoin(communes, eq(communes.id, roleGrants.communeId))
    .leftJoin(connectedSpaces, eq(connectedSpaces.id, roleGrants.spaceId))
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)))
    .orderBy(roleGrants.id)
    .all();
}

const likeEscaped = (col: Column, term: string) => sql`${col} LIKE ${term} ESCAPE '\\'`;

/** Admin search by name, phone or email (LIKE, escaped). */
export function searchUsers(db: Db, q: string, limit = 25) {
  const term = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const base = db
    .select({ id: users.id, displayName: users.displayName, phone: users.phone, email: users.email, commune: communes.name })
    .from(users)
    .innerJoin(communes, eq(communes.id, users.communeId));
  const filtered = q
    ? base.where(
        or(likeEscaped(users.displayName, term), likeEscaped(users.phone, term), likeEscaped(users.email, term)),
      )
    : base;
  return filtered.orderBy(desc(users.id)).limit(limit).all();
}

export function recentAudit(db: Db, limit = 200) {
  const actor = alias(users, 'actor');
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      actorName: actor.displayName,
      actorId: auditLog.actorId,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleGrants, users } from '@/db/schema';
import type { Actor } from '@/lib/permissions';

export type SessionClaims = { userId: number; sessionVersion: number };

export function isSuspended(suspendedUntil: string | null, now = new Date()): boolean {
  return !!suspendedUntil && suspendedUntil > now.toISOString();
}

/**
 * The acting person for a session, or null when the session is no longer valid: the account is
 * gone or its session version moved on (sign out everywhere, password or role change, ban).
 */
export function loadActor(db: Db, claims: SessionClaims | null): (Actor & { displayName: string; language: string }) | null {
  if (!claims) return null;
  const user = db
    .select({
      id: users.id,
      communeId: users.communeId,
      sessionVersion: users.sessionVersion,
      suspendedUntil: users.suspendedUntil,
      displayName: users.displayName,
      language: users.language,
    })
    .from(users)
    .where(eq(users.id, claims.userId))
    .get();
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  const grants = db
    .select({ role: roleGrants.role, communeId: roleGrants.communeId, spaceId: roleGrants.spaceId })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, user.id), isNull(roleGrants.revokedAt)))
    .all();
  return {
    id: user.id,
    communeId: user.communeId,
    suspended: isSuspended(user.suspendedUntil),
    grants,
    displayName: user.displayName,
    language: user.language,
  };
}

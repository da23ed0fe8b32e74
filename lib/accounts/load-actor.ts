import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleGrants, sessions, sharedDevices, users } from '@/db/schema';
import type { Actor } from '@/lib/permissions';
import { findActiveDevice } from '@/lib/shared-devices/token';
import {
  DEFAULT_SESSION_RULES,
  endSession,
  hashSessionId,
  isSessionId,
  PERSONAL_REFRESH_MS,
  refreshEveryMs,
  sessionOver,
  type SessionRules,
} from './sessions';

/** What the session cookie says: who, and which server-side session (lib/accounts/sessions.ts). */
export type SessionClaims = { userId: number; sessionId: string };

/** An account at a session version (scripts, tests, and use cases acting for a participant). */
export type VersionClaims = { userId: number; sessionVersion: number };

/** What the request says about the browser: its shared-computer mark, if any; the session rules and clock. */
export type RequestContext = { deviceToken?: string | null; rules?: SessionRules; now?: Date };

/** A live session on a shared computer: when it ends without another request, and how long that is from now. */
export type SharedSessionState = { expiresAt: Date; remainingMs: number };

export function isSuspended(suspendedUntil: string | null, now = new Date()): boolean {
  return !!suspendedUntil && suspendedUntil > now.toISOString();
}

export type LoadedActor = Actor & {
  displayName: string;
  language: string;
  /** only on a shared computer: when the session ends if no request comes before */
  sharedSession?: SharedSessionState;
  /** the key of the session row this request came with (the list of sessions marks "this device") */
  sessionHash?: string;
};

const USER_COLUMNS = {
  id: users.id,
  communeId: users.communeId,
  sessionVersion: users.sessionVersion,
  suspendedUntil: users.suspendedUntil,
  verifiedAt: users.verifiedAt,
  displayName: users.displayName,
  language: users.language,
};

function withGrants(
  db: Db,
  user: { id: number; communeId: number; suspendedUntil: string | null; verifiedAt: string | null; displayName: string; language: string },
): LoadedActor {
  const grants = db
    .select({ role: roleGrants.role, communeId: roleGrants.communeId, spaceId: roleGrants.spaceId })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, user.id), isNull(roleGrants.revokedAt)))
    .all();
  return {
    id: user.id,
    communeId: user.communeId,
    suspended: isSuspended(user.suspendedUntil),
    verified: user.verifiedAt !== null,
    grants,
    displayName: user.displayName,
    language: user.language,
  };
}

/**
 * The person making a request with this session cookie, checked against the database on every
 * request, or null when the session is over: its row is unknown or ended (sign-out, "End" from
 * another device), it sat idle too long or is older than the absolute lifetime, the account's
 * session version moved on (sign out everywhere, new password, ban), the account is gone; on a
 * shared computer, the computer was unmarked; on a browser marked shared, a session opened before
 * the mark. One indexed lookup (session + account together), the roles, and at most one write a
 * minute (last_seen_at).
 */
export function loadSessionActor(db: Db, claims: SessionClaims | null, ctx: RequestContext = {}): LoadedActor | null {
  if (!claims || !isSessionId(claims.sessionId)) return null;
  const rules = ctx.rules ?? DEFAULT_SESSION_RULES;
  const now = ctx.now ?? new Date();
  const idHash = hashSessionId(claims.sessionId);
  const row = db
    .select({
      ...USER_COLUMNS,
      rowUserId: sessions.userId,
      rowVersion: sessions.sessionVersion,
      sharedDeviceId: sessions.sharedDeviceId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      endedAt: sessions.endedAt,
      deviceRevokedAt: sharedDevices.revokedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(sharedDevices, eq(sharedDevices.id, sessions.sharedDeviceId))
    .where(eq(sessions.idHash, idHash))
    .get();
  if (!row || row.endedAt || row.rowUserId !== claims.userId || row.rowVersion !== row.sessionVersion) return null;
  if (row.deviceRevokedAt) {
    endSession(db, idHash, 'unmarked', now);
    return null;
  }
  const over = sessionOver(row, rules, now);
  if (over) {
    endSession(db, idHash, over, now);
    return null;
  }
  // A session opened before this browser was marked as a shared computer is not one of its sessions.
  if (row.sharedDeviceId === null && ctx.deviceToken && findActiveDevice(db, ctx.deviceToken)) return null;

  const shared = row.sharedDeviceId !== null;
  let lastSeen = Date.parse(row.lastSeenAt);
  if (now.getTime() - lastSeen >= (shared ? refreshEveryMs(rules.sharedIdleMs) : PERSONAL_REFRESH_MS)) {
    db.update(sessions)
      .set({ lastSeenAt: now.toISOString() })
      .where(and(eq(sessions.idHash, idHash), isNull(sessions.endedAt)))
      .run();
    lastSeen = now.getTime();
  }
  const actor = withGrants(db, row);
  actor.sessionHash = idHash;
  if (shared) {
    const expiresAt = lastSeen + rules.sharedIdleMs;
    actor.sharedSession = { expiresAt: new Date(expiresAt), remainingMs: expiresAt - now.getTime() };
  }
  return actor;
}

/**
 * The account as a session of this version would load it, or null when the account is gone or its
 * version moved on. For scripts, tests and use cases that act for someone (a facilitator assisting a
 * participant); requests go through loadSessionActor.
 */
export function loadActor(db: Db, claims: VersionClaims | null): LoadedActor | null {
  if (!claims) return null;
  const user = db.select(USER_COLUMNS).from(users).where(eq(users.id, claims.userId)).get();
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  return withGrants(db, user);
}

import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleGrants, users } from '@/db/schema';
import type { Actor } from '@/lib/permissions';
import { DEFAULT_IDLE_MS, touchDeviceSession, type SharedSessionState } from '@/lib/shared-devices/device-sessions';
import { findActiveDevice } from '@/lib/shared-devices/token';

/** deviceSessionId: set when the session was opened on a shared computer (see lib/shared-devices). */
export type SessionClaims = { userId: number; sessionVersion: number; deviceSessionId?: string | null };

/** What the request says about the browser: its shared-computer mark, if any, and the idle rule. */
export type DeviceContext = { deviceToken?: string | null; idleMs?: number; now?: Date };

export function isSuspended(suspendedUntil: string | null, now = new Date()): boolean {
  return !!suspendedUntil && suspendedUntil > now.toISOString();
}

export type LoadedActor = Actor & {
  displayName: string;
  language: string;
  /** only on a shared computer: when the session ends if no request comes before */
  sharedSession?: SharedSessionState;
};

/**
 * The acting person for a session, or null when the session is no longer valid: the account is
 * gone or its session version moved on (sign out everywhere, password or role change, ban); or, on a
 * shared computer, the session ended, sat idle too long, or was opened before the browser was marked
 * shared (then it is not a session of this shared computer, and nobody is signed in on it).
 */
export function loadActor(db: Db, claims: SessionClaims | null, device?: DeviceContext): LoadedActor | null {
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
  let sharedSession: SharedSessionState | undefined;
  if (claims.deviceSessionId) {
    const touched = touchDeviceSession(db, { sessionId: claims.deviceSessionId, userId: user.id }, { idleMs: device?.idleMs ?? DEFAULT_IDLE_MS, now: device?.now });
    if (!touched) return null;
    sharedSession = touched;
  } else if (device?.deviceToken && findActiveDevice(db, device.deviceToken)) {
    return null;
  }
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
    ...(sharedSession ? { sharedSession } : {}),
  };
}

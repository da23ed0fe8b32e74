import crypto from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { deviceSessions, sharedDevices } from '@/db/schema';
import { findActiveDevice } from './token';

/** SHARED_IDLE_MINUTES' default (lib/env.ts), for callers that pass no idle limit. */
export const DEFAULT_IDLE_MS = 10 * 60_000;

/** A live session on a shared computer: when it ends without another request, and how long that is from now. */
export type SharedSessionState = { expiresAt: Date; remainingMs: number };

export type EndReason = 'sign_out' | 'idle' | 'unmarked' | 'replaced';

/** The idle limit and its clock, injectable so tests need not wait ten minutes. */
export type IdleClock = { now?: Date; idleMs: number };

/**
 * last_seen_at is written at most this often: one write per half-minute of activity, not one per
 * request. A quarter of the idle limit when that is shorter, so a short limit still works.
 */
export function refreshEveryMs(idleMs: number): number {
  return Math.min(30_000, Math.floor(idleMs / 4));
}

/**
 * Signing in on a shared computer: a new device session (random id, carried in the session cookie).
 * Whoever was signed in before on this browser without signing out is ended ("replaced"): one
 * browser, one person at a time. Null when the token marks no shared computer.
 */
export function openDeviceSession(db: Db, input: { userId: number; token: string | null | undefined }, now = new Date()): string | null {
  const device = findActiveDevice(db, input.token);
  if (!device) return null;
  const id = crypto.randomBytes(24).toString('base64url');
  const at = now.toISOString();
  db.transaction((tx) => {
    tx.update(deviceSessions)
      .set({ endedAt: at, endReason: 'replaced' })
      .where(and(eq(deviceSessions.deviceId, device.id), isNull(deviceSessions.endedAt), ne(deviceSessions.id, id)))
      .run();
    tx.insert(deviceSessions).values({ id, userId: input.userId, deviceId: device.id, lastSeenAt: at, createdAt: at }).run();
  }, { behavior: 'immediate' });
  return id;
}

export function endDeviceSession(db: Db, sessionId: string, reason: EndReason, now = new Date()): void {
  db.update(deviceSessions)
    .set({ endedAt: now.toISOString(), endReason: reason })
    .where(and(eq(deviceSessions.id, sessionId), isNull(deviceSessions.endedAt)))
    .run();
}

/**
 * Checks a device session on a request, on the server. Valid: it belongs to this person, is not
 * ended, its computer is still shared, and it saw a request less than `idleMs` ago; then its
 * last_seen_at moves on (throttled) and the time it ends is returned. Otherwise null, and the
 * session is ended for good ("idle", or "unmarked" when the computer is no longer shared).
 */
export function touchDeviceSession(db: Db, input: { sessionId: string; userId: number }, clock: IdleClock): SharedSessionState | null {
  const now = clock.now ?? new Date();
  const row = db
    .select({ userId: deviceSessions.userId, lastSeenAt: deviceSessions.lastSeenAt, endedAt: deviceSessions.endedAt, revokedAt: sharedDevices.revokedAt })
    .from(deviceSessions)
    .innerJoin(sharedDevices, eq(sharedDevices.id, deviceSessions.deviceId))
    .where(eq(deviceSessions.id, input.sessionId))
    .get();
  if (!row || row.userId !== input.userId || row.endedAt) return null;
  if (row.revokedAt) {
    endDeviceSession(db, input.sessionId, 'unmarked', now);
    return null;
  }
  const idle = now.getTime() - Date.parse(row.lastSeenAt);
  if (idle > clock.idleMs) {
    endDeviceSession(db, input.sessionId, 'idle', now);
    return null;
  }
  let lastSeen = Date.parse(row.lastSeenAt);
  if (idle >= refreshEveryMs(clock.idleMs)) {
    db.update(deviceSessions)
      .set({ lastSeenAt: now.toISOString() })
      .where(and(eq(deviceSessions.id, input.sessionId), isNull(deviceSessions.endedAt)))
      .run();
    lastSeen = now.getTime();
  }
  const expiresAt = lastSeen + clock.idleMs;
  return { expiresAt: new Date(expiresAt), remainingMs: expiresAt - now.getTime() };
}

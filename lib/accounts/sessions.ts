import crypto from 'node:crypto';
import Bowser from 'bowser';
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { findActiveDevice } from '@/lib/shared-devices/token';
import { parse } from '@/lib/validation';

/**
 * Server-side sessions. Each sign-in opens a row; the session cookie (a JWT) carries a random id whose
 * sha-256 is the row's key. Every request checks the row (lib/accounts/load-actor.ts), so ending a
 * row signs the cookie out everywhere it was copied to.
 */
export type SessionRules = {
  /** a personal device's session ends after this long without a request (SESSION_IDLE_DAYS) */
  idleMs: number;
  /** and this long after sign-in whatever happens (SESSION_MAX_AGE_DAYS) */
  maxAgeMs: number;
  /** a shared computer's session ends after this long without a request (SHARED_IDLE_MINUTES) */
  sharedIdleMs: number;
};

const DAY_MS = 24 * 60 * 60_000;
/** The defaults of lib/env.ts, for callers (tests, scripts) that pass no rules. */
export const DEFAULT_SESSION_RULES: SessionRules = { idleMs: 7 * DAY_MS, maxAgeMs: 30 * DAY_MS, sharedIdleMs: 10 * 60_000 };

/** last_seen_at of a personal device's session is written at most this often: one write a minute, not one a request. */
export const PERSONAL_REFRESH_MS = 60_000;

/**
 * On a shared computer, at most every half-minute, or a quarter of the idle limit when that is
 * shorter, so a short limit still works.
 */
export function refreshEveryMs(idleMs: number): number {
  return Math.min(30_000, Math.floor(idleMs / 4));
}

export type EndReason = 'sign_out' | 'ended' | 'others_ended' | 'everywhere' | 'idle' | 'expired' | 'unmarked' | 'replaced';

export const hashSessionId = (id: string) => crypto.createHash('sha256').update(id).digest('hex');

/** A session id only ever holds base64url characters: anything else is not ours, and is never looked up. */
const SESSION_ID = /^[A-Za-z0-9_-]{40,60}$/;
export const isSessionId = (v: unknown): v is string => typeof v === 'string' && SESSION_ID.test(v);

/** "Chrome on Android", "Firefox on Windows", "Safari on iOS"; "" when the User-Agent says nothing useful. */
export function deviceLabel(userAgent: string | null | undefined): string {
  if (!userAgent) return '';
  const p = Bowser.parse(userAgent.slice(0, 512));
  const browser = p.browser.name ?? '';
  const os = p.os.name ?? '';
  const label = browser && os ? `${browser} · ${os}` : browser || os;
  return label.slice(0, 60);
}

/** "41.73.100.7" → "41.73.100.x"; "2001:db8:85a3:8d3::1" → "2001:db8:85a3:…"; anything else → "". */
export function ipPrefix(ip: string | null | undefined): string {
  if (!ip) return '';
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (/^[0-9a-f:]+$/i.test(ip) && ip.includes(':')) {
    if (ip === '::1') return '::1';
    const groups = ip.split('::')[0]!.split(':').filter(Boolean).slice(0, 3);
    return groups.length ? `${groups.join(':')}:…` : '';
  }
  return '';
}

export type OpenedSession = { id: string; sharedDeviceId: number | null };

/**
 * Signing in: a new session row. On a browser marked as a shared computer (its mark's token is
 * given), the session is one of that computer's, with its short idle limit, and whoever was signed
 * in before on it without signing out is ended ("replaced"): one browser, one person at a time.
 */
export function openSession(
  db: Db,
  input: { userId: number; sessionVersion: number; userAgent?: string | null; deviceToken?: string | null; ip?: string | null },
  now = new Date(),
): OpenedSession {
  const device = findActiveDevice(db, input.deviceToken);
  const id = crypto.randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.transaction(
    (tx) => {
      if (device) {
        tx.update(sessions)
          .set({ endedAt: at, endReason: 'replaced' })
          .where(and(eq(sessions.sharedDeviceId, device.id), isNull(sessions.endedAt)))
          .run();
      }
      tx.insert(sessions)
        .values({
          idHash: hashSessionId(id),
          userId: input.userId,
          sessionVersion: input.sessionVersion,
          deviceLabel: deviceLabel(input.userAgent),
          ipPrefix: ipPrefix(input.ip),
          sharedDeviceId: device?.id ?? null,
          createdAt: at,
          lastSeenAt: at,
        })
        .run();
    },
    { behavior: 'immediate' },
  );
  return { id, sharedDeviceId: device?.id ?? null };
}

/** Ends one session (sign-out, idle, too old…). Ending one already over changes nothing. */
export function endSession(db: Db, idHash: string, reason: EndReason, now = new Date()): boolean {
  return (
    db
      .update(sessions)
      .set({ endedAt: now.toISOString(), endReason: reason })
      .where(and(eq(sessions.idHash, idHash), isNull(sessions.endedAt)))
      .run().changes > 0
  );
}

/** Why a session row no longer signs anybody in, or null while it does (reason: how to end it). */
export function sessionOver(
  row: { createdAt: string; lastSeenAt: string; sharedDeviceId: number | null },
  rules: SessionRules,
  now: Date,
): 'idle' | 'expired' | null {
  const t = now.getTime();
  if (row.sharedDeviceId !== null) return t - Date.parse(row.lastSeenAt) > rules.sharedIdleMs ? 'idle' : null;
  if (t - Date.parse(row.createdAt) > rules.maxAgeMs) return 'expired';
  if (t - Date.parse(row.lastSeenAt) > rules.idleMs) return 'idle';
  return null;
}

export type SessionListItem = {
  /** the row's key, used by the "End" form (the cookie's id itself is never shown) */
  idHash: string;
  deviceLabel: string;
  /** the network of the sign-in, coarsely */
  ipPrefix: string;
  createdAt: string;
  lastSeenAt: string;
  shared: boolean;
  current: boolean;
};

/** A person's open sessions, most recently used first, this device's marked. */
export function listSessions(db: Db, userId: number, currentHash: string | null, rules = DEFAULT_SESSION_RULES, now = new Date()): SessionListItem[] {
  const rows = db
    .select({
      idHash: sessions.idHash,
      deviceLabel: sessions.deviceLabel,
      ipPrefix: sessions.ipPrefix,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      sharedDeviceId: sessions.sharedDeviceId,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.sessionVersion, sessions.sessionVersion)))
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
  return rows
    .filter((r) => sessionOver(r, rules, now) === null)
    .map((r) => ({
      idHash: r.idHash,
      deviceLabel: r.deviceLabel,
      ipPrefix: r.ipPrefix,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      shared: r.sharedDeviceId !== null,
      current: r.idHash === currentHash,
    }));
}

export const endSessionSchema = z.strictObject({ session: z.string().regex(/^[0-9a-f]{64}$/, 'invalid') });

/** A person ends one of their own sessions (another device they forgot to sign out of). */
export function endOwnSession(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<null> {
  const parsed = parse(endSessionSchema, input);
  if (!parsed.ok) return parsed;
  if (!actor || !can(actor, 'session.end', { userId: actor.id })) return forbidden();
  const row = db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.idHash, parsed.data.session)).get();
  // Someone else's session is "not found", exactly like a made-up one.
  if (!row || row.userId !== actor.id) return notFound();
  db.transaction((tx) => {
    tx.update(sessions)
      .set({ endedAt: now.toISOString(), endReason: 'ended' })
      .where(and(eq(sessions.idHash, parsed.data.session), isNull(sessions.endedAt)))
      .run();
    recordAudit(tx, { actorId: actor.id, action: 'session.end', subjectType: 'user', subjectId: actor.id });
  });
  return ok(null);
}

/** "End all others": every session of this person but the one making the request. */
export function endOtherSessions(db: Db, actor: Actor | null, currentHash: string | null, now = new Date()): Result<{ ended: number }> {
  if (!actor || !currentHash || !can(actor, 'session.end', { userId: actor.id })) return forbidden();
  const ended = db.transaction((tx) => {
    const n = tx
      .update(sessions)
      .set({ endedAt: now.toISOString(), endReason: 'others_ended' })
      .where(and(eq(sessions.userId, actor.id), isNull(sessions.endedAt), ne(sessions.idHash, currentHash)))
      .run().changes;
    recordAudit(tx, { actorId: actor.id, action: 'session.end_others', subjectType: 'user', subjectId: actor.id, details: { ended: n } });
    return n;
  });
  return ok({ ended });
}

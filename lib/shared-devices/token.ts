import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sharedDevices, type SharedDevice } from '@/db/schema';

/**
 * The cookie that marks a browser as a shared computer: a random token, of which the database keeps
 * only the sha-256. HttpOnly and SameSite=Lax like the session cookie; Secure and `__Host-` when
 * cookies are secure (its name: lib/auth/cookie-names.ts).
 */

/** How long the mark lasts in the browser: 400 days, the longest Chromium keeps a cookie. */
export const SHARED_DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

export function newDeviceToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashDeviceToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A token only ever holds base64url characters: anything else is not ours, and is never looked up. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The shared computer this token marks, while it is marked (not revoked). */
export function findActiveDevice(db: Db, token: string | null | undefined): SharedDevice | undefined {
  if (!token || !TOKEN.test(token)) return undefined;
  return db
    .select()
    .from(sharedDevices)
    .where(and(eq(sharedDevices.tokenHash, hashDeviceToken(token)), isNull(sharedDevices.revokedAt)))
    .get();
}

/** The value of one cookie in a Cookie header (the sign-in request carries the browser's cookies). */
export function cookieFromHeader(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

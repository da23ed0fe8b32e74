import type { Db } from '@/db/client';
import { rateLimited, type Failure } from '@/lib/errors';

/**
 * Abuse limits, counted in SQLite (table rate_limits) so they hold across restarts and across
 * processes. Each count is ONE upsert statement, so concurrent requests can never both see "4 of
 * 5" and both pass: the count is taken before the work it protects (a password check, a comment),
 * and given back when the work turns out to be fine (a right password).
 *
 * A connected space puts many people behind one IP: per-IP limits are generous, per-account limits
 * strict. The per-account caps on contributions are listed in docs/operations.md.
 */
export const LIMITS = {
  /** sign-in attempts for one account (or one unknown identifier) in 15 minutes; a success gives them back */
  signInPerIdentifier: { points: 5, duration: 15 * 60 },
  /** sign-in attempts from one address (a whole connected space) in 15 minutes; a success gives its point back */
  signInPerIp: { points: 200, duration: 15 * 60 },
  /**
   * Failed sign-ins for one account without a success in between (within 24 hours): the 20th locks
   * the account for 24 hours, or until it is unlocked in person (lib/accounts/sign-in-lock.ts).
   */
  signInLockout: { points: 20, duration: 24 * 60 * 60 },
  /**
   * "Forgot your password?" (lib/accounts/recover-password.ts): requests for a code, counted per typed
   * phone or address whether or not an account has it (so the answers tell nothing), and per address;
   * typed codes per address (each code also allows only 5 tries).
   */
  recoveryRequestPerIdentifier: { points: 5, duration: 24 * 60 * 60 },
  recoveryResendDelay: { points: 1, duration: 60 },
  recoveryRequestPerIp: { points: 60, duration: 60 * 60 },
  recoveryAttemptPerIp: { points: 100, duration: 60 * 60 },
  /** in-person access resets per hour (keyed on the facilitator's or admin's account) */
  accessResetPerAccount: { points: 30, duration: 60 * 60 },
  /** new accounts from one address per hour (a facilitator may register a room full) */
  registerPerIp: { points: 60, duration: 60 * 60 },
  /** participants a facilitator registers per hour (keyed on the facilitator's account) */
  participantRegisterPerAccount: { points: 60, duration: 60 * 60 },
  /** PINs a facilitator resets per hour (keyed on the facilitator's account) */
  pinResetPerAccount: { points: 30, duration: 60 * 60 },
  /** contributions a facilitator enters for participants per hour (keyed on the facilitator's account) */
  assistPerAccount: { points: 300, duration: 60 * 60 },
  // Per-account caps on what one person posts in an hour (docs/operations.md has the table). They
  // stop one account from flooding a debate or the moderation queue; the burst hold (5 texts in 2
  // minutes, lib/moderation/screen.ts) still holds quick series for review below them.
  /** top-level comments on topics and projects */
  commentPerAccount: { points: 20, duration: 60 * 60 },
  /** replies to comments */
  replyPerAccount: { points: 40, duration: 60 * 60 },
  /** supports given to comments (taking one back does not count) */
  commentSupportPerAccount: { points: 100, duration: 60 * 60 },
  /** supports given to citizen projects */
  projectSupportPerAccount: { points: 30, duration: 60 * 60 },
  /** reports of content */
  reportPerAccount: { points: 20, duration: 60 * 60 },
  /** new citizen projects (drafts) */
  projectPerAccount: { points: 5, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

/** Stored key: the limit's name and the key ("signInPerIp:41.73.100.7"). */
const storedKey = (name: LimitName, key: string) => `${name}:${key}`;

const waitSeconds = (expireMs: number, now: Date) => Math.max(1, Math.ceil((expireMs - now.getTime()) / 1000));

/**
 * Counts one event, atomically, and says whether it went over the limit: the seconds to wait
 * (the event is then refused by the caller), else 0. The window is fixed: it starts with the first
 * event and lasts `duration` seconds.
 */
export function take(db: Db, name: LimitName, key: string, now = new Date()): number {
  return count(db, name, key, now).wait;
}

/** `take`, also telling how many events the window holds with this one. */
export function count(db: Db, name: LimitName, key: string, now = new Date()): { count: number; wait: number } {
  const { points, duration } = LIMITS[name];
  const t = now.getTime();
  const row = db.$client
    .prepare(
      `INSERT INTO rate_limits (key, points, expire) VALUES (?, 1, ?)
       ON CONFLICT(key) DO UPDATE SET
         points = CASE WHEN expire > ? THEN points + 1 ELSE 1 END,
         expire = CASE WHEN expire > ? THEN expire ELSE excluded.expire END
       RETURNING points, expire`,
    )
    .get(storedKey(name, key), t + duration * 1000, t, t) as { points: number; expire: number };
  maybeSweep(db, t);
  return { count: row.points, wait: row.points > points ? waitSeconds(row.expire, now) : 0 };
}

/** The same as `take`, for callers written against the former asynchronous limiter. */
export async function hit(db: Db, name: LimitName, key: string, now = new Date()): Promise<number> {
  return take(db, name, key, now);
}

/** Gives one event back (a sign-in attempt that turned out to be the right password). */
export function refund(db: Db, name: LimitName, key: string, now = new Date()): void {
  db.$client
    .prepare('UPDATE rate_limits SET points = max(0, points - 1) WHERE key = ? AND expire > ?')
    .run(storedKey(name, key), now.getTime());
}

/** Seconds to wait if the key has used up its points, else 0. Counts nothing. */
export function blockedFor(db: Db, name: LimitName, key: string, now = new Date()): number {
  const row = db.$client
    .prepare('SELECT points, expire FROM rate_limits WHERE key = ? AND expire > ?')
    .get(storedKey(name, key), now.getTime()) as { points: number; expire: number } | undefined;
  return row && row.points >= LIMITS[name].points ? waitSeconds(row.expire, now) : 0;
}

/** How many events the key has counted in its current window. */
export function countOf(db: Db, name: LimitName, key: string, now = new Date()): number {
  const row = db.$client
    .prepare('SELECT points FROM rate_limits WHERE key = ? AND expire > ?')
    .get(storedKey(name, key), now.getTime()) as { points: number } | undefined;
  return row?.points ?? 0;
}

/** Moves the end of the key's window (a lock that lasts from now on). */
export function extendWindow(db: Db, name: LimitName, key: string, until: Date): void {
  db.$client.prepare('UPDATE rate_limits SET expire = ? WHERE key = ?').run(until.getTime(), storedKey(name, key));
}

/** Forgets the key's count (a success, or an unlock by a person who checked who they are). */
export function resetLimit(db: Db, name: LimitName, key: string): void {
  db.$client.prepare('DELETE FROM rate_limits WHERE key = ?').run(storedKey(name, key));
}

let lastSweep = 0;
/** Now and then, windows over for an hour are deleted, so per-address keys do not pile up. */
function maybeSweep(db: Db, t: number): void {
  if (t - lastSweep < 5 * 60_000) return;
  lastSweep = t;
  db.$client.prepare('DELETE FROM rate_limits WHERE expire < ?').run(t - 3_600_000);
}

/**
 * Counts one contribution against the person's hourly cap (LIMITS' …PerAccount entries); the failure
 * to return when it is over ("You have posted a lot this hour…"), else null.
 */
export function overCap(db: Db, name: LimitName, userId: number, now = new Date()): Failure | null {
  const wait = take(db, name, `u:${userId}`, now);
  return wait > 0 ? rateLimited(wait, 'capReached') : null;
}

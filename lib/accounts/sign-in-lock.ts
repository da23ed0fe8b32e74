import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { blockedFor, count, countOf, extendWindow, LIMITS, refund, resetLimit, take } from '@/lib/rate-limit';
import { notifyAccountOwner } from './notify-owner';

/**
 * The throttle on every check of a secret: signing in, and re-authenticating before a change of
 * phone, e-mail, password or PIN. One set of counters per account (whatever identifier was typed),
 * or per typed identifier when no account has it:
 * - 5 attempts per 15 minutes (a right secret gives its attempt back and clears the count);
 * - 200 attempts per 15 minutes from one address (a connected space is many people);
 * - 20 failures in a row lock the account for 24 hours, or until a facilitator (participants) or an
 *   admin (everyone else) unlocks it in person; the owner is told.
 * Attempts are counted BEFORE the secret is checked, in one immediate transaction, so a burst of
 * parallel tries cannot slip through between a check and a count.
 */
export type AttemptKey = { key: string; ip: string };

/** The counters' key for an account: the same whether the phone, e-mail or code was typed. */
export const accountKey = (userId: number) => `u:${userId}`;

const LOCK = LIMITS.signInLockout;

/** Seconds the account (or identifier) stays locked after 20 failures in a row, else 0. */
export function lockedFor(db: Db, key: string, now = new Date()): number {
  return countOf(db, 'signInLockout', key, now) >= LOCK.points ? blockedFor(db, 'signInLockout', key, now) : 0;
}

export type Gate = { wait: 0; failuresInARow: number } | { wait: number; locked: boolean };

/**
 * Counts an attempt before the secret is checked. `wait` > 0: refused, do not check the secret
 * (`locked`: the 24-hour lock, not the 15-minute one).
 */
export function beginAttempt(db: Db, a: AttemptKey, now = new Date()): Gate {
  return db.transaction(
    (): Gate => {
      const lock = lockedFor(db, a.key, now);
      const ipWait = take(db, 'signInPerIp', a.ip, now);
      if (lock > 0) return { wait: lock, locked: true };
      const idWait = take(db, 'signInPerIdentifier', a.key, now);
      if (ipWait > 0 || idWait > 0) return { wait: Math.max(ipWait, idWait), locked: false };
      return { wait: 0, failuresInARow: count(db, 'signInLockout', a.key, now).count };
    },
    { behavior: 'immediate' },
  );
}

/** The secret was right: the attempt is given back and the failures in a row are forgotten. */
export function attemptSucceeded(db: Db, a: AttemptKey, now = new Date()): void {
  db.transaction(
    () => {
      resetLimit(db, 'signInPerIdentifier', a.key);
      resetLimit(db, 'signInLockout', a.key);
      refund(db, 'signInPerIp', a.ip, now);
    },
    { behavior: 'immediate' },
  );
}

/**
 * The secret was wrong. Returns the seconds to wait before the next try: 24 hours when this failure
 * was the 20th in a row (then the owner is told, once), the rest of the 15 minutes when it was the
 * 5th, else 0.
 */
export async function attemptFailed(
  db: Db,
  a: AttemptKey,
  gate: { failuresInARow: number },
  owner: { userId: number } | null,
  now = new Date(),
): Promise<{ wait: number; locked: boolean }> {
  if (gate.failuresInARow >= LOCK.points) {
    extendWindow(db, 'signInLockout', a.key, new Date(now.getTime() + LOCK.duration * 1000));
    if (gate.failuresInARow === LOCK.points && owner) {
      db.transaction((tx) => recordAudit(tx, { actorId: null, action: 'user.signin_locked', subjectType: 'user', subjectId: owner.userId }));
      await notifyAccountOwner(db, owner.userId, 'account.locked', { now });
    }
    return { wait: LOCK.duration, locked: true };
  }
  return { wait: blockedFor(db, 'signInPerIdentifier', a.key, now), locked: false };
}

/** Lifts every sign-in lock of the account (an unlock in person, a new PIN handed over). */
export function clearSignInLocks(db: Db, userId: number): void {
  resetLimit(db, 'signInPerIdentifier', accountKey(userId));
  resetLimit(db, 'signInLockout', accountKey(userId));
}

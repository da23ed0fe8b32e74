import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { invalid, ok, rateLimited, type Failure, type Result } from '@/lib/errors';
import { parse } from '@/lib/validation';
import { normalizeParticipantCode } from '@/lib/participants/code';
import { dummyHash, verifyPassword } from './password';
import { looksLikeEmail, normalizePhone } from './phone';
import { signInSchema } from './schemas';
import { accountKey, attemptFailed, attemptSucceeded, beginAttempt, type AttemptKey } from './sign-in-lock';

export type Authenticated = { userId: number; sessionVersion: number };

export type AttemptMeta = { ip: string; now?: Date };

/** A refused attempt: 15-minute wait, or the 24-hour lock (which says to ask for an unlock in person). */
export function throttled(wait: number, locked: boolean): Failure {
  return rateLimited(wait, locked ? 'accountLocked' : undefined);
}

/**
 * Checks a phone, e-mail or participant code, and its password (a participant's password is their
 * 6-digit PIN). Wrong credentials never say which part was wrong. The attempt is counted before the
 * password is checked (lib/accounts/sign-in-lock.ts): 5 per account per 15 minutes, then 24 hours
 * after 20 failures in a row. With only a million PINs, the lock on the account is what keeps a PIN
 * from being guessed; an identifier nobody has is throttled the same way, so the answers tell nothing.
 */
export async function authenticate(db: Db, input: unknown, meta: AttemptMeta): Promise<Result<Authenticated>> {
  const parsed = parse(signInSchema, input);
  if (!parsed.ok) return parsed;
  const { identifier, password } = parsed.data;
  const now = meta.now ?? new Date();

  const user = findByIdentifier(db, identifier);
  const attempt: AttemptKey = { key: user ? accountKey(user.id) : signInKey(identifier), ip: meta.ip };
  const gate = beginAttempt(db, attempt, now);
  if (gate.wait > 0) return throttled(gate.wait, 'locked' in gate && gate.locked);

  const good = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  if (user && good) {
    attemptSucceeded(db, attempt, now);
    return ok({ userId: user.id, sessionVersion: user.sessionVersion });
  }

  if (user) {
    db.transaction((tx) =>
      recordAudit(tx, { actorId: null, action: 'user.signin_failed', subjectType: 'user', subjectId: user.id }),
    );
  }
  // The fifth failure itself already tells the person to wait, before they try their real password.
  const after = await attemptFailed(db, attempt, { failuresInARow: 'failuresInARow' in gate ? gate.failuresInARow : 0 }, user ? { userId: user.id } : null, now);
  if (after.wait > 0) return throttled(after.wait, after.locked);
  return invalid({ _form: 'badCredentials' });
}

/** The sign-in lock's key for an identifier nobody has: one per identifier, however it was typed ("nio-7k3pa" = "NIO7K3PA"). */
export function signInKey(identifier: string): string {
  if (looksLikeEmail(identifier)) return `e:${identifier.trim().toLowerCase()}`;
  const code = normalizeParticipantCode(identifier);
  if (code) return `c:${code}`;
  return `p:${normalizePhone(identifier) ?? identifier.replace(/\s+/g, '')}`;
}

/** The account a phone number, e-mail address or participant code (typed in any usual way) belongs to. */
export function findByIdentifier(db: Db, identifier: string) {
  if (looksLikeEmail(identifier)) {
    return db.select().from(users).where(eq(users.email, identifier.trim().toLowerCase())).get();
  }
  const code = normalizeParticipantCode(identifier);
  if (code) return db.select().from(users).where(eq(users.participantCode, code)).get();
  const phone = normalizePhone(identifier);
  return phone ? db.select().from(users).where(eq(users.phone, phone)).get() : undefined;
}

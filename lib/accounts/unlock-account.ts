import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';
import { accountKey, clearSignInLocks, lockedFor } from './sign-in-lock';

export const unlockAccountSchema = z.strictObject({ userId: idParam });

/** Is this account locked after 20 failed sign-ins in a row, and for how many more seconds? */
export function signInLockOf(db: Db, userId: number, now = new Date()): number {
  return lockedFor(db, accountKey(userId), now);
}

/**
 * An admin lifts an account's sign-in locks, having checked in person (or by a call they trust) that
 * the owner asks for it. Participants are unlocked by their space's facilitator with a new PIN.
 */
export function unlockAccount(db: Db, actor: Actor | null, input: unknown): Result<{ userId: number }> {
  const parsed = parse(unlockAccountSchema, input);
  if (!parsed.ok) return parsed;
  const user = db.select({ id: users.id }).from(users).where(eq(users.id, parsed.data.userId)).get();
  if (!user) return notFound();
  if (!can(actor, 'account.unlock', { userId: user.id })) return forbidden();
  db.transaction((tx) => {
    clearSignInLocks(db, user.id);
    recordAudit(tx, { actorId: actor!.id, action: 'user.signin_unlock', subjectType: 'user', subjectId: user.id });
  }, { behavior: 'immediate' });
  return ok({ userId: user.id });
}

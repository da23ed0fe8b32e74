import type { Db } from '@/db/client';
import { invalid, type Failure } from '@/lib/errors';
import { throttled, type AttemptMeta } from './authenticate';
import { verifyPassword } from './password';
import { accountKey, attemptFailed, attemptSucceeded, beginAttempt } from './sign-in-lock';

/**
 * Asks for the current password (or PIN) before a change of phone, e-mail, password or PIN: a session
 * left open on a shared computer, or a copied cookie, must not be enough to take the account over.
 * Counted by the same throttle as signing in (lib/accounts/sign-in-lock.ts), on the same counters.
 * Null when the secret is right; else the failure to return, on `field` (`message`: its message key).
 */
export async function confirmSecret(
  db: Db,
  user: { id: number; passwordHash: string },
  secret: string,
  field: string,
  meta: AttemptMeta,
  message = 'currentSecretWrong',
): Promise<Failure | null> {
  const now = meta.now ?? new Date();
  const attempt = { key: accountKey(user.id), ip: meta.ip };
  const gate = beginAttempt(db, attempt, now);
  if (gate.wait > 0) return throttled(gate.wait, 'locked' in gate && gate.locked);
  if (await verifyPassword(user.passwordHash, secret)) {
    attemptSucceeded(db, attempt, now);
    return null;
  }
  const after = await attemptFailed(db, attempt, { failuresInARow: 'failuresInARow' in gate ? gate.failuresInARow : 0 }, { userId: user.id }, now);
  if (after.wait > 0) return throttled(after.wait, after.locked);
  return invalid({ [field]: message });
}

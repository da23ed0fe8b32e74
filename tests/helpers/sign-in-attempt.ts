import type { Db } from '@/db/client';
import { authenticate } from '@/lib/accounts/authenticate';
import { verificationCount } from '@/lib/accounts/password';

/**
 * One sign-in attempt from a connected space, for tests/helpers/at-once.ts (fn(db, actor, input, now)):
 * the result, and how many argon2 checks this worker ran for it.
 */
export async function signInAttempt(db: Db, _actor: unknown, input: unknown, now: Date) {
  const before = verificationCount();
  const result = await authenticate(db, input, { ip: '41.73.100.7', now });
  return { result, verifications: verificationCount() - before };
}

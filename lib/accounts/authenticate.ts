import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { invalid, ok, rateLimited, type Result } from '@/lib/errors';
import { blockedFor, hit, resetLimit } from '@/lib/rate-limit';
import { parse } from '@/lib/validation';
import { normalizeParticipantCode } from '@/lib/participants/code';
import { dummyHash, verifyPassword } from './password';
import { looksLikeEmail, normalizePhone } from './phone';
import { signInSchema } from './schemas';

export type Authenticated = { userId: number; sessionVersion: number };

/**
 * Checks a phone, e-mail or participant code, and its password (a participant's password is their
 * 6-digit PIN). Wrong credentials never say which part was wrong. Five failures per identifier in
 * 15 minutes lock that identifier (not the whole room's IP): with only a million PINs, the lock on
 * the code is what keeps a PIN from being guessed.
 */
export async function authenticate(db: Db, input: unknown, meta: { ip: string }): Promise<Result<Authenticated>> {
  const parsed = parse(signInSchema, input);
  if (!parsed.ok) return parsed;
  const { identifier, password } = parsed.data;

  const key = signInKey(identifier);
  const wait = Math.max(
    await blockedFor(db, 'signInPerIdentifier', key),
    await blockedFor(db, 'signInPerIp', meta.ip),
  );
  if (wait > 0) return rateLimited(wait);

  const user = findByIdentifier(db, identifier);
  const good = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);

  if (!user || !good) {
    const w1 = await hit(db, 'signInPerIdentifier', key);
    await hit(db, 'signInPerIp', meta.ip);
    if (user) {
      db.transaction((tx) =>
        recordAudit(tx, { actorId: null, action: 'user.signin_failed', subjectType: 'user', subjectId: user.id }),
      );
    }
    // The fifth failure itself already tells the person to wait, before they try their real password.
    const wait = w1 || (await blockedFor(db, 'signInPerIdentifier', key));
    if (wait > 0) return rateLimited(wait);
    return invalid({ _form: 'badCredentials' });
  }

  await resetLimit(db, 'signInPerIdentifier', key);
  return ok({ userId: user.id, sessionVersion: user.sessionVersion });
}

/** The sign-in lock's key: one per person, however the identifier was typed ("nio-7k3pa" = "NIO7K3PA"). */
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

import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { communes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, invalid, ok, rateLimited, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { hit } from '@/lib/rate-limit';
import { nameIsAbusive } from '@/lib/moderation/screen';
import { parse } from '@/lib/validation';
import { hashPassword } from './password';
import { registerSchema } from './schemas';
import { uniqueViolation } from './unique';
import { codeTargets, composeVerification, queueVerification } from './verify-account';

/**
 * A person opens an account with a phone number or an e-mail address and a password. The account
 * starts unverified: a 6-digit code goes to the phone (or, without one, to the address) in the same
 * transaction, and /verify takes it (lib/accounts/verify-account.ts). `codeSent` is false when a
 * sending limit refused the code (the person asks for another on /verify).
 */
export async function registerUser(
  db: Db,
  actor: Actor | null,
  input: unknown,
  meta: { ip: string; now?: Date },
): Promise<Result<{ userId: number; codeSent: boolean }>> {
  const parsed = parse(registerSchema, input);
  if (!parsed.ok) return parsed;
  const data = parsed.data;

  if (!can(actor, 'account.register', undefined)) return forbidden();
  if (nameIsAbusive(db, data.displayName)) return invalid({ displayName: 'nameAbusive' });

  const commune = db.select({ id: communes.id }).from(communes).where(eq(communes.id, data.communeId)).get();
  if (!commune) return invalid({ communeId: 'communeRequired' });

  // Counted before the "already taken" check, so the form cannot be used to probe numbers without limit.
  const wait = await hit(db, 'registerPerIp', meta.ip);
  if (wait > 0) return rateLimited(wait);

  const taken = takenIdentifiers(db, data.phone, data.email);
  if (taken) return conflict(taken);

  const passwordHash = await hashPassword(data.password);
  const now = meta.now ?? new Date();
  const target = codeTargets({ phone: data.phone ?? null, email: data.email ?? null })[0]!;
  const composed = await composeVerification({ language: data.language }, target, now);
  try {
    const created = db.transaction((tx) => {
      const row = tx
        .insert(users)
        .values({
          displayName: data.displayName,
          phone: data.phone ?? null,
          email: data.email ?? null,
          passwordHash,
          communeId: data.communeId,
          gender: data.gender ?? null,
          birthYear: data.birthYear ?? null,
          language: data.language,
          createdAt: now.toISOString(),
        })
        .returning({ id: users.id })
        .get();
      recordAudit(tx, {
        actorId: row.id,
        action: 'user.register',
        subjectType: 'user',
        subjectId: row.id,
        details: { communeId: data.communeId, via: data.phone ? (data.email ? 'phone+email' : 'phone') : 'email' },
      });
      // The account exists even if a sending limit refuses its first code: /verify sends another.
      const sent = queueVerification(tx, row.id, target, composed, now);
      return { userId: row.id, codeSent: sent.ok };
    }, { behavior: 'immediate' });
    return ok(created);
  } catch (e) {
    // Two people racing for the same number: the unique index decides.
    const field = uniqueViolation(e);
    if (field) return conflict({ [field]: `${field}Taken` });
    throw e;
  }
}

/** Field errors for a phone or email already used by another account. */
export function takenIdentifiers(
  db: Db,
  phone: string | undefined,
  email: string | undefined,
  exceptUserId?: number,
): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (phone) {
    const u = db.select({ id: users.id }).from(users).where(eq(users.phone, phone)).get();
    if (u && u.id !== exceptUserId) out.phone = 'phoneTaken';
  }
  if (email) {
    const u = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (u && u.id !== exceptUserId) out.email = 'emailTaken';
  }
  return Object.keys(out).length ? out : null;
}


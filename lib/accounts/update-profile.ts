import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { communes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { nameIsAbusive } from '@/lib/moderation/screen';
import { parse } from '@/lib/validation';
import { takenIdentifiers } from './register-user';
import { updateProfileSchema } from './schemas';
import { uniqueViolation } from './unique';
import type { AttemptMeta } from './authenticate';
import { confirmSecret } from './reauthenticate';

/**
 * A person updates their profile. Changing the phone or e-mail (what one signs in with, and where the
 * account's messages go) needs the current password or PIN, checked under the sign-in throttle.
 * Changing the very phone or address that verified the account makes it unverified until the new one
 * is proven (issue 12 §2): otherwise one phone could verify one account after another.
 */
export async function updateProfile(
  db: Db,
  actor: Actor | null,
  input: unknown,
  meta: AttemptMeta = { ip: 'local' },
): Promise<Result<{ userId: number; verificationLost: boolean }>> {
  const parsed = parse(updateProfileSchema, input);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  if (!actor) return forbidden();
  const user = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!user) return notFound();
  if (!can(actor, 'profile.update', { userId: user.id })) return forbidden();
  if (nameIsAbusive(db, data.displayName)) return invalid({ displayName: 'nameAbusive' });

  if (!db.select({ id: communes.id }).from(communes).where(eq(communes.id, data.communeId)).get()) {
    return invalid({ communeId: 'communeRequired' });
  }
  const changed = (['displayName', 'phone', 'email', 'communeId', 'gender', 'birthYear', 'language'] as const).filter(
    (k) => (data[k] ?? null) !== (user[k] ?? null),
  );
  if (changed.includes('phone') || changed.includes('email')) {
    if (!data.currentSecret) return invalid({ currentSecret: 'currentSecretRequired' });
    const refused = await confirmSecret(db, user, data.currentSecret, 'currentSecret', meta);
    if (refused) return refused;
  }
  // Only after the secret: whether a number is someone else's is not for any open session to learn.
  const taken = takenIdentifiers(db, data.phone, data.email, user.id);
  if (taken) return conflict(taken);
  const verificationLost =
    user.verifiedAt !== null &&
    ((user.verifiedVia === 'sms' && changed.includes('phone')) || (user.verifiedVia === 'email' && changed.includes('email')));
  try {
    db.transaction((tx) => {
      tx.update(users)
        .set({
          displayName: data.displayName,
          phone: data.phone ?? null,
          email: data.email ?? null,
          communeId: data.communeId,
          gender: data.gender ?? null,
          birthYear: data.birthYear ?? null,
          language: data.language,
          updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
          // The counted_users_unverified_au trigger takes the account's votes and supports out of the counts.
          ...(verificationLost ? { verifiedAt: null, verifiedVia: null } : {}),
        })
        .where(eq(users.id, user.id))
        .run();
      // Field names only: the audit log must not become a copy of personal data.
      recordAudit(tx, { actorId: actor.id, action: 'user.update', subjectType: 'user', subjectId: user.id, details: { changed } });
      if (verificationLost) recordAudit(tx, { actorId: actor.id, action: 'user.unverify', subjectType: 'user', subjectId: user.id, details: { changed: user.verifiedVia === 'sms' ? 'phone' : 'email' } });
      // A sanction's scope is the commune of the content it was about, never this one: moving changes no
      // sanction, and the move itself stays on record.
      if (changed.includes('communeId')) {
        recordAudit(tx, { actorId: actor.id, action: 'user.commune_change', subjectType: 'user', subjectId: user.id, details: { from: user.communeId, to: data.communeId } });
      }
    });
  } catch (e) {
    const field = uniqueViolation(e);
    if (field) return conflict({ [field]: `${field}Taken` });
    throw e;
  }
  return ok({ userId: user.id, verificationLost });
}

import { z } from 'zod';
import type { Db } from '@/db/client';
import { getCommuneBySlug } from '@/db/queries/geography';
import { roleGrants, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, invalid, ok, type Result } from '@/lib/errors';
import { nameIsAbusive } from '@/lib/moderation/screen';
import { parse } from '@/lib/validation';
import { hashPassword } from './password';
import { displayNameSchema, emailSchema, passwordSchema, phoneSchema } from './schemas';
import { takenIdentifiers } from './register-user';
import { uniqueViolation } from './unique';

export const createAdminSchema = z
  .object({
    displayName: displayNameSchema,
    email: emailSchema,
    phone: phoneSchema,
    /** the home commune's slug ("kayes") */
    commune: z.string().trim().min(1, 'communeRequired').max(60, 'communeRequired'),
    password: passwordSchema,
  })
  .strict()
  .refine((v) => v.email || v.phone, { message: 'identifierRequired', path: ['email'] });

/**
 * `npm run admin:create`: an administrator with the password they chose (the password policy of every
 * account), audited `admin.create`. Run from the server's shell, like the migrations: whoever can run
 * it can already write the database, so there is no actor to check (the audit row's actor is empty).
 */
export async function createAdmin(db: Db, input: unknown): Promise<Result<{ userId: number }>> {
  const parsed = parse(createAdminSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (nameIsAbusive(db, v.displayName)) return invalid({ displayName: 'nameAbusive' });
  const commune = getCommuneBySlug(db, v.commune);
  if (!commune) return invalid({ commune: 'communeRequired' });
  const taken = takenIdentifiers(db, v.phone, v.email);
  if (taken) return conflict(taken);
  const passwordHash = await hashPassword(v.password);
  try {
    const userId = db.transaction((tx) => {
      const row = tx
        .insert(users)
        .values({ displayName: v.displayName, email: v.email ?? null, phone: v.phone ?? null, passwordHash, communeId: commune.id, language: 'fr' })
        .returning({ id: users.id })
        .get();
      tx.insert(roleGrants).values({ userId: row.id, role: 'admin' }).run();
      recordAudit(tx, {
        actorId: null,
        action: 'admin.create',
        subjectType: 'user',
        subjectId: row.id,
        details: { via: 'command line', communeId: commune.id, identifiers: [v.email ? 'email' : null, v.phone ? 'phone' : null].filter(Boolean) },
      });
      return row.id;
    }, { behavior: 'immediate' });
    return ok({ userId });
  } catch (e) {
    const field = uniqueViolation(e);
    if (field) return conflict({ [field]: `${field}Taken` });
    throw e;
  }
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { roleGrants } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { otherActiveAdmins } from './holders';
import { idParam, parse } from '@/lib/validation';

export const revokeRoleSchema = z.strictObject({ grantId: idParam });

/** Revokes a grant; the row stays, with who revoked it and when. */
export function revokeRole(db: Db, actor: Actor | null, input: unknown): Result<{ grantId: number }> {
  const parsed = parse(revokeRoleSchema, input);
  if (!parsed.ok) return parsed;
  const grant = db.select().from(roleGrants).where(eq(roleGrants.id, parsed.data.grantId)).get();
  if (!grant || grant.revokedAt) return notFound();
  if (!can(actor, 'role.revoke', { userId: grant.userId, role: grant.role })) return forbidden();
  return db.transaction((tx): Result<{ grantId: number }> => {
    // Checked where no other write can come between: two admins revoking each other at the same moment
    // must not leave nobody to administer.
    if (grant.role === 'admin' && otherActiveAdmins(tx, grant.userId) === 0) return { ok: false, error: 'rejected', reason: 'lastActiveAdmin' };
    tx.update(roleGrants)
      .set({ revokedAt: new Date().toISOString(), revokedBy: actor!.id })
      .where(eq(roleGrants.id, grant.id))
      .run();
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'role.revoke',
      subjectType: 'user',
      subjectId: grant.userId,
      details: { grantId: grant.id, role: grant.role, communeId: grant.communeId, spaceId: grant.spaceId },
    });
    return ok({ grantId: grant.id });
  }, { behavior: 'immediate' });
}

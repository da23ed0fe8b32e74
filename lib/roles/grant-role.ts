import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { communes, connectedSpaces, roleGrants, ROLES, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';

/** "" (the "none"/"all communes" option of a select) means null. */
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.union([z.null(), idParam])).optional();

export const grantRoleSchema = z
  .strictObject({
    userId: idParam,
    role: z.enum(ROLES, 'invalidChoice'),
    communeId: optionalId,
    spaceId: optionalId,
    title: z.string().trim().max(120, 'tooLong').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'official') {
      if (!v.communeId) ctx.addIssue({ code: 'custom', message: 'communeRequired', path: ['communeId'] });
      if (!v.title) ctx.addIssue({ code: 'custom', message: 'titleRequired', path: ['title'] });
    }
    if (v.role === 'facilitator' && !v.spaceId) {
      ctx.addIssue({ code: 'custom', message: 'spaceRequired', path: ['spaceId'] });
    }
  });

/** Grants a role. Scope fields that do not belong to the role are dropped, not stored. */
export function grantRole(db: Db, actor: Actor | null, input: unknown): Result<{ grantId: number }> {
  const parsed = parse(grantRoleSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const target = db.select({ id: users.id }).from(users).where(eq(users.id, v.userId)).get();
  if (!target) return notFound();
  if (!can(actor, 'role.grant', { userId: target.id, role: v.role })) return forbidden();

  const communeId = v.role === 'official' || v.role === 'moderator' ? (v.communeId ?? null) : null;
  const spaceId = v.role === 'facilitator' ? (v.spaceId ?? null) : null;
  const title = v.role === 'official' ? (v.title ?? null) : null;
  if (communeId && !db.select({ id: communes.id }).from(communes).where(eq(communes.id, communeId)).get()) {
    return invalid({ communeId: 'communeRequired' });
  }
  if (spaceId && !db.select({ id: connectedSpaces.id }).from(connectedSpaces).where(eq(connectedSpaces.id, spaceId)).get()) {
    return invalid({ spaceId: 'spaceRequired' });
  }

  return db.transaction((tx): Result<{ grantId: number }> => {
    const existing = tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, target.id),
          eq(roleGrants.role, v.role),
          isNull(roleGrants.revokedAt),
          communeId === null ? isNull(roleGrants.communeId) : eq(roleGrants.communeId, communeId),
          spaceId === null ? isNull(roleGrants.spaceId) : eq(roleGrants.spaceId, spaceId),
        ),
      )
      .get();
    if (existing) return conflict({ role: 'alreadyGranted' });
    const row = tx
      .insert(roleGrants)
      .values({ userId: target.id, role: v.role, communeId, spaceId, title, grantedBy: actor!.id })
      .returning({ id: roleGrants.id })
      .get();
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'role.grant',
      subjectType: 'user',
      subjectId: target.id,
      details: { grantId: row.id, role: v.role, communeId, spaceId, title },
    });
    return ok({ grantId: row.id });
  }, { behavior: 'immediate' });
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { getCommune } from '@/db/queries/geography';
import { connectedSpaces } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, optionalText, parse, requiredText } from '@/lib/validation';

/** "" (a new space) or the id of the space being edited. */
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), idParam.optional());

export const saveSpaceSchema = z.strictObject({
  spaceId: optionalId,
  name: requiredText(3, 120),
  communeId: z.coerce.number('communeRequired').int('communeRequired').positive('communeRequired').max(Number.MAX_SAFE_INTEGER, 'communeRequired'),
  address: optionalText(200),
  openingHours: optionalText(120),
});

/** "Espace connecté de Yélimané" → "espace-connecte-de-yelimane": readable, stable addresses. */
export function slugFor(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base || 'espace';
}

/**
 * An admin creates a connected space or edits one. The address (slug) is fixed at creation, so
 * printed posters and links keep working when the name changes.
 */
export function saveSpace(db: Db, actor: Actor | null, input: unknown): Result<{ spaceId: number; slug: string }> {
  const parsed = parse(saveSpaceSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!can(actor, 'space.manage', undefined)) return forbidden();
  if (!getCommune(db, v.communeId)) return invalid({ communeId: 'communeRequired' });
  const values = { name: v.name, communeId: v.communeId, address: v.address ?? '', openingHours: v.openingHours ?? '' };

  return db.transaction((tx): Result<{ spaceId: number; slug: string }> => {
    if (v.spaceId) {
      const existing = tx.select().from(connectedSpaces).where(eq(connectedSpaces.id, v.spaceId)).get();
      if (!existing) return notFound();
      tx.update(connectedSpaces).set(values).where(eq(connectedSpaces.id, existing.id)).run();
      recordAudit(tx, {
        actorId: actor!.id,
        action: 'space.update',
        subjectType: 'space',
        subjectId: existing.id,
        details: { before: { name: existing.name, communeId: existing.communeId, address: existing.address, openingHours: existing.openingHours }, after: values },
      });
      return ok({ spaceId: existing.id, slug: existing.slug });
    }
    const base = slugFor(v.name);
    let slug = base;
    for (let i = 2; tx.select({ id: connectedSpaces.id }).from(connectedSpaces).where(eq(connectedSpaces.slug, slug)).get(); i++) {
      slug = `${base}-${i}`;
    }
    const row = tx.insert(connectedSpaces).values({ ...values, slug }).returning({ id: connectedSpaces.id }).get();
    recordAudit(tx, { actorId: actor!.id, action: 'space.create', subjectType: 'space', subjectId: row.id, details: { ...values, slug } });
    return ok({ spaceId: row.id, slug });
  }, { behavior: 'immediate' });
}

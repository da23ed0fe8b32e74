import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { getCommune } from '@/db/queries/geography';
import { communeProjectSettings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';

export const DEFAULT_PROJECT_SETTINGS = { supportThreshold: 50, collectionDays: 90 } as const;

export function projectSettingsFor(db: Pick<Db, 'select'>, communeId: number): { supportThreshold: number; collectionDays: number } {
  const row = db
    .select({ supportThreshold: communeProjectSettings.supportThreshold, collectionDays: communeProjectSettings.collectionDays })
    .from(communeProjectSettings)
    .where(eq(communeProjectSettings.communeId, communeId))
    .get();
  return row ?? { ...DEFAULT_PROJECT_SETTINGS };
}

const int = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().replace(/\s+/g, '') : v), z.coerce.number('numberInvalid').int('numberInvalid').min(min, 'numberTooSmall').max(max, 'numberTooLarge'));

export const projectSettingsSchema = z.strictObject({
  communeId: idParam,
  supportThreshold: int(1, 100_000),
  collectionDays: int(1, 730),
});

/** An admin sets a commune's support threshold and collection window. Projects already collecting keep theirs. */
export function updateProjectSettings(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ communeId: number }> {
  const parsed = parse(projectSettingsSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!can(actor, 'project.configure', { communeId: v.communeId })) return forbidden();
  if (!getCommune(db, v.communeId)) return invalid({ communeId: 'communeRequired' });
  db.transaction((tx) => {
    const values = { supportThreshold: v.supportThreshold, collectionDays: v.collectionDays, updatedBy: actor!.id, updatedAt: now.toISOString() };
    tx.insert(communeProjectSettings)
      .values({ communeId: v.communeId, ...values })
      .onConflictDoUpdate({ target: communeProjectSettings.communeId, set: values })
      .run();
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'project.settings',
      subjectType: 'commune',
      subjectId: v.communeId,
      details: { supportThreshold: v.supportThreshold, collectionDays: v.collectionDays },
    });
  });
  return ok({ communeId: v.communeId });
}

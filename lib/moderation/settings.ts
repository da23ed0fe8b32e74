import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { communes, moderationSettings, PREMODERATION_MODES, type PremoderationMode } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';

export type ModerationRules = { mode: PremoderationMode; newAccountCount: number; reportThreshold: number };

/** Defaults: hold what screening flags; a new account's first 2 contributions; hide after 3 reports. */
export const DEFAULT_RULES: ModerationRules = { mode: 'flagged', newAccountCount: 2, reportThreshold: 3 };

export function moderationRules(db: Pick<Db, 'select'>, communeId: number): ModerationRules {
  const row = db.select().from(moderationSettings).where(eq(moderationSettings.communeId, communeId)).get();
  return row ? { mode: row.mode, newAccountCount: row.newAccountCount, reportThreshold: row.reportThreshold } : DEFAULT_RULES;
}

const settingsSchema = z.strictObject({
  communeId: idParam,
  mode: z.enum(PREMODERATION_MODES, 'invalidChoice'),
  newAccountCount: z.coerce.number('invalid').int('invalid').min(1, 'numberRange').max(20, 'numberRange'),
  reportThreshold: z.coerce.number('invalid').int('invalid').min(1, 'numberRange').max(50, 'numberRange'),
});

export function updateModerationRules(db: Db, actor: Actor | null, input: unknown): Result<ModerationRules> {
  const parsed = parse(settingsSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!db.select({ id: communes.id }).from(communes).where(eq(communes.id, v.communeId)).get()) return invalid({ communeId: 'communeRequired' });
  if (!can(actor, 'moderation.configure', undefined)) return forbidden();
  const values = { mode: v.mode, newAccountCount: v.newAccountCount, reportThreshold: v.reportThreshold, updatedBy: actor!.id, updatedAt: new Date().toISOString() };
  db.transaction((tx) => {
    tx.insert(moderationSettings).values({ communeId: v.communeId, ...values }).onConflictDoUpdate({ target: moderationSettings.communeId, set: values }).run();
    recordAudit(tx, { actorId: actor!.id, action: 'moderation.configure', subjectType: 'commune', subjectId: v.communeId, details: { mode: v.mode, newAccountCount: v.newAccountCount, reportThreshold: v.reportThreshold } });
  });
  return ok({ mode: v.mode, newAccountCount: v.newAccountCount, reportThreshold: v.reportThreshold });
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { communes, moderationSettings, PREMODERATION_MODES, VOICE_MODES, type PremoderationMode, type VoiceMode } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';

export type ModerationRules = {
  mode: PremoderationMode;
  newAccountCount: number;
  reportThreshold: number;
  /** issue 13: the voice policy (lib/moderation/values.ts VOICE_MODES) */
  voiceMode: VoiceMode;
  voiceNewAccountCount: number;
};

/**
 * Defaults: hold what screening flags; a new account's first 2 contributions; hide after 3 reports; hold
 * recordings from accounts with fewer than 3 published contributions.
 */
export const DEFAULT_RULES: ModerationRules = { mode: 'flagged', newAccountCount: 2, reportThreshold: 3, voiceMode: 'new_accounts', voiceNewAccountCount: 3 };

export function moderationRules(db: Pick<Db, 'select'>, communeId: number): ModerationRules {
  const row = db.select().from(moderationSettings).where(eq(moderationSettings.communeId, communeId)).get();
  return row
    ? { mode: row.mode, newAccountCount: row.newAccountCount, reportThreshold: row.reportThreshold, voiceMode: row.voiceMode, voiceNewAccountCount: row.voiceNewAccountCount }
    : DEFAULT_RULES;
}

const settingsSchema = z.strictObject({
  communeId: idParam,
  mode: z.enum(PREMODERATION_MODES, 'invalidChoice'),
  newAccountCount: z.coerce.number('invalid').int('invalid').min(1, 'numberRange').max(20, 'numberRange'),
  reportThreshold: z.coerce.number('invalid').int('invalid').min(1, 'numberRange').max(50, 'numberRange'),
  /** the voice policy: left as it is when the form does not send it */
  voiceMode: z.enum(VOICE_MODES, 'invalidChoice').optional(),
  voiceNewAccountCount: z.coerce.number('invalid').int('invalid').min(1, 'numberRange').max(50, 'numberRange').optional(),
});

export function updateModerationRules(db: Db, actor: Actor | null, input: unknown): Result<ModerationRules> {
  const parsed = parse(settingsSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!db.select({ id: communes.id }).from(communes).where(eq(communes.id, v.communeId)).get()) return invalid({ communeId: 'communeRequired' });
  if (!can(actor, 'moderation.configure', undefined)) return forbidden();
  const current = moderationRules(db, v.communeId);
  const rules: ModerationRules = {
    mode: v.mode,
    newAccountCount: v.newAccountCount,
    reportThreshold: v.reportThreshold,
    voiceMode: v.voiceMode ?? current.voiceMode,
    voiceNewAccountCount: v.voiceNewAccountCount ?? current.voiceNewAccountCount,
  };
  const values = { ...rules, updatedBy: actor!.id, updatedAt: new Date().toISOString() };
  db.transaction((tx) => {
    tx.insert(moderationSettings).values({ communeId: v.communeId, ...values }).onConflictDoUpdate({ target: moderationSettings.communeId, set: values }).run();
    recordAudit(tx, { actorId: actor!.id, action: 'moderation.configure', subjectType: 'commune', subjectId: v.communeId, details: { ...rules } });
  });
  return ok(rules);
}

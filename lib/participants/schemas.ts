import { z } from 'zod';
import { birthYearSchema, communeIdSchema, displayNameSchema, genderSchema, languageSchema } from '@/lib/accounts/schemas';
import { idParam } from '@/lib/validation';

/**
 * "Let the person keep this PIN": ticked, the participant is not asked to choose their own PIN at
 * their first sign-in (someone who would struggle with it, or who chose it with the facilitator).
 */
const keepSlipSchema = z.preprocess((v) => (v === undefined ? '' : v), z.enum(['', 'yes'], 'invalidChoice')).transform((v) => v === 'yes');

/** A ticked consent box sends "yes"; an unticked one sends nothing (or ""). */
export const consentSchema = z.preprocess((v) => (v === undefined ? '' : v), z.literal('yes', 'consentRequired'));

const spaceIdSchema = z.coerce.number('spaceRequired').int('spaceRequired').positive('spaceRequired');

const DAY_MS = 86_400_000;

/** "2026-02-30" is not a day, even though Date would roll it over to March. */
function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The day the participant agreed (YYYY-MM-DD): not in the future, and within the last year. */
function consentDateSchema(now: Date) {
  return z
    .string()
    .trim()
    .min(1, 'consentDateRequired')
    .refine((v) => isCalendarDay(v), 'dateInvalid')
    .refine((v) => {
      const day = Date.parse(`${v}T00:00:00.000Z`);
      const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
      return day <= today && day >= today - 365 * DAY_MS;
    }, 'consentDateRange');
}

export function registerParticipantSchema(now: Date) {
  return z.strictObject({
    spaceId: spaceIdSchema,
    displayName: displayNameSchema,
    communeId: communeIdSchema,
    gender: genderSchema,
    birthYear: birthYearSchema,
    language: languageSchema,
    consent: consentSchema,
    consentDate: consentDateSchema(now),
    keepSlip: keepSlipSchema,
  });
}

export const resetPinSchema = z.strictObject({
  participantId: idParam,
  /** the facilitator confirms the participant is in front of them */
  present: z.preprocess((v) => (v === undefined ? '' : v), z.literal('yes', 'presenceRequired')),
  keepSlip: keepSlipSchema,
});

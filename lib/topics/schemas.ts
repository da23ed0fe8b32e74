import { z } from 'zod';
import { PHASES } from './phases';
import { SECTORS } from './sectors';
import { idParam, optionalText, requiredText } from '@/lib/validation';

/** A date-time from a form ("2026-12-01T09:00" or a full ISO string), stored as UTC ISO. Mali is UTC+0. */
export const dateTime = z
  .string()
  .trim()
  .min(1, 'required')
  .transform((v, ctx) => {
    const withZone = /Z|[+-]\d\d:\d\d$/.test(v) ? v : `${v.length === 10 ? `${v}T00:00` : v}Z`;
    const d = new Date(withZone);
    if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) {
      ctx.addIssue({ code: 'custom', message: 'dateInvalid' });
      return z.NEVER;
    }
    return d.toISOString();
  });

/** Poll options: one per line, 2 to 8, or empty for for/against/abstain. */
const pollOptions = z
  .string()
  .max(8 * 130, 'tooLong')
  .optional()
  .transform((v, ctx) => {
    const lines = (v ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) return null;
    if (lines.length < 2 || lines.length > 8 || lines.some((l) => l.length > 120) || new Set(lines).size !== lines.length) {
      ctx.addIssue({ code: 'custom', message: 'pollOptionsRange' });
      return z.NEVER;
    }
    return lines;
  });

/**
 * A topic's own text and settings: what the topic form sends, what is checked, and what is stored. Adding a
 * field to topics starts here (docs/architecture.md): the form's action reads TOPIC_FIELDS, both use cases
 * store `topicValues`, the edit page fills the form from them.
 */
const topicFields = {
  title: requiredText(5, 140),
  summary: requiredText(10, 280),
  body: requiredText(10, 20_000),
  sector: z.enum(SECTORS, 'invalidChoice'),
  location: optionalText(140),
  opensAt: dateTime,
  closesAt: dateTime,
  pollOptions,
};

export type TopicField = keyof typeof topicFields;
export const TOPIC_FIELDS = Object.keys(topicFields) as TopicField[];

type TopicFields = z.output<z.ZodObject<typeof topicFields>>;

/** The topic's columns for what the form said (create and update store the same). */
export function topicValues(v: TopicFields) {
  return {
    title: v.title,
    summary: v.summary,
    body: v.body,
    sector: v.sector,
    location: v.location ?? null,
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    pollOptions: v.pollOptions,
  };
}

function closesAfterOpens(v: { opensAt: string; closesAt: string }, ctx: z.RefinementCtx) {
  if (v.closesAt <= v.opensAt) ctx.addIssue({ code: 'custom', message: 'closesBeforeOpens', path: ['closesAt'] });
}

export const createTopicSchema = z
  .strictObject({ communeId: idParam, ...topicFields })
  .superRefine(closesAfterOpens);

export const updateTopicSchema = z
  .strictObject({ topicId: idParam, ...topicFields })
  .superRefine(closesAfterOpens);

export const changePhaseSchema = z.strictObject({
  topicId: idParam,
  phase: z.enum(PHASES, 'invalidChoice'),
  decision: z.string().trim().max(20_000, 'tooLong').optional(),
});

import { z } from 'zod';
import { SECTORS } from '@/lib/topics/sectors';
import { BENEFICIARIES } from './statuses';
import { idParam, optionalText, requiredText } from '@/lib/validation';
import { ANSWER_STATUSES } from './status';

/** An amount in FCFA or a count typed in a form: "2 500 000" and "2500000" are the same; empty = not given. */
export const optionalInteger = (max: number) =>
  z
    .string()
    .trim()
    .max(20, 'numberInvalid')
    .optional()
    .transform((v, ctx) => {
      const digits = (v ?? '').replace(/[\s.\u00a0\u202f]/g, '').replace(/(fcfa|cfa|f)$/i, '');
      if (digits === '') return undefined;
      if (!/^\d+$/.test(digits)) {
        ctx.addIssue({ code: 'custom', message: 'numberInvalid' });
        return z.NEVER;
      }
      const n = Number(digits);
      if (n > max) {
        ctx.addIssue({ code: 'custom', message: 'numberTooLarge' });
        return z.NEVER;
      }
      return n;
    });

/** Checkboxes arrive as one comma-separated field (see app/actions/projects.ts) or an array. */
const beneficiaries = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v, ctx) => {
    const list = (Array.isArray(v) ? v : (v ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    const unique = [...new Set(list)];
    if (unique.some((b) => !(BENEFICIARIES as readonly string[]).includes(b))) {
      ctx.addIssue({ code: 'custom', message: 'invalidChoice' });
      return z.NEVER;
    }
    return unique as (typeof BENEFICIARIES)[number][];
  });

/** Phone numbers or emails of co-proposers, one per line or separated by commas. */
const coProposers = z
  .string()
  .max(2000, 'tooLong')
  .optional()
  .transform((v) => [...new Set((v ?? '').split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean))].slice(0, 10));

/** A draft may be incomplete: only its title, commune and sector are needed to keep it. */
export const saveProjectSchema = z.strictObject({
  projectId: z.preprocess((v) => (v === '' ? undefined : v), idParam.optional()),
  intent: z.enum(['draft', 'submit'], 'invalidChoice'),
  communeId: idParam,
  title: requiredText(5, 140),
  problem: optionalText(5000),
  solution: optionalText(5000),
  sector: z.enum(SECTORS, 'invalidChoice'),
  location: optionalText(140),
  estimatedCost: optionalInteger(1_000_000_000_000),
  beneficiaries,
  onBehalfOf: optionalText(140),
  coProposers,
});
export type SaveProjectInput = z.output<typeof saveProjectSchema>;

const PROBLEM_MIN = 20;
const SOLUTION_MIN = 20;

/** What a project needs before it goes public. Field errors, empty when complete. */
export function completenessErrors(p: { problem?: string | null; solution?: string | null; location?: string | null; beneficiaries?: readonly string[] | null }) {
  const errors: Record<string, string> = {};
  if (!p.problem) errors.problem = 'required';
  else if (p.problem.length < PROBLEM_MIN) errors.problem = 'tooShort';
  if (!p.solution) errors.solution = 'required';
  else if (p.solution.length < SOLUTION_MIN) errors.solution = 'tooShort';
  if (!p.location) errors.location = 'required';
  if (!p.beneficiaries || p.beneficiaries.length === 0) errors.beneficiaries = 'beneficiariesRequired';
  return errors;
}

export const projectIdSchema = z.strictObject({ projectId: idParam });

export const supportProjectSchema = z.strictObject({ projectId: idParam, intent: z.enum(['add', 'remove'], 'invalidChoice') });

export const respondInvitationSchema = z.strictObject({ projectId: idParam, response: z.enum(['accept', 'decline'], 'invalidChoice') });

export const answerProjectSchema = z.strictObject({
  projectId: idParam,
  status: z.enum(ANSWER_STATUSES, 'invalidChoice'),
  answer: z.string().trim().max(10_000, 'tooLong').optional(),
});

/** A day, "2027-05-14". */
const day = z
  .string()
  .trim()
  .min(1, 'required')
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && v >= '2000-01-01' && v <= '2100-12-31', 'dateInvalid');

export const progressUpdateSchema = z.strictObject({
  projectId: idParam,
  body: requiredText(10, 5000),
  percent: z
    .string()
    .trim()
    .min(1, 'required')
    .transform((v, ctx) => {
      const n = Number(v.replace(/\s*%$/, ''));
      if (!Number.isInteger(n) || n < 0 || n > 100) {
        ctx.addIssue({ code: 'custom', message: 'percentRange' });
        return z.NEVER;
      }
      return n;
    }),
  happenedOn: day,
  amountSpent: optionalInteger(1_000_000_000_000),
});

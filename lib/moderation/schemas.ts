import { z } from 'zod';
import { CONTENT_TYPES, REPORT_REASONS, type ContentType } from '@/db/schema';
import { idParam, optionalText } from '@/lib/validation';

export const contentRef = { contentType: z.enum(CONTENT_TYPES, 'invalidChoice'), contentId: idParam };

export const reportSchema = z.strictObject({
  ...contentRef,
  reason: z.enum(REPORT_REASONS, 'reportReasonRequired'),
  details: optionalText(500),
});

export const MODERATION_ACTIONS = ['approve', 'dismiss', 'hide', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** A public reason: shown in place of hidden text, so it must say something. */
export const publicReason = z.string().trim().min(1, 'reasonRequired').min(5, 'reasonRequired').max(300, 'tooLong');

export const moderateSchema = z
  .strictObject({
    ...contentRef,
    action: z.enum(MODERATION_ACTIONS, 'invalidChoice'),
    reason: z.string().trim().max(300, 'tooLong').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'hide' && !publicReason.safeParse(v.reason ?? '').success) {
      ctx.addIssue({ code: 'custom', message: 'reasonRequired', path: ['reason'] });
    }
  });

/** "comment:12" items from the bulk form's checkboxes. */
export const bulkSchema = z.strictObject({
  items: z
    .array(z.string().regex(/^(topic|comment|project|update):\d{1,9}$/, 'invalid'))
    .min(1, 'selectItems')
    .max(100, 'tooLong'),
  action: z.enum(MODERATION_ACTIONS, 'invalidChoice'),
  reason: z.string().trim().max(300, 'tooLong').optional(),
});

/**
 * The contribution a sanction is about ("comment:12"): its commune is the sanction's scope. Empty: no
 * content named, which only region moderators and admins may do.
 */
const about = z
  .string()
  .trim()
  .regex(/^((topic|comment|project|update):\d{1,9})?$/, 'invalidChoice')
  .optional()
  .transform((v) => {
    if (!v) return null;
    const [type, id] = v.split(':') as [ContentType, string];
    return { type, id: Number(id) };
  });

export const warnSchema = z.strictObject({ userId: idParam, reason: publicReason, about });

export const suspendSchema = z.strictObject({
  userId: idParam,
  reason: publicReason,
  about,
  /** empty = permanent */
  days: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null;
      const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > 3650) {
        ctx.addIssue({ code: 'custom', message: 'daysRange' });
        return z.NEVER;
      }
      return n;
    }),
  hideContent: z.enum(['on', '']).optional(),
});

export const appealSchema = z
  .strictObject({
    moderationId: z.preprocess((v) => (v === '' ? undefined : v), idParam.optional()),
    sanctionId: z.preprocess((v) => (v === '' ? undefined : v), idParam.optional()),
    text: z.string().trim().min(1, 'required').min(10, 'tooShort').max(2000, 'tooLong'),
  })
  .refine((v) => !!v.moderationId !== !!v.sanctionId, { message: 'invalid', path: ['text'] });

export const decideAppealSchema = z.strictObject({
  appealId: idParam,
  outcome: z.enum(['upheld', 'rejected'], 'invalidChoice'),
  note: z.string().trim().min(1, 'required').min(5, 'tooShort').max(1000, 'tooLong'),
});

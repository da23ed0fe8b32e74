import { z } from 'zod';
import { GENDERS, PREFERRED_LANGUAGES } from '@/db/schema';
import { normalizePhone } from './phone';
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from './password';

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;

/** Any script (Bambara ɛ ɔ ɲ ŋ, N'Ko, Arabic…); no control or bidi-override characters. */
export const displayNameSchema = z
  .string()
  .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'required')
      .min(2, 'tooShort')
      .max(60, 'tooLong')
      .refine((v) => !CONTROL_CHARS.test(v), 'invalidCharacters')
      .refine((v) => /\p{L}/u.test(v), 'nameNeedsLetter'),
  );

export const phoneSchema = z
  .string()
  .trim()
  .max(32, 'phoneInvalid')
  .transform((v, ctx) => {
    if (v === '') return undefined;
    const e164 = normalizePhone(v);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'phoneInvalid' });
      return z.NEVER;
    }
    return e164;
  })
  .optional();

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'emailInvalid')
  .transform((v) => v.toLowerCase())
  .pipe(z.union([z.literal(''), z.email('emailInvalid')]))
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const passwordSchema = z
  .string()
  .min(1, 'required')
  .min(PASSWORD_MIN, 'passwordTooShort')
  .max(PASSWORD_MAX, 'passwordTooLong')
  .refine((v) => !isCommonPassword(v), 'passwordCommon');

const currentYear = () => new Date().getUTCFullYear();

export const genderSchema = z
  .union([z.literal(''), z.enum(GENDERS, 'invalidChoice')])
  .transform((v) => (v === '' ? null : v))
  .optional();

export const birthYearSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const n = /^\d{4}$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < currentYear() - 110 || n > currentYear() - 13) {
      ctx.addIssue({ code: 'custom', message: 'birthYearRange' });
      return z.NEVER;
    }
    return n;
  })
  .optional();

export const languageSchema = z.enum(PREFERRED_LANGUAGES, 'invalidChoice');

export const communeIdSchema = z.coerce
  .number('communeRequired')
  .int('communeRequired')
  .positive('communeRequired');

const profileFields = {
  displayName: displayNameSchema,
  phone: phoneSchema,
  email: emailSchema,
  communeId: communeIdSchema,
  gender: genderSchema,
  birthYear: birthYearSchema,
  language: languageSchema,
};

function needsIdentifier(v: { phone?: string; email?: string }, ctx: z.RefinementCtx) {
  if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', message: 'identifierRequired', path: ['phone'] });
}

export const registerSchema = z
  .strictObject({ ...profileFields, password: passwordSchema })
  .superRefine(needsIdentifier);
export type RegisterInput = z.input<typeof registerSchema>;

/** currentSecret: the current password or PIN, asked only when the phone or e-mail changes. */
export const updateProfileSchema = z
  .strictObject({ ...profileFields, currentSecret: z.string().max(PASSWORD_MAX, 'passwordTooLong').optional() })
  .superRefine(needsIdentifier);
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(PASSWORD_MAX, 'passwordTooLong'),
  newPassword: passwordSchema,
});

export const signInSchema = z.strictObject({
  identifier: z.string().trim().min(1, 'required').max(254, 'tooLong'),
  password: z.string().min(1, 'required').max(PASSWORD_MAX, 'passwordTooLong'),
});


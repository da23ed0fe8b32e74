import { z } from 'zod';
import { TRANSLATION_ORIGINS } from '@/db/schema';
import { translatableLocales } from '@/lib/i18n/config';
import { idParam } from '@/lib/validation';

export const TRANSLATION_MAX = 2000;
/** A whole language is about 100 KB of JSON. */
export const IMPORT_MAX_BYTES = 512 * 1024;

const locale = z.enum(translatableLocales, 'invalidChoice');
const key = z.string().trim().min(1, 'required').max(200, 'tooLong');

export const proposeTranslationSchema = z.strictObject({
  locale,
  key,
  // Spaces inside are the translator's; only the ends are trimmed, as for every form field.
  text: z.string().trim().min(1, 'required').max(TRANSLATION_MAX, 'tooLong'),
});

export const reviewTranslationSchema = z.strictObject({
  proposalId: idParam,
  verdict: z.enum(['approve', 'reject'], 'invalidChoice'),
  note: z
    .string()
    .trim()
    .max(500, 'tooLong')
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
});

export const revertTranslationSchema = z.strictObject({ proposalId: idParam });

export const importTranslationsSchema = z.strictObject({
  locale,
  origin: z.enum(TRANSLATION_ORIGINS, 'invalidChoice'),
  /** in the importer's words: who translated, who checked, with what tool */
  provenance: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  /** the file's text (the action reads the uploaded file; its name and type are not trusted) */
  file: z.string().min(1, 'translationFileRequired').max(IMPORT_MAX_BYTES, 'translationFileTooLarge'),
});

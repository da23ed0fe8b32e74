import { z } from 'zod';
import type { Db } from '@/db/client';
import { getCommune } from '@/db/queries/geography';
import { moderationTerms, TERM_LANGUAGES } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, invalid, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';
import { COMMON_WORDS } from './common-words';
import { foldedWords } from './normalize';

/** Below three letters a term matches names, abbreviations and words of every language. */
export const TERM_MIN_LETTERS = 3;

const addTermSchema = z.strictObject({
  term: z
    .string()
    .trim()
    .min(1, 'required')
    .max(80, 'tooLong')
    .superRefine((t, ctx) => {
      const words = foldedWords(t);
      if (words.length === 0) ctx.addIssue({ code: 'custom', message: 'invalid' });
      else if (words.join('').length < TERM_MIN_LETTERS || (words.length === 1 && words[0]!.length < TERM_MIN_LETTERS)) ctx.addIssue({ code: 'custom', message: 'termTooShort' });
      else if (words.every((w) => COMMON_WORDS.has(w))) ctx.addIssue({ code: 'custom', message: 'termTooCommon' });
    }),
  language: z.enum(TERM_LANGUAGES, 'invalidChoice'),
  /** empty: the whole region */
  communeId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.union([z.null(), idParam])),
});

/**
 * A moderator adds a term (e.g. a Bambara or Soninke insult) for a commune they moderate, or a region
 * moderator or admin for the whole region; screening uses it at once, for that scope's content only.
 */
export function addModerationTerm(db: Db, actor: Actor | null, input: unknown): Result<{ id: number }> {
  const parsed = parse(addTermSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (v.communeId !== null && !getCommune(db, v.communeId)) return invalid({ communeId: 'communeRequired' });
  if (!can(actor, 'moderation.manageTerm', { communeId: v.communeId })) return forbidden();
  const term = v.term.toLowerCase();
  try {
    const id = db.transaction((tx) => {
      const row = tx.insert(moderationTerms).values({ term, language: v.language, communeId: v.communeId, addedBy: actor!.id }).returning({ id: moderationTerms.id }).get();
      recordAudit(tx, { actorId: actor!.id, action: 'moderation.term_add', subjectType: 'term', subjectId: row.id, details: { term, language: v.language, communeId: v.communeId } });
      return row.id;
    });
    return ok({ id });
  } catch (e) {
    if (String(e).includes('UNIQUE')) return conflict({ term: 'alreadyListed' });
    throw e;
  }
}

import { z } from 'zod';
import type { Db } from '@/db/client';
import { moderationTerms, TERM_LANGUAGES } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { foldedWords } from './normalize';

const addTermSchema = z.strictObject({
  term: z.string().trim().min(1, 'required').min(2, 'tooShort').max(80, 'tooLong').refine((t) => foldedWords(t).length > 0, 'invalid'),
  language: z.enum(TERM_LANGUAGES, 'invalidChoice'),
});

/** Moderators add terms (e.g. Bambara or Soninke insults); screening uses them at once. */
export function addModerationTerm(db: Db, actor: Actor | null, input: unknown): Result<{ id: number }> {
  const parsed = parse(addTermSchema, input);
  if (!parsed.ok) return parsed;
  if (!can(actor, 'moderation.access', undefined)) return forbidden();
  const term = parsed.data.term.toLowerCase();
  try {
    const id = db.transaction((tx) => {
      const row = tx.insert(moderationTerms).values({ term, language: parsed.data.language, addedBy: actor!.id }).returning({ id: moderationTerms.id }).get();
      recordAudit(tx, { actorId: actor!.id, action: 'moderation.term_add', subjectType: 'term', subjectId: row.id, details: { language: parsed.data.language } });
      return row.id;
    });
    return ok({ id });
  } catch (e) {
    if (String(e).includes('UNIQUE')) return conflict({ term: 'alreadyListed' });
    throw e;
  }
}

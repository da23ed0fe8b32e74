import { and, eq } from 'drizzle-orm';
import { translationProposals } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';
import { SOURCE } from './catalog';
import { translationProblem } from './icu';
import { liveTexts } from './live';
import { proposeTranslationSchema } from './schemas';

export const TYPED_IN_APP = 'typed in /admin/translations';

/**
 * A translator proposes a text for one key in one language. Nothing is shown to readers until another
 * person approves it (lib/translations/review.ts).
 */
export function proposeTranslation(ctx: ViewContext, input: unknown): Result<{ proposalId: number }> {
  const parsed = parse(proposeTranslationSchema, input);
  if (!parsed.ok) return parsed;
  const { locale, key, text } = parsed.data;
  const source = SOURCE.get(key);
  if (source === undefined) return notFound();
  const { actor, db } = ctx;
  if (!can(actor, 'translation.propose', undefined)) return forbidden();
  const problem = translationProblem(source, text);
  if (problem) return invalid({ text: problem });

  return db.transaction((tx): Result<{ proposalId: number }> => {
    if (liveTexts(tx, locale).get(key) === text) return conflict({ text: 'translationUnchanged' });
    const same = tx
      .select({ id: translationProposals.id })
      .from(translationProposals)
      .where(and(eq(translationProposals.locale, locale), eq(translationProposals.key, key), eq(translationProposals.state, 'proposed'), eq(translationProposals.text, text)))
      .get();
    if (same) return conflict({ text: 'translationAlreadyProposed' });
    const row = tx
      .insert(translationProposals)
      .values({ locale, key, text, source, origin: 'person', provenance: TYPED_IN_APP, proposedBy: actor!.id, createdAt: ctx.now.toISOString() })
      .returning({ id: translationProposals.id })
      .get();
    recordAudit(tx, { actorId: actor!.id, action: 'translation.propose', subjectType: 'translation', subjectId: row.id, details: { locale, key } });
    return ok({ proposalId: row.id });
  }, { behavior: 'immediate' });
}

import { and, desc, eq } from 'drizzle-orm';
import { translationProposals } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';
import { bumpTranslationsVersion, forgetLiveMessages } from './live';
import { revertTranslationSchema } from './schemas';

/**
 * Takes a live translation down. The text approved before it, if any, is live again; otherwise readers
 * get the repository's file, or French. The reverted text stays in the history and may be proposed again.
 */
export function revertTranslation(ctx: ViewContext, input: unknown): Result<{ restoredId: number | null }> {
  const parsed = parse(revertTranslationSchema, input);
  if (!parsed.ok) return parsed;
  const { db, actor, now } = ctx;
  const proposal = db.select().from(translationProposals).where(eq(translationProposals.id, parsed.data.proposalId)).get();
  if (!proposal) return notFound();
  if (!can(actor, 'translation.revert', undefined)) return forbidden();

  const result = db.transaction((tx): Result<{ restoredId: number | null }> => {
    const current = tx.select().from(translationProposals).where(eq(translationProposals.id, proposal.id)).get()!;
    if (current.state !== 'approved') return conflict({ _form: 'translationNotLive' });
    const at = now.toISOString();
    tx.update(translationProposals).set({ state: 'reverted', decidedAt: at, decidedBy: actor!.id }).where(eq(translationProposals.id, current.id)).run();
    const previous = tx
      .select({ id: translationProposals.id })
      .from(translationProposals)
      .where(and(eq(translationProposals.locale, current.locale), eq(translationProposals.key, current.key), eq(translationProposals.state, 'superseded')))
      .orderBy(desc(translationProposals.decidedAt), desc(translationProposals.id))
      .get();
    // The one it replaced comes back as it was approved (its decision stays that of its reviewers).
    if (previous) tx.update(translationProposals).set({ state: 'approved' }).where(eq(translationProposals.id, previous.id)).run();
    bumpTranslationsVersion(tx);
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'translation.revert',
      subjectType: 'translation',
      subjectId: current.id,
      details: { locale: current.locale, key: current.key, restored: previous?.id ?? null },
    });
    return ok({ restoredId: previous?.id ?? null });
  }, { behavior: 'immediate' });
  if (result.ok) forgetLiveMessages(db);
  return result;
}

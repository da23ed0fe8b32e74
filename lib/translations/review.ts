import { and, eq, ne } from 'drizzle-orm';
import { translationProposals, translationReviews, type TranslationProposal } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';
import { bumpTranslationsVersion, forgetLiveMessages } from './live';
import { reviewTranslationSchema } from './schemas';

/**
 * Approvals a proposal needs from people other than its proposer: a person's proposal, one (two people
 * in all); a machine's output, which nobody vouches for by proposing it, two.
 */
export function approvalsNeeded(p: Pick<TranslationProposal, 'origin' | 'proposedBy'>): number {
  return p.origin === 'machine' || p.proposedBy === null ? 2 : 1;
}

export type ReviewOutcome = { live: boolean; rejected: boolean; approvals: number; needed: number };

/**
 * A reviewer approves or refuses someone else's proposal. Refused: it is closed. Approved by enough
 * people: it goes live at once (the text it replaces is kept, superseded, for the history and a revert).
 */
export function reviewTranslation(ctx: ViewContext, input: unknown): Result<ReviewOutcome> {
  const parsed = parse(reviewTranslationSchema, input);
  if (!parsed.ok) return parsed;
  const { proposalId, verdict, note } = parsed.data;
  const { db, actor, now } = ctx;
  const proposal = db.select().from(translationProposals).where(eq(translationProposals.id, proposalId)).get();
  if (!proposal) return notFound();
  if (!can(actor, 'translation.review', { proposerId: proposal.proposedBy })) return forbidden();

  const result = db.transaction((tx): Result<ReviewOutcome> => {
    const current = tx.select().from(translationProposals).where(eq(translationProposals.id, proposalId)).get()!;
    if (current.state !== 'proposed') return conflict({ _form: 'translationNotPending' });
    const already = tx
      .select({ id: translationReviews.id })
      .from(translationReviews)
      .where(and(eq(translationReviews.proposalId, proposalId), eq(translationReviews.reviewerId, actor!.id)))
      .get();
    if (already) return conflict({ _form: 'translationAlreadyReviewed' });
    const at = now.toISOString();
    tx.insert(translationReviews).values({ proposalId, reviewerId: actor!.id, verdict, note: note ?? null, createdAt: at }).run();
    const needed = approvalsNeeded(current);

    if (verdict === 'reject') {
      tx.update(translationProposals).set({ state: 'rejected', decidedAt: at, decidedBy: actor!.id }).where(eq(translationProposals.id, proposalId)).run();
      recordAudit(tx, { actorId: actor!.id, action: 'translation.reject', subjectType: 'translation', subjectId: proposalId, details: { locale: current.locale, key: current.key, note: note ?? null } });
      return ok({ live: false, rejected: true, approvals: 0, needed });
    }

    const approvals = tx
      .select({ reviewerId: translationReviews.reviewerId })
      .from(translationReviews)
      .where(and(eq(translationReviews.proposalId, proposalId), eq(translationReviews.verdict, 'approve')))
      .all()
      .filter((r) => r.reviewerId !== current.proposedBy).length;
    const live = approvals >= needed;
    if (live) {
      tx.update(translationProposals)
        // Only its state changes: when and by whom it was approved stays (a revert brings back the latest approved)
        .set({ state: 'superseded' })
        .where(and(eq(translationProposals.locale, current.locale), eq(translationProposals.key, current.key), eq(translationProposals.state, 'approved'), ne(translationProposals.id, proposalId)))
        .run();
      tx.update(translationProposals).set({ state: 'approved', decidedAt: at, decidedBy: actor!.id }).where(eq(translationProposals.id, proposalId)).run();
      bumpTranslationsVersion(tx);
    }
    recordAudit(tx, {
      actorId: actor!.id,
      action: live ? 'translation.approve' : 'translation.review',
      subjectType: 'translation',
      subjectId: proposalId,
      details: { locale: current.locale, key: current.key, approvals, needed, note: note ?? null },
    });
    return ok({ live, rejected: false, approvals, needed });
  }, { behavior: 'immediate' });
  if (result.ok && result.value.live) forgetLiveMessages(db);
  return result;
}

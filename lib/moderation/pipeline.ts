import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { comments, moderations, projects, topics, type ContentType } from '@/db/schema';
import { screen, type ScreenInput, type Verdict } from './screen';
import { moderationRules } from './settings';


export type SubmissionVerdict = Verdict | { action: 'hold'; reason: 'premoderation' | 'voice' };

/** How many contributions this person already has (any type): "new accounts" are those below N. */
function contributionCount(db: Db, authorId: number): number {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return (
    n(db.select({ n: count() }).from(comments).where(eq(comments.authorId, authorId)).get()) +
    n(db.select({ n: count() }).from(topics).where(eq(topics.authorId, authorId)).get()) +
    n(db.select({ n: count() }).from(projects).where(and(eq(projects.authorId, authorId), ne(projects.status, 'draft'))).get())
  );
}

/**
 * How many of this person's contributions anyone can read now: comments visible and not deleted, topics
 * and citizen projects out of draft and neither held nor hidden. The voice policy counts these.
 */
export function publishedContributionCount(db: Pick<Db, 'select'>, authorId: number): number {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return (
    n(db.select({ n: count() }).from(comments).where(and(eq(comments.authorId, authorId), eq(comments.visibility, 'visible'), isNull(comments.deletedAt))).get()) +
    n(db.select({ n: count() }).from(topics).where(and(eq(topics.authorId, authorId), ne(topics.phase, 'draft'), eq(topics.visibility, 'visible'))).get()) +
    n(db.select({ n: count() }).from(projects).where(and(eq(projects.authorId, authorId), ne(projects.status, 'draft'), eq(projects.visibility, 'visible'))).get())
  );
}

/**
 * The commune's voice policy (issue 13 §4) for a recording a citizen sends: held when the commune holds
 * every recording, or (the default) when its author has fewer than N published contributions.
 */
export function voicePolicyHolds(db: Db, communeId: number, authorId: number): boolean {
  const rules = moderationRules(db, communeId);
  if (rules.voiceMode === 'all') return true;
  if (rules.voiceMode === 'new_accounts') return publishedContributionCount(db, authorId) < rules.voiceNewAccountCount;
  return false;
}

/**
 * The one moderation pipeline every content use case calls: screening, then the commune's
 * pre-moderation mode.
 * - off: only rejections and threats stop content; what else screening would hold is published (reports
 *   still work): a threat of death or arson waits for a moderator whatever the mode;
 * - flagged (default): what screening flags is held;
 * - new_accounts: also a newcomer's first N contributions;
 * - all: everything is held for review.
 * Officials, moderators, facilitators and admins ("trusted") are never pre-moderated. A submission that
 * carries a recording (`voice`) also goes through the commune's voice policy.
 */
export function screenSubmission(db: Db, input: ScreenInput & { communeId: number; voice?: boolean }): SubmissionVerdict {
  const text = screenText(db, input);
  // A recording cannot be screened for words: the commune's voice policy decides whether it waits.
  if (text.action !== 'publish' || !input.voice || input.trusted) return text;
  return voicePolicyHolds(db, input.communeId, input.authorId) ? { action: 'hold', reason: 'voice' } : text;
}

function screenText(db: Db, input: ScreenInput & { communeId: number }): SubmissionVerdict {
  const verdict = screen(db, input);
  if (verdict.action === 'reject') return verdict;
  const rules = moderationRules(db, input.communeId);
  if (input.trusted) return verdict;
  if (rules.mode === 'all') return verdict.action === 'hold' ? verdict : { action: 'hold', reason: 'premoderation' };
  if (rules.mode === 'new_accounts' && contributionCount(db, input.authorId) < rules.newAccountCount) {
    return verdict.action === 'hold' ? verdict : { action: 'hold', reason: 'premoderation' };
  }
  if (rules.mode === 'off') return verdict.action === 'hold' && verdict.reason === 'threat' ? verdict : { action: 'publish' };
  return verdict;
}

/** Call in the content's own transaction when the verdict was "hold": opens the review item. */
export function openHeldItem(
  tx: Tx,
  item: { contentType: ContentType; contentId: number; communeId: number; authorId: number; reason: string },
): void {
  tx.insert(moderations)
    .values({
      contentType: item.contentType,
      contentId: item.contentId,
      communeId: item.communeId,
      authorId: item.authorId,
      state: 'held',
      holdReason: item.reason,
    })
    .onConflictDoUpdate({
      target: [moderations.contentType, moderations.contentId],
      set: { state: 'held', holdReason: item.reason, decidedAt: null, decidedBy: null, outcome: null },
    })
    .run();
}

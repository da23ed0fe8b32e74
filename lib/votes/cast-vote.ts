import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { votes } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, isPublicTopic, type Actor } from '@/lib/permissions';
import { closeTopicIfExpired } from '@/lib/topics/close-expired';
import { findTopic } from '@/lib/topics/load';
import { effectivePhase } from '@/lib/topics/phases';
import { idParam, parse } from '@/lib/validation';

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;

export const castVoteSchema = z.strictObject({
  topicId: idParam,
  choice: z.string().trim().min(1, 'voteChoiceRequired').max(20, 'invalidChoice'),
});

/** The valid choices of a topic: for/against/abstain, or "option:0".."option:7" for a poll. */
export function choicesOf(topic: { pollOptions: string[] | null }): string[] {
  return topic.pollOptions ? topic.pollOptions.map((_, i) => `option:${i}`) : [...VOTE_CHOICES];
}

/**
 * One vote per person per topic, changeable while the consultation is open. The unique index
 * (topic_id, user_id) is the guarantee; the upsert makes concurrent identical submissions harmless.
 */
export function castVote(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ changed: boolean; topicId: number }> {
  const parsed = parse(castVoteSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const topic = findTopic(db, v.topicId);
  if (!topic || !isPublicTopic(topic)) return notFound();
  closeTopicIfExpired(db, topic, now);
  if (!can(actor, 'vote.cast', { phase: effectivePhase(topic, now) })) return forbidden();
  if (!choicesOf(topic).includes(v.choice)) return invalid({ choice: 'invalidChoice' });

  const changed = db.transaction((tx) => {
    const before = tx
      .select({ choice: votes.choice })
      .from(votes)
      .where(and(eq(votes.topicId, topic.id), eq(votes.userId, actor!.id)))
      .get();
    if (before?.choice === v.choice) return false;
    tx.insert(votes)
      .values({ topicId: topic.id, userId: actor!.id, choice: v.choice })
      .onConflictDoUpdate({
        target: [votes.topicId, votes.userId],
        set: { choice: v.choice, updatedAt: now.toISOString() },
      })
      .run();
    // topics.vote_count and the tally follow by triggers (migration verified_counts), counting verified voters only.
    recordAudit(tx, {
      actorId: actor!.id,
      action: before ? 'vote.change' : 'vote.cast',
      subjectType: 'topic',
      subjectId: topic.id,
      // No choice here: how a person voted is in the votes table only, never copied.
    });
    return true;
  }, { behavior: 'immediate' });
  return ok({ changed, topicId: topic.id });
}

import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { votes } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, isPublicTopic, type Actor } from '@/lib/permissions';
import { closeTopicIfExpired } from '@/lib/topics/close-expired';
import { findTopic } from '@/lib/topics/load';
import { effectivePhase } from '@/lib/topics/phases';
import { idParam, parse } from '@/lib/validation';

export const withdrawVoteSchema = z.strictObject({ topicId: idParam });

/**
 * A person takes their vote back while the consultation is open: the vote is removed and the tally
 * goes down by one. After the close, the tally is the consultation's record and stays as it is.
 */
export function withdrawVote(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ removed: boolean }> {
  const parsed = parse(withdrawVoteSchema, input);
  if (!parsed.ok) return parsed;
  const topic = findTopic(db, parsed.data.topicId);
  if (!topic || !isPublicTopic(topic)) return notFound();
  closeTopicIfExpired(db, topic, now);
  if (!can(actor, 'vote.withdraw', { phase: effectivePhase(topic, now) })) return forbidden();

  const removed = db.transaction((tx) => {
    const changes = tx
      .delete(votes)
      .where(and(eq(votes.topicId, topic.id), eq(votes.userId, actor!.id)))
      .run().changes;
    // topics.vote_count and the tally follow by triggers (migration verified_counts).
    if (!changes) return false;
    recordAudit(tx, { actorId: actor!.id, action: 'vote.withdraw', subjectType: 'topic', subjectId: topic.id });
    return true;
  }, { behavior: 'immediate' });
  return ok({ removed });
}

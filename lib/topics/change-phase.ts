import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, topicPhaseChanges, topics, votes } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { newTopicSubscribers, notify } from '@/lib/notifications/deliver';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findTopic } from './load';
import { closeIfExpired } from './close-expired';
import { canMove, effectivePhase, type Phase } from './phases';
import { changePhaseSchema } from './schemas';

const DECISION_MIN = 30;

/**
 * Moves a topic along draft → information → open → deliberation → decided → archived.
 * "decided" needs a decision text that says what was decided and answers the main points raised.
 */
export function changeTopicPhase(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ phase: Phase; topicId: number }> {
  const parsed = parse(changePhaseSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const topic = findTopic(db, v.topicId);
  if (!topic) return notFound();
  if (!can(actor, 'topic.changePhase', { communeId: topic.communeId })) return forbidden();

  const from = effectivePhase(topic, now);
  if (!canMove(from, v.phase)) return invalid({ phase: 'phaseNotAllowed' });
  if (v.phase === 'decided' && (v.decision ?? '').length < DECISION_MIN) return invalid({ decision: 'decisionRequired' });
  // Re-opening needs a close date in the future, else it would close again at once.
  if (v.phase === 'open' && topic.closesAt <= now.toISOString()) return invalid({ phase: 'closeDatePassed' });

  // Announced once: going back to draft and out again does not notify a second time.
  const publishedBefore = db
    .select({ id: topicPhaseChanges.id })
    .from(topicPhaseChanges)
    .where(and(eq(topicPhaseChanges.topicId, topic.id), eq(topicPhaseChanges.fromPhase, 'draft')))
    .get();
  const firstPublication = topic.phase === 'draft' && v.phase !== 'draft' && !publishedBefore;
  db.transaction((tx) => {
    // The automatic close had not been written yet: record it first, so the timeline tells the truth.
    if (from !== topic.phase) closeIfExpired(tx, topic.id, now);
    tx.update(topics)
      .set({
        phase: v.phase,
        ...(v.phase === 'decided' ? { decision: v.decision!, decidedAt: now.toISOString() } : {}),
        updatedAt: now.toISOString(),
      })
      .where(eq(topics.id, topic.id))
      .run();
    tx.insert(topicPhaseChanges).values({ topicId: topic.id, actorId: actor!.id, fromPhase: from, toPhase: v.phase, createdAt: now.toISOString() }).run();
    recordAudit(tx, {
      actorId: actor!.id,
      action: v.phase === 'decided' ? 'topic.decide' : 'topic.phase',
      subjectType: 'topic',
      subjectId: topic.id,
      details: { from, to: v.phase },
    });
  }, { behavior: 'immediate' });

  if (v.phase === 'decided') {
    notify(db, { kind: 'topic.decided', recipientIds: participants(db, topic.id), actorId: actor!.id, topicId: topic.id });
  }
  if (firstPublication && topic.visibility === 'visible') {
    notify(db, { kind: 'topic.new', recipientIds: newTopicSubscribers(db, topic.communeId), actorId: actor!.id, topicId: topic.id });
  }
  return ok({ phase: v.phase, topicId: topic.id });
}

/** Everyone who voted or commented on a topic. */
export function participants(db: Db, topicId: number): number[] {
  const voters = db.select({ id: votes.userId }).from(votes).where(eq(votes.topicId, topicId)).all();
  const commenters = db.selectDistinct({ id: comments.authorId }).from(comments).where(eq(comments.topicId, topicId)).all();
  return [...new Set([...voters, ...commenters].map((r) => r.id))];
}

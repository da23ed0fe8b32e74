import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { topicRevisions, topics } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { screenSubmission } from '@/lib/moderation/pipeline';
import { can, isTrusted, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { closeTopicIfExpired } from './close-expired';
import { findTopic } from './load';
import { topicValues, updateTopicSchema } from './schemas';

/**
 * Edits a topic. The previous text is kept as a public revision. Poll options cannot change once
 * anyone has voted (it would change what their vote means).
 */
export function updateTopic(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ topicId: number }> {
  const parsed = parse(updateTopicSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const topic = findTopic(db, v.topicId);
  if (!topic) return notFound();
  if (!can(actor, 'topic.update', { communeId: topic.communeId })) return forbidden();
  if (topic.phase === 'archived') return { ok: false, error: 'rejected', reason: 'topicArchived' };
  // A consultation past its close date is closed first: a new close date then needs a deliberate re-opening.
  closeTopicIfExpired(db, topic, now);
  const pollChanged = JSON.stringify(v.pollOptions) !== JSON.stringify(topic.pollOptions);
  if (pollChanged && topic.voteCount > 0) return { ok: false, error: 'invalid', fieldErrors: { pollOptions: 'pollLocked' } };

  const text = `${v.title}\n${v.summary}\n${v.body}`;
  const verdict = screenSubmission(db, { kind: 'topic', communeId: topic.communeId, authorId: actor!.id, text, trusted: isTrusted(actor), checkHistory: false });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  db.transaction((tx) => {
    tx.insert(topicRevisions)
      .values({
        topicId: topic.id,
        editorId: actor!.id,
        title: topic.title,
        summary: topic.summary,
        body: topic.body,
        sector: topic.sector,
        location: topic.location,
        opensAt: topic.opensAt,
        closesAt: topic.closesAt,
      })
      .run();
    tx.update(topics)
      .set({
        ...topicValues(v),
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
      })
      .where(eq(topics.id, topic.id))
      .run();
    recordAudit(tx, { actorId: actor!.id, action: 'topic.update', subjectType: 'topic', subjectId: topic.id });
  });
  return ok({ topicId: topic.id });
}

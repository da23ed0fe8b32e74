import type { Db } from '@/db/client';
import { topicPhaseChanges, topics } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, ok, type Result } from '@/lib/errors';
import { getCommune } from '@/db/queries/geography';
import { openHeldItem, screenSubmission } from '@/lib/moderation/pipeline';
import { can, isTrusted, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { createTopicSchema, topicValues } from './schemas';

/** An official (or admin) drafts a topic for their commune. It is public once moved out of draft. */
export function createTopic(db: Db, actor: Actor | null, input: unknown): Result<{ topicId: number; held: boolean }> {
  const parsed = parse(createTopicSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!getCommune(db, v.communeId)) return invalid({ communeId: 'communeRequired' });
  if (!can(actor, 'topic.create', { communeId: v.communeId })) return forbidden();

  const verdict = screenSubmission(db, { kind: 'topic', communeId: v.communeId, authorId: actor!.id, text: `${v.title}\n${v.summary}\n${v.body}`, trusted: isTrusted(actor) });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  const topicId = db.transaction((tx) => {
    const row = tx
      .insert(topics)
      .values({
        communeId: v.communeId,
        authorId: actor!.id,
        ...topicValues(v),
        visibility: verdict.action === 'hold' ? 'held' : 'visible',
      })
      .returning({ id: topics.id })
      .get();
    tx.insert(topicPhaseChanges).values({ topicId: row.id, actorId: actor!.id, fromPhase: null, toPhase: 'draft' }).run();
    if (verdict.action === 'hold') {
      openHeldItem(tx, { contentType: 'topic', contentId: row.id, communeId: v.communeId, authorId: actor!.id, reason: verdict.reason });
    }
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'topic.create',
      subjectType: 'topic',
      subjectId: row.id,
      details: { communeId: v.communeId, screening: verdict.action === 'hold' ? verdict.reason : 'publish' },
    });
    return row.id;
  });
  return ok({ topicId, held: verdict.action === 'hold' });
}

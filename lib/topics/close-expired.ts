import { and, eq, lte } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { topicPhaseChanges, topics } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Phase } from './phases';

/**
 * The system's part of a consultation's life: at its close date an open topic moves to deliberation, with
 * a timeline entry by nobody (dated at the close date) and a `topic.auto_close` audit row. Readers never
 * wait for it (effectivePhase already shows the topic closed); it runs from the scheduler (lib/scheduler.ts)
 * every minute, and first thing in any use case that writes on a topic past its close date.
 *
 * Idempotent, and safe with several server processes on one database: the change is conditional on the
 * row still being open, inside a write transaction, so however many run at once, one of them closes it.
 */
export function closeIfExpired(tx: Tx, topicId: number, now: Date): boolean {
  const nowIso = now.toISOString();
  const closed = tx
    .update(topics)
    .set({ phase: 'deliberation', updatedAt: nowIso })
    .where(and(eq(topics.id, topicId), eq(topics.phase, 'open'), lte(topics.closesAt, nowIso)))
    .returning({ closesAt: topics.closesAt })
    .get();
  if (!closed) return false;
  tx.insert(topicPhaseChanges).values({ topicId, actorId: null, fromPhase: 'open', toPhase: 'deliberation', createdAt: closed.closesAt }).run();
  recordAudit(tx, { actorId: null, action: 'topic.auto_close', subjectType: 'topic', subjectId: topicId });
  return true;
}

/** Is this topic open past its close date, not yet closed by the scheduler? (Checked before taking a write lock.) */
export function awaitsClose(topic: { phase: Phase; closesAt: string }, now: Date): boolean {
  return topic.phase === 'open' && topic.closesAt <= now.toISOString();
}

/** One topic, before a write on it: closed first if its close date has passed (its own small transaction). */
export function closeTopicIfExpired(db: Db, topic: { id: number; phase: Phase; closesAt: string }, now: Date): boolean {
  if (!awaitsClose(topic, now)) return false;
  return db.transaction((tx) => closeIfExpired(tx, topic.id, now), { behavior: 'immediate' });
}

/** Every open topic past its close date (the scheduler's job): how many it closed. */
export function closeExpiredTopics(db: Db, now = new Date()): number {
  const nowIso = now.toISOString();
  // Most rounds find nothing: one indexed read, no write lock.
  const due = db.select({ id: topics.id }).from(topics).where(and(eq(topics.phase, 'open'), lte(topics.closesAt, nowIso))).limit(1).get();
  if (!due) return 0;
  return db.transaction(
    (tx) => {
      const rows = tx.select({ id: topics.id }).from(topics).where(and(eq(topics.phase, 'open'), lte(topics.closesAt, nowIso))).all();
      return rows.filter((t) => closeIfExpired(tx, t.id, now)).length;
    },
    { behavior: 'immediate' },
  );
}

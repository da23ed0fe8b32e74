import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projects } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { moveStatus, openCollection } from './collection';

let lastSweep = 0;

/**
 * The system's part of the life cycle, run lazily by the pages (like closeExpiredTopics):
 * a collection past its end without reaching the threshold expires (and stays visible), and a held
 * project released by moderation starts collecting. Readers never wait for it: effectiveStatus()
 * already treats an overdue collection as expired.
 */
export function sweepProjects(db: Db, now = new Date(), { force = false } = {}): number {
  if (!force && now.getTime() - lastSweep < 60_000) return 0;
  lastSweep = now.getTime();
  const nowIso = now.toISOString();
  return db.transaction((tx) => {
    const due = tx
      .select({ id: projects.id, collectionEndsAt: projects.collectionEndsAt })
      .from(projects)
      .where(and(eq(projects.status, 'collecting'), lte(projects.collectionEndsAt, nowIso)))
      .all();
    for (const p of due) {
      moveStatus(tx, p, 'collecting', 'expired', null, new Date(p.collectionEndsAt!));
      recordAudit(tx, { actorId: null, action: 'project.expire', subjectType: 'project', subjectId: p.id });
    }
    const released = tx
      .select({ id: projects.id, communeId: projects.communeId })
      .from(projects)
      .where(and(eq(projects.status, 'submitted'), eq(projects.visibility, 'visible')))
      .all();
    for (const p of released) openCollection(tx, p, now);
    return due.length + released.length;
  }, { behavior: 'immediate' });
}

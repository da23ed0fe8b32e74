import { and, eq, lte, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projects } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { moveStatus, openCollection } from './collection';

/**
 * The system's part of the life cycle, run by the scheduler every minute (lib/scheduler.ts) and before a
 * write on a project whose collection is over: a collection past its end without reaching the threshold
 * expires (and stays visible), and a held project released by moderation starts collecting. Readers never
 * wait for it: effectiveStatus() already treats an overdue collection as expired. Idempotent, and safe
 * with several server processes: it reads and writes in one immediate transaction.
 */
export function sweepProjects(db: Db, now = new Date()): number {
  const nowIso = now.toISOString();
  // Most rounds find nothing: one read, no write lock.
  const any = db
    .select({ id: projects.id })
    .from(projects)
    .where(or(and(eq(projects.status, 'collecting'), lte(projects.collectionEndsAt, nowIso)), and(eq(projects.status, 'submitted'), eq(projects.visibility, 'visible'))))
    .limit(1)
    .get();
  if (!any) return 0;
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

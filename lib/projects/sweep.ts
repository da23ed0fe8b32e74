import { and, eq, lte, or } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { projects, type Project } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { moveStatus, openCollection } from './collection';
import { findProject } from './load';

type Sweepable = Pick<Project, 'id' | 'communeId' | 'status' | 'visibility' | 'collectionEndsAt'>;

/**
 * The system's part of a project's life cycle that is due at `now`: a collection past its end without
 * reaching the threshold expires (and stays visible); a held project released by moderation (submitted
 * and visible) starts collecting. Readers never wait for it: effectiveStatus() already treats an
 * overdue collection as expired.
 */
function dueMove(p: Sweepable, nowIso: string): 'expire' | 'open' | null {
  if (p.status === 'collecting' && p.collectionEndsAt !== null && p.collectionEndsAt <= nowIso) return 'expire';
  if (p.status === 'submitted' && p.visibility === 'visible') return 'open';
  return null;
}

function applyMove(tx: Tx, p: Sweepable, move: 'expire' | 'open', now: Date): void {
  if (move === 'expire') {
    // The timeline says when it expired: at the end of its collection, not when this ran.
    moveStatus(tx, p, 'collecting', 'expired', null, new Date(p.collectionEndsAt!));
    recordAudit(tx, { actorId: null, action: 'project.expire', subjectType: 'project', subjectId: p.id });
  } else {
    openCollection(tx, p, now);
  }
}

/**
 * Every project's due move, run by the scheduler every minute: idempotent (a second run at the same
 * instant finds nothing due), and safe with several server processes (it reads and writes in one immediate
 * transaction). Returns how many projects moved.
 */
export function sweepProjects(db: Db, now = new Date()): number {
  const nowIso = now.toISOString();
  const dueWhere = or(
    and(eq(projects.status, 'collecting'), lte(projects.collectionEndsAt, nowIso)),
    and(eq(projects.status, 'submitted'), eq(projects.visibility, 'visible')),
  );
  // Most rounds find nothing: one read, no write lock.
  if (!db.select({ id: projects.id }).from(projects).where(dueWhere).limit(1).get()) return 0;
  return db.transaction((tx) => {
    const due = tx
      .select({ id: projects.id, communeId: projects.communeId, status: projects.status, visibility: projects.visibility, collectionEndsAt: projects.collectionEndsAt })
      .from(projects)
      .where(dueWhere)
      .all();
    let moved = 0;
    for (const p of due) {
      const move = dueMove(p, nowIso);
      if (move) {
        applyMove(tx, p, move, now);
        moved++;
      }
    }
    return moved;
  }, { behavior: 'immediate' });
}

/**
 * Before a use case acts on a project: its due move, written first (supporting a project past its
 * deadline finds it expired, supporting one just released by moderation finds it collecting). Returns
 * the project as it now stands. Nothing is written when nothing is due.
 */
export function sweepProject(db: Db, project: Project, now: Date): Project {
  if (!dueMove(project, now.toISOString())) return project;
  db.transaction((tx) => {
    // Read again inside the write lock: another request may have just written the same move.
    const current = findProject(tx, project.id);
    const move = current ? dueMove(current, now.toISOString()) : null;
    if (current && move) applyMove(tx, current, move, now);
  }, { behavior: 'immediate' });
  return findProject(db, project.id) ?? project;
}

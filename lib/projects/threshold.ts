import { and, eq, gt, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { projects, projectSupports } from '@/db/schema';
import { notify } from '@/lib/notifications/deliver';
import { moveStatus } from './collection';
import { authorIdsOf } from './load';

/**
 * Supports given before an account was verified count once it is (the counted_users_verified_au
 * trigger, migration verified_counts): the projects it supports that are still collecting and now have enough
 * supports reach their threshold here, in the transaction that verified the account.
 */
export function reachThresholdsAfterVerification(tx: Tx, userId: number, now: Date): number[] {
  const reached = tx
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(
        eq(projects.status, 'collecting'),
        isNotNull(projects.threshold),
        gte(projects.supportCount, sql`${projects.threshold}`),
        // an expired collection is expired, whatever its count (lib/projects/sweep.ts writes it)
        gt(projects.collectionEndsAt, now.toISOString()),
        inArray(projects.id, tx.select({ id: projectSupports.projectId }).from(projectSupports).where(eq(projectSupports.userId, userId))),
      ),
    )
    .all();
  for (const p of reached) {
    moveStatus(tx, p, 'collecting', 'threshold_reached', null, now, { milestone: 4 });
  }
  return reached.map((p) => p.id);
}

/** The authors of each project that has just reached its threshold hear of it (as in supportProject). */
export function announceThresholds(db: Db, projectIds: readonly number[]): void {
  for (const id of projectIds) {
    const project = db.select().from(projects).where(eq(projects.id, id)).get();
    if (project) notify(db, { kind: 'project.threshold', recipientIds: authorIdsOf(db, project), actorId: null, projectId: id });
  }
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { overCap } from '@/lib/rate-limit';
import { projectSupports, projects, type NotificationKind } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Failure, type Result } from '@/lib/errors';
import { notify } from '@/lib/notifications/deliver';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { moveStatus } from './collection';
import { authorIdsOf, findProject, projectSubject } from './load';
import { supportProjectSchema } from './schemas';
import { quarterReached } from './status';
import { sweepProject } from './sweep';

/** What the authors hear when their project crosses a quarter of its threshold. */
const MILESTONE_KIND: Record<number, NotificationKind> = {
  1: 'project.supports25',
  2: 'project.supports50',
  3: 'project.supports75',
  4: 'project.threshold',
};

export type SupportOutcome = { projectId: number; supported: boolean; changed: boolean; thresholdReached: boolean };

/**
 * One support per person, while the project collects. The primary key (project_id, user_id) is the
 * guarantee; the count follows the rows (a trigger), and the milestones and the move to "threshold
 * reached" happen in the same immediate transaction, so concurrent supports reach the threshold exactly once.
 */
export function supportProject(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<SupportOutcome> {
  const parsed = parse(supportProjectSchema, input);
  if (!parsed.ok) return parsed;
  const found = findProject(db, parsed.data.projectId);
  if (!found || found.status === 'draft' || found.visibility !== 'visible') return notFound();
  const project = sweepProject(db, found, now);
  const add = parsed.data.intent === 'add';
  if (!can(actor, add ? 'project.support' : 'project.unsupport', projectSubject(db, project, now))) return forbidden();

  const outcome = db.transaction((tx) => {
    // Read again inside the write lock: another support may have just closed the collection.
    const current = tx.select({ status: projects.status }).from(projects).where(eq(projects.id, project.id)).get();
    if (current?.status !== 'collecting') return { closed: true as const };
    // The hourly cap counts supports actually given (clicking again on a supported project is free),
    // inside this write lock so that concurrent clicks are counted once.
    if (add) {
      const already = tx.select({ u: projectSupports.userId }).from(projectSupports).where(and(eq(projectSupports.projectId, project.id), eq(projectSupports.userId, actor!.id))).get();
      const capped = already ? null : overCap(db, 'projectSupportPerAccount', actor!.id, now);
      if (capped) return { capped: capped as Failure };
    }
    const changes = add
      ? tx.insert(projectSupports).values({ projectId: project.id, userId: actor!.id, createdAt: now.toISOString() }).onConflictDoNothing().run().changes
      : tx
          .delete(projectSupports)
          .where(and(eq(projectSupports.projectId, project.id), eq(projectSupports.userId, actor!.id)))
          .run().changes;
    if (!changes) return { changed: false, quarter: 0, reached: false };
    // support_count follows the rows of verified accounts (the triggers of migration verified_accounts): read it after the write.
    const row = tx
      .select({ supportCount: projects.supportCount, milestone: projects.milestone, threshold: projects.threshold })
      .from(projects)
      .where(eq(projects.id, project.id))
      .get()!;
    let quarter = 0;
    let reached = false;
    if (add && row.threshold) {
      // Each milestone is announced once, even if supports are withdrawn and given again.
      const q = quarterReached(row.supportCount, row.threshold);
      if (q > row.milestone) {
        quarter = q;
        tx.update(projects).set({ milestone: q }).where(eq(projects.id, project.id)).run();
      }
      if (row.supportCount >= row.threshold) {
        moveStatus(tx, project, 'collecting', 'threshold_reached', null, now);
        reached = true;
      }
    }
    recordAudit(tx, { actorId: actor!.id, action: add ? 'project.support' : 'project.unsupport', subjectType: 'project', subjectId: project.id });
    return { changed: true, quarter, reached };
  }, { behavior: 'immediate' });

  if ('closed' in outcome) return { ok: false, error: 'rejected', reason: 'projectNotCollecting' };
  if ('capped' in outcome && outcome.capped) return outcome.capped;
  if (outcome.quarter > 0) {
    notify(db, { kind: MILESTONE_KIND[outcome.quarter]!, recipientIds: authorIdsOf(db, project), actorId: null, projectId: project.id });
  }
  return ok({ projectId: project.id, supported: add, changed: outcome.changed, thresholdReached: outcome.reached });
}

import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projectUpdates, projects } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { screen } from '@/lib/moderation/screen';
import { notify } from '@/lib/notifications/deliver';
import { can, isTrusted, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { supporterIdsOf } from './answer-project';
import { moveStatus } from './collection';
import { authorIdsOf, findProject, projectSubject } from './load';
import { progressUpdateSchema } from './schemas';
import { sweepProject } from './sweep';

/**
 * An official reports progress on an accepted project: the public implementation timeline. The first
 * update moves the project to "in progress". Supporters and authors are notified of each one.
 */
export function postProgressUpdate(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ projectId: number; updateId: number }> {
  const parsed = parse(progressUpdateSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const found = findProject(db, v.projectId);
  if (!found || found.status === 'draft') return notFound();
  const project = sweepProject(db, found, now);
  const subject = projectSubject(db, project, now);
  if (!can(actor, 'project.postProgress', subject)) return forbidden();
  const verdict = screen(db, { kind: 'update', communeId: project.communeId, authorId: actor!.id, text: v.body, trusted: isTrusted(actor), now });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  const updateId = db.transaction((tx) => {
    const row = tx
      .insert(projectUpdates)
      .values({ projectId: project.id, authorId: actor!.id, body: v.body, percent: v.percent, happenedOn: v.happenedOn, amountSpent: v.amountSpent ?? null, createdAt: now.toISOString() })
      .returning({ id: projectUpdates.id })
      .get();
    tx.update(projects).set({ progressPercent: v.percent, updatedAt: now.toISOString() }).where(eq(projects.id, project.id)).run();
    if (subject.status === 'accepted') moveStatus(tx, project, 'accepted', 'in_progress', actor!.id, now);
    recordAudit(tx, { actorId: actor!.id, action: 'project.progress', subjectType: 'project', subjectId: project.id, details: { updateId: row.id, percent: v.percent } });
    return row.id;
  }, { behavior: 'immediate' });

  notify(db, { kind: 'project.progress', recipientIds: [...supporterIdsOf(db, project.id), ...authorIdsOf(db, project)], actorId: actor!.id, projectId: project.id });
  return ok({ projectId: project.id, updateId });
}

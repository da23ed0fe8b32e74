import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { moveStatus } from './collection';
import { findProject, projectSubject } from './load';
import { projectIdSchema } from './schemas';
import { sweepProject } from './sweep';

/** Its authors withdraw a project while it collects supports. It stays visible, marked withdrawn. */
export function withdrawProject(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ projectId: number }> {
  const parsed = parse(projectIdSchema, input);
  if (!parsed.ok) return parsed;
  const found = findProject(db, parsed.data.projectId);
  if (!found) return notFound();
  // A collection past its end has expired: it is written first, and there is nothing left to withdraw.
  const project = sweepProject(db, found, now);
  if (!can(actor, 'project.withdraw', projectSubject(db, project, now))) return forbidden();
  db.transaction((tx) => {
    moveStatus(tx, project, 'collecting', 'withdrawn', actor!.id, now);
    recordAudit(tx, { actorId: actor!.id, action: 'project.withdraw', subjectType: 'project', subjectId: project.id });
  }, { behavior: 'immediate' });
  return ok({ projectId: project.id });
}

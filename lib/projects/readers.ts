import type { Db } from '@/db/client';
import type { Project } from '@/db/schema';
import { can, type Actor } from '@/lib/permissions';
import { invitedIdsOf, projectSubject } from './load';

/** Whether this reader may see the project: public ones, drafts to their authors and invitees, held ones to moderators and officials. */
export function mayViewProject(db: Db, actor: Actor | null, project: Project, now = new Date()): boolean {
  return can(actor, 'project.view', { ...projectSubject(db, project, now), visibility: project.visibility, invitedIds: invitedIdsOf(db, project.id) });
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projectCoProposers, projects, type Project } from '@/db/schema';
import type { ProjectSubject } from '@/lib/permissions';
import { effectiveStatus } from './status';

type Reader = Pick<Db, 'select'>;

export function findProject(db: Reader, id: number): Project | undefined {
  return db.select().from(projects).where(eq(projects.id, id)).get();
}

/** The proposer and the co-proposers who accepted. */
export function authorIdsOf(db: Reader, project: { id: number; authorId: number }): number[] {
  const co = db
    .select({ id: projectCoProposers.userId })
    .from(projectCoProposers)
    .where(and(eq(projectCoProposers.projectId, project.id), eq(projectCoProposers.status, 'accepted')))
    .all();
  return [project.authorId, ...co.map((r) => r.id)];
}

export function invitedIdsOf(db: Reader, projectId: number): number[] {
  return db
    .select({ id: projectCoProposers.userId })
    .from(projectCoProposers)
    .where(and(eq(projectCoProposers.projectId, projectId), eq(projectCoProposers.status, 'invited')))
    .all()
    .map((r) => r.id);
}

/** What lib/permissions needs to decide about a project. */
export function projectSubject(db: Reader, project: Project, now = new Date()): ProjectSubject {
  return { communeId: project.communeId, status: effectiveStatus(project, now), proposerId: project.authorId, authorIds: authorIdsOf(db, project) };
}

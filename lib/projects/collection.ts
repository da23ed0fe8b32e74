import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { projectStatusChanges, projects, type Project, type ProjectStatus } from '@/db/schema';
import { projectSettingsFor } from './settings';


/** Writes a status move and its public timeline entry (actorId null = the system). */
export function moveStatus(
  tx: Tx,
  project: Pick<Project, 'id'>,
  from: ProjectStatus | null,
  to: ProjectStatus,
  actorId: number | null,
  now: Date,
  extra: Partial<typeof projects.$inferInsert> = {},
  note: string | null = null,
): void {
  tx.update(projects).set({ status: to, updatedAt: now.toISOString(), ...extra }).where(eq(projects.id, project.id)).run();
  tx.insert(projectStatusChanges).values({ projectId: project.id, actorId, fromStatus: from, toStatus: to, note, createdAt: now.toISOString() }).run();
}

/**
 * A submitted, visible project starts collecting supports. The commune's threshold and window are
 * fixed on the project now, so a later change of settings never moves its goal.
 */
export function openCollection(tx: Tx, project: Pick<Project, 'id' | 'communeId'>, now: Date): void {
  const settings = projectSettingsFor(tx, project.communeId);
  const endsAt = new Date(now.getTime() + settings.collectionDays * 86_400_000).toISOString();
  moveStatus(tx, project, 'submitted', 'collecting', null, now, { threshold: settings.supportThreshold, collectionEndsAt: endsAt });
}

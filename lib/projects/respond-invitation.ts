import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projectCoProposers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { respondInvitationSchema } from './schemas';

/** An invited person accepts (and becomes a co-proposer, shown on the project) or declines. */
export function respondToInvitation(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ projectId: number; accepted: boolean }> {
  const parsed = parse(respondInvitationSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!actor) return forbidden();
  const row = db
    .select()
    .from(projectCoProposers)
    .where(and(eq(projectCoProposers.projectId, v.projectId), eq(projectCoProposers.userId, actor.id)))
    .get();
  if (!row) return notFound();
  if (!can(actor, 'project.respondInvitation', { invitedUserId: row.userId, invitation: row.status })) return forbidden();
  const accepted = v.response === 'accept';
  db.transaction((tx) => {
    tx.update(projectCoProposers)
      .set({ status: accepted ? 'accepted' : 'declined', respondedAt: now.toISOString() })
      .where(and(eq(projectCoProposers.projectId, v.projectId), eq(projectCoProposers.userId, actor.id)))
      .run();
    recordAudit(tx, { actorId: actor.id, action: accepted ? 'project.coproposer_accept' : 'project.coproposer_decline', subjectType: 'project', subjectId: v.projectId });
  });
  return ok({ projectId: v.projectId, accepted });
}

import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { assistedContributions, comments, type AssistedKind } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { deleteComment } from '@/lib/comments/delete-comment';
import { supportComment } from '@/lib/comments/support-comment';
import { forbidden, notFound, ok, type Failure, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { findProject } from '@/lib/projects/load';
import { supportProject } from '@/lib/projects/support-project';
import { withdrawProject } from '@/lib/projects/withdraw-project';
import { parse } from '@/lib/validation';
import { withdrawVote } from '@/lib/votes/withdraw-vote';
import { Refused } from './contribute';
import { withdrawAssistedSchema } from './schemas';

export type Withdrawn = { assistedId: number; kind: AssistedKind; topicId: number | null; projectId: number | null };

type Undone = { topicId: number | null; projectId: number | null };

/** When the contribution can no longer be taken back (the consultation closed, the project moved on). */
const TOO_LATE: Record<AssistedKind, string> = {
  comment: 'withdrawCommentNotAllowed',
  vote: 'withdrawVoteClosed',
  comment_support: 'withdrawSupportClosed',
  project_support: 'withdrawProjectSupportClosed',
  project: 'withdrawProjectNotAllowed',
};

const commentPlace = (db: Db, commentId: number) =>
  db.select({ topicId: comments.topicId, projectId: comments.projectId, deletedAt: comments.deletedAt }).from(comments).where(eq(comments.id, commentId)).get();

/** Each kind is taken back through the participant's own use case, exactly as if they did it themselves. */
const UNDO: Record<AssistedKind, (db: Db, participant: Actor, subjectId: number, now: Date) => Result<Undone>> = {
  comment(db, participant, commentId, now) {
    const c = commentPlace(db, commentId);
    if (!c) return notFound();
    // Already deleted by its author: nothing left to take back.
    if (!c.deletedAt) {
      const r = deleteComment(db, participant, { commentId: String(commentId) }, now);
      if (!r.ok) return r;
    }
    return ok({ topicId: c.topicId, projectId: c.projectId });
  },
  vote(db, participant, topicId, now) {
    const r = withdrawVote(db, participant, { topicId: String(topicId) }, now);
    return r.ok ? ok({ topicId, projectId: null }) : r;
  },
  comment_support(db, participant, commentId, now) {
    const c = commentPlace(db, commentId);
    if (!c) return notFound();
    const r = supportComment(db, participant, { commentId: String(commentId), intent: 'remove' }, now);
    return r.ok ? ok({ topicId: c.topicId, projectId: c.projectId }) : r;
  },
  project_support(db, participant, projectId, now) {
    const r = supportProject(db, participant, { projectId: String(projectId), intent: 'remove' }, now);
    return r.ok ? ok({ topicId: null, projectId }) : r;
  },
  project(db, participant, projectId, now) {
    const project = findProject(db, projectId);
    if (!project) return notFound();
    // Withdrawn already (by the participant on the project page): nothing left to take back.
    if (project.status !== 'withdrawn') {
      const r = withdrawProject(db, participant, { projectId: String(projectId) }, now);
      if (!r.ok) return r;
    }
    return ok({ topicId: null, projectId });
  },
};

/**
 * The participant takes back something a facilitator entered in their name: a comment is deleted
 * (its text kept, as for any author), a vote or a support removed, a project withdrawn, following each
 * feature's own rules. Only the participant may do it. The row is kept, marked withdrawn.
 */
export function withdrawAssisted(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<Withdrawn> {
  const parsed = parse(withdrawAssistedSchema, input);
  if (!parsed.ok) return parsed;
  const row = db.select().from(assistedContributions).where(eq(assistedContributions.id, parsed.data.assistedId)).get();
  if (!row) return notFound();
  if (!can(actor, 'assisted.withdraw', { participantId: row.participantId, withdrawn: !!row.withdrawnAt })) return forbidden();
  try {
    const undone = db.transaction((tx) => {
      const r = UNDO[row.kind](db, actor!, row.subjectId, now);
      if (!r.ok) {
        const failure: Failure = r.error === 'invalid' ? r : { ok: false, error: 'rejected', reason: TOO_LATE[row.kind] };
        throw new Refused(failure);
      }
      tx.update(assistedContributions).set({ withdrawnAt: now.toISOString() }).where(eq(assistedContributions.id, row.id)).run();
      recordAudit(tx, {
        actorId: actor!.id,
        action: 'assisted.withdraw',
        subjectType: 'assisted_contribution',
        subjectId: row.id,
        details: { kind: row.kind, subjectId: row.subjectId, facilitatorId: row.facilitatorId, spaceId: row.spaceId },
      });
      return r.value;
    }, { behavior: 'immediate' });
    return ok({ assistedId: row.id, kind: row.kind, ...undone });
  } catch (e) {
    if (e instanceof Refused) return e.failure;
    throw e;
  }
}

import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projectSupports } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { notify } from '@/lib/notifications/deliver';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { moveStatus } from './collection';
import { authorIdsOf, findProject, projectSubject } from './load';
import { answerProjectSchema } from './schemas';
import { canAnswerMove } from './status';
import { sweepProject } from './sweep';

const ANSWER_MIN = 10;
/** A refusal must say why, in public. */
const REJECTION_MIN = 20;

/**
 * An official of the project's commune (or an admin) answers: under review, accepted, rejected, then
 * in progress and completed. The answer text is public and everyone involved is notified.
 */
export function answerProject(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ projectId: number }> {
  const parsed = parse(answerProjectSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const found = findProject(db, v.projectId);
  if (!found || found.status === 'draft') return notFound();
  const project = sweepProject(db, found, now);
  const subject = projectSubject(db, project, now);
  if (!can(actor, 'project.answer', subject)) return forbidden();
  if (!canAnswerMove(subject.status, v.status)) return invalid({ status: 'statusNotAllowed' });
  const text = v.answer ?? '';
  if (v.status === 'rejected' && text.length < REJECTION_MIN) return invalid({ answer: 'rejectionReasonRequired' });
  if ((v.status === 'accepted' || v.status === 'under_review') && text.length < ANSWER_MIN) return invalid({ answer: 'answerRequired' });

  db.transaction((tx) => {
    const extra = text ? { answer: text, answeredAt: now.toISOString(), answeredBy: actor!.id } : {};
    moveStatus(tx, project, subject.status, v.status, actor!.id, now, extra, text || null);
    recordAudit(tx, { actorId: actor!.id, action: 'project.answer', subjectType: 'project', subjectId: project.id, details: { from: subject.status, to: v.status } });
  }, { behavior: 'immediate' });

  notify(db, { kind: 'project.answered', recipientIds: [...authorIdsOf(db, project), ...supporterIdsOf(db, project.id)], actorId: actor!.id, projectId: project.id });
  return ok({ projectId: project.id });
}

export function supporterIdsOf(db: Pick<Db, 'select'>, projectId: number): number[] {
  return db.select({ id: projectSupports.userId }).from(projectSupports).where(eq(projectSupports.projectId, projectId)).all().map((r) => r.id);
}

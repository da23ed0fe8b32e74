import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { screenSubmission } from '@/lib/moderation/pipeline';
import { hasVoiceDescription } from './voice-description';
import { can, isTrusted, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findProject, projectSubject } from './load';
import { projectText, submitInTx, type SavedProject } from './save-project';
import { completenessErrors, projectIdSchema } from './schemas';

/** An author sends a finished draft: screening, then collection of supports (or review when held). */
export function submitProject(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<SavedProject> {
  const parsed = parse(projectIdSchema, input);
  if (!parsed.ok) return parsed;
  const project = findProject(db, parsed.data.projectId);
  if (!project) return notFound();
  if (!can(actor, 'project.submit', projectSubject(db, project, now))) return forbidden();
  if (Object.keys(completenessErrors(project)).length) return { ok: false, error: 'rejected', reason: 'projectIncomplete' };
  const verdict = screenSubmission(db, { kind: 'project', communeId: project.communeId, authorId: actor!.id, text: projectText(project), trusted: isTrusted(actor), now, voice: hasVoiceDescription(db, project.id) });
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };
  db.transaction((tx) => {
    submitInTx(tx, project, verdict, actor!.id, now);
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'project.submit',
      subjectType: 'project',
      subjectId: project.id,
      details: { screening: verdict.action === 'hold' ? verdict.reason : 'publish' },
    });
  }, { behavior: 'immediate' });
  const after = findProject(db, project.id)!;
  return ok({ projectId: project.id, status: after.status, held: after.visibility === 'held' });
}

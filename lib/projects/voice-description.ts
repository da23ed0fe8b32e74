import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { media, type Project } from '@/db/schema';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { canReadMedia } from '@/lib/media/access';
import type { MediaPipeline } from '@/lib/media/pipeline';
import { recordForSubject, removeSubjectRecording } from '@/lib/media/subject-recording';
import { voicePolicyHolds } from '@/lib/moderation/pipeline';
import { can, isPublicProject, isTrusted, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';
import { findProject, projectSubject } from './load';

const projectIdSchema = z.strictObject({ projectId: idParam });

type Ctx = { db: Db; actor: Actor | null; now: Date };

/**
 * The state a project's voice description takes when recorded: while the project is a draft (or held,
 * hidden), it waits with it (the voice_triggers migration's triggers publish it with the project); on a public project,
 * the commune's voice policy decides (a newcomer's recording is held for a moderator, like a voice comment).
 */
function stateFor(db: Db, actor: Actor, project: Project): { state: 'held' | 'published'; holdReason?: string } {
  if (!isPublicProject(project)) return { state: 'held' };
  if (!isTrusted(actor) && voicePolicyHolds(db, project.communeId, actor.id)) return { state: 'held', holdReason: 'voice' };
  return { state: 'published' };
}

/**
 * A project's authors describe it by voice (issue 13 §2), while they may edit it (draft, submitted,
 * collecting). One voice description per project: a new one replaces the old.
 */
export async function recordProjectVoice(
  ctx: Ctx,
  input: Record<string, unknown>,
  options: { mediaDir: string; pipeline?: MediaPipeline },
): Promise<Result<{ projectId: number; mediaId: number; held: boolean }>> {
  const parsed = parse(projectIdSchema, { projectId: input.projectId });
  if (!parsed.ok) return parsed;
  const project = findProject(ctx.db, parsed.data.projectId);
  if (!project) return notFound();
  if (!can(ctx.actor, 'project.edit', projectSubject(ctx.db, project, ctx.now))) return forbidden();
  const r = await recordForSubject(
    ctx.db,
    ctx.actor!,
    input.file,
    {
      kind: 'project_description',
      subjectId: project.id,
      communeId: project.communeId,
      language: null,
      ...stateFor(ctx.db, ctx.actor!, project),
      audit: { action: 'project.voiceDescription', subjectType: 'project' },
    },
    { mediaDir: options.mediaDir, pipeline: options.pipeline, now: ctx.now },
  );
  return r.ok ? ok({ projectId: project.id, mediaId: r.value.mediaId, held: r.value.held }) : r;
}

/** Its authors take the voice description down (while they may edit the project). */
export function removeProjectVoice(ctx: Ctx, input: unknown, mediaDir: string): Result<{ projectId: number }> {
  const parsed = parse(projectIdSchema, input);
  if (!parsed.ok) return parsed;
  const project = findProject(ctx.db, parsed.data.projectId);
  if (!project) return notFound();
  if (!can(ctx.actor, 'project.edit', projectSubject(ctx.db, project, ctx.now))) return forbidden();
  const item = ctx.db.select().from(media).where(and(eq(media.kind, 'project_description'), eq(media.subjectId, project.id))).get();
  if (!item) return notFound();
  removeSubjectRecording(ctx.db, ctx.actor!, item, { action: 'project.voiceDescriptionRemove', subjectType: 'project' }, mediaDir, ctx.now);
  return ok({ projectId: project.id });
}

/** The project's voice description, if this reader may hear it (lib/media/access.ts decides the same for the file). */
export function projectVoiceOf(db: Pick<Db, 'select'>, projectId: number, actor: Actor | null) {
  const item = db
    .select()
    .from(media)
    .where(and(eq(media.kind, 'project_description'), eq(media.subjectId, projectId), inArray(media.state, ['published', 'held'])))
    .get();
  if (!item || !canReadMedia(actor, item)) return null;
  return { id: item.id, durationMs: item.durationMs, transcript: item.transcript, held: item.state !== 'published' };
}

/** Whether a project has a voice description (its submission then goes through the voice policy). */
export function hasVoiceDescription(db: Pick<Db, 'select'>, projectId: number): boolean {
  return !!db.select({ id: media.id }).from(media).where(and(eq(media.kind, 'project_description'), eq(media.subjectId, projectId))).get();
}

import { and, eq } from 'drizzle-orm';
import { lessons, media, type MediaItem } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { attachMedia, discardMedia, loadPendingMedia, mediaOf, removeFileIfUnreferencedSync } from '@/lib/media/attach-media';
import { ingestAudio } from '@/lib/media/ingest-audio';
import type { MediaPipeline } from '@/lib/media/pipeline';
import { can } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { courseScope, findCourse, findLesson, moderationCommuneOf, type LearnContext } from './load';
import { mediaStateFor } from './media-state';
import { choiceAudioSchema, narrationSchema, removeAudioSchema } from './schemas';

function editableLesson(ctx: LearnContext, lessonId: number) {
  const lesson = findLesson(ctx.db, lessonId);
  if (!lesson) return notFound();
  const course = findCourse(ctx.db, lesson.courseId)!;
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return forbidden();
  return ok({ lesson, course });
}

/**
 * Attaches a narration (recorded or uploaded through lib/media, kind 'lesson') to a lesson, in one language.
 * A lesson has at most one narration per language: a new one replaces the old (whose file goes if nothing
 * else uses it). Public while the lesson is, else heard by its authors' owner, moderators and admins.
 */
export function attachNarration(ctx: LearnContext, input: unknown, mediaDir: string): Result<{ lessonId: number; mediaId: number }> {
  const parsed = parse(narrationSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const found = editableLesson(ctx, v.lessonId);
  if (!found.ok) return found;
  const { lesson, course } = found.value;
  const pending = loadPendingMedia(ctx.db, ctx.actor, v.mediaId, 'lesson');
  if (!pending.ok) return pending;
  const replaced = mediaOf(ctx.db, 'lesson', lesson.id).filter((m) => m.language === v.language);
  ctx.db.transaction((tx) => {
    for (const old of replaced) tx.delete(media).where(eq(media.id, old.id)).run();
    tx.update(media).set({ language: v.language }).where(eq(media.id, v.mediaId)).run();
    // Checked pending just above, in the same synchronous run: nothing can have taken it since.
    if (!attachMedia(tx, v.mediaId, { subjectId: lesson.id, communeId: moderationCommuneOf(tx, course), state: mediaStateFor(course, lesson) })) throw new Error('recording no longer pending');
    recordAudit(tx, { actorId: ctx.actor!.id, action: 'lesson.narration', subjectType: 'lesson', subjectId: lesson.id, details: { mediaId: v.mediaId, language: v.language, replaced: replaced.map((m) => m.id) } });
  });
  for (const old of replaced) removeFileIfUnreferencedSync(ctx.db, mediaDir, old.sha256);
  return ok({ lessonId: lesson.id, mediaId: v.mediaId });
}

/** Attaches a recording of one quiz choice read aloud (kind 'quiz_choice'); the quiz names it. */
export function attachChoiceAudio(ctx: LearnContext, input: unknown, mediaDir: string): Result<{ lessonId: number; mediaId: number }> {
  const parsed = parse(choiceAudioSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const found = editableLesson(ctx, v.lessonId);
  if (!found.ok) return found;
  const { lesson, course } = found.value;
  const choice = lesson.quiz[v.question - 1]?.choices[v.choice - 1];
  if (!choice) return invalid({ choice: 'invalidChoice' });
  const pending = loadPendingMedia(ctx.db, ctx.actor, v.mediaId, 'quiz_choice');
  if (!pending.ok) return pending;
  const old = choice.audioId ? ctx.db.select().from(media).where(eq(media.id, choice.audioId)).get() : undefined;
  const quiz = lesson.quiz.map((q, i) =>
    i !== v.question - 1 ? q : { ...q, choices: q.choices.map((c, j) => (j !== v.choice - 1 ? c : { ...c, audioId: v.mediaId })) },
  );
  ctx.db.transaction((tx) => {
    if (old) tx.delete(media).where(eq(media.id, old.id)).run();
    if (!attachMedia(tx, v.mediaId, { subjectId: lesson.id, communeId: moderationCommuneOf(tx, course), state: mediaStateFor(course, lesson) })) throw new Error('recording no longer pending');
    tx.update(lessons).set({ quiz, updatedAt: ctx.now.toISOString() }).where(eq(lessons.id, lesson.id)).run();
    recordAudit(tx, { actorId: ctx.actor!.id, action: 'lesson.choiceAudio', subjectType: 'lesson', subjectId: lesson.id, details: { mediaId: v.mediaId, question: v.question, choice: v.choice } });
  });
  if (old) removeFileIfUnreferencedSync(ctx.db, mediaDir, old.sha256);
  return ok({ lessonId: lesson.id, mediaId: v.mediaId });
}

/** Removes a narration or a choice's recording from a lesson (the file goes if nothing else uses it). */
export function removeLessonAudio(ctx: LearnContext, input: unknown, mediaDir: string): Result<{ lessonId: number }> {
  const parsed = parse(removeAudioSchema, input);
  if (!parsed.ok) return parsed;
  const found = editableLesson(ctx, parsed.data.lessonId);
  if (!found.ok) return found;
  const { lesson } = found.value;
  const item: MediaItem | undefined = ctx.db.select().from(media).where(and(eq(media.id, parsed.data.mediaId), eq(media.subjectId, lesson.id))).get();
  if (!item || (item.kind !== 'lesson' && item.kind !== 'quiz_choice')) return notFound();
  const quiz = lesson.quiz.map((q) => ({ ...q, choices: q.choices.map((c) => (c.audioId === item.id ? { text: c.text, correct: c.correct } : c)) }));
  ctx.db.transaction((tx) => {
    tx.delete(media).where(eq(media.id, item.id)).run();
    if (item.kind === 'quiz_choice') tx.update(lessons).set({ quiz }).where(eq(lessons.id, lesson.id)).run();
    recordAudit(tx, { actorId: ctx.actor!.id, action: 'lesson.removeAudio', subjectType: 'lesson', subjectId: lesson.id, details: { mediaId: item.id, kind: item.kind } });
  });
  removeFileIfUnreferencedSync(ctx.db, mediaDir, item.sha256);
  return ok({ lessonId: lesson.id });
}

/**
 * The whole of "record a narration": checks the lesson is the author's to write before any work, takes the
 * upload through the media pipeline (kind 'lesson', in the chosen language, moderated where the course is),
 * then attaches it. If attaching fails, the recording is thrown away.
 */
export async function addNarration(
  ctx: LearnContext,
  input: Record<string, unknown>,
  mediaDir: string,
  pipeline?: MediaPipeline,
): Promise<Result<{ lessonId: number; mediaId: number }>> {
  const pre = parse(narrationSchema.omit({ mediaId: true }), { lessonId: input.lessonId, language: input.language });
  if (!pre.ok) return pre;
  const found = editableLesson(ctx, pre.data.lessonId);
  if (!found.ok) return found;
  const uploaded = await ingestAudio(ctx.db, ctx.actor, { file: input.file as Blob, kind: 'lesson', language: pre.data.language, communeId: moderationCommuneOf(ctx.db, found.value.course) }, pipeline);
  if (!uploaded.ok) return uploaded;
  const attached = attachNarration(ctx, { lessonId: pre.data.lessonId, mediaId: uploaded.value.id, language: pre.data.language }, mediaDir);
  if (!attached.ok) discardMedia(ctx.db, ctx.actor, uploaded.value.id, mediaDir);
  return attached;
}

/** The same for one quiz choice read aloud (kind 'quiz_choice'). */
export async function addChoiceAudio(
  ctx: LearnContext,
  input: Record<string, unknown>,
  mediaDir: string,
  pipeline?: MediaPipeline,
): Promise<Result<{ lessonId: number; mediaId: number }>> {
  const pre = parse(choiceAudioSchema.omit({ mediaId: true }), { lessonId: input.lessonId, question: input.question, choice: input.choice });
  if (!pre.ok) return pre;
  const found = editableLesson(ctx, pre.data.lessonId);
  if (!found.ok) return found;
  if (!found.value.lesson.quiz[pre.data.question - 1]?.choices[pre.data.choice - 1]) return invalid({ choice: 'invalidChoice' });
  const uploaded = await ingestAudio(ctx.db, ctx.actor, { file: input.file as Blob, kind: 'quiz_choice', language: found.value.course.language, communeId: moderationCommuneOf(ctx.db, found.value.course) }, pipeline);
  if (!uploaded.ok) return uploaded;
  const attached = attachChoiceAudio(ctx, { ...pre.data, mediaId: uploaded.value.id }, mediaDir);
  if (!attached.ok) discardMedia(ctx.db, ctx.actor, uploaded.value.id, mediaDir);
  return attached;
}

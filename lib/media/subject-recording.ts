import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { media, moderations, type MediaKind, type PreferredLanguage } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ok, type Result } from '@/lib/errors';
import { openHeldItem } from '@/lib/moderation/pipeline';
import type { Actor } from '@/lib/permissions';
import { attachMedia, discardMedia, mediaOf, removeFileIfUnreferencedSync } from './attach-media';
import { ingestAudio } from './ingest-audio';
import type { MediaPipeline } from './pipeline';

/**
 * Where a recording that belongs to a subject goes (a topic's spoken summary in one language, a project's
 * voice description, a meeting's recorded minutes): one per subject, kind and language, a new one replacing
 * the old. `state`: public at once, or held ('held' with `holdReason`: a moderation item is opened; without
 * it, it waits for its subject to become public, the voice_triggers migration).
 */
export type RecordingTarget = {
  kind: MediaKind;
  subjectId: number;
  communeId: number;
  language: PreferredLanguage | null;
  state: 'held' | 'published';
  holdReason?: string;
  audit: { action: string; subjectType: string };
};

/**
 * Takes the upload through the media pipeline (judged by content, transcoded, stored), then, in one
 * transaction, retires the recording it replaces and attaches the new one with its audit row. The caller
 * has checked everything else first (the subject, the permission), so nothing is transcoded for nothing.
 * A refused upload leaves no file and no row (lib/media/ingest-audio.ts).
 */
export async function recordForSubject(
  db: Db,
  actor: Actor,
  file: unknown,
  target: RecordingTarget,
  options: { mediaDir: string; pipeline?: MediaPipeline; now?: Date },
): Promise<Result<{ mediaId: number; held: boolean; replaced: number[] }>> {
  const uploaded = await ingestAudio(db, actor, { file: file as Blob, kind: target.kind, language: target.language ?? undefined, communeId: target.communeId }, options.pipeline);
  if (!uploaded.ok) return uploaded;
  const mediaId = uploaded.value.id;
  const now = (options.now ?? new Date()).toISOString();
  const replaced = mediaOf(db, target.kind, target.subjectId).filter((m) => m.id !== mediaId && (target.language === null || m.language === target.language));
  try {
    db.transaction((tx) => {
      for (const old of replaced) {
        tx.delete(media).where(eq(media.id, old.id)).run();
        // A replaced recording still awaiting a decision leaves the queue: there is nothing left to judge.
        tx.update(moderations)
          .set({ decidedAt: now, outcome: 'dismissed', state: 'visible' })
          .where(and(eq(moderations.contentType, 'recording'), eq(moderations.contentId, old.id), isNull(moderations.decidedAt)))
          .run();
      }
      if (!attachMedia(tx, mediaId, { subjectId: target.subjectId, communeId: target.communeId, state: target.state })) throw new Error('recording no longer pending');
      if (target.state === 'held' && target.holdReason) {
        openHeldItem(tx, { contentType: 'recording', contentId: mediaId, communeId: target.communeId, authorId: actor.id, reason: target.holdReason });
      }
      recordAudit(tx, {
        actorId: actor.id,
        action: target.audit.action,
        subjectType: target.audit.subjectType,
        subjectId: target.subjectId,
        details: { mediaId, kind: target.kind, language: target.language, state: target.state, replaced: replaced.map((m) => m.id) },
      });
    });
  } catch (e) {
    discardMedia(db, actor, mediaId, options.mediaDir);
    throw e;
  }
  for (const old of replaced) removeFileIfUnreferencedSync(db, options.mediaDir, old.sha256);
  return ok({ mediaId, held: target.state === 'held' && !!target.holdReason, replaced: replaced.map((m) => m.id) });
}

/** Removes a subject's recording (its file goes if nothing else uses it), with its audit row. */
export function removeSubjectRecording(db: Db, actor: Actor, item: { id: number; sha256: string; subjectId: number | null }, audit: { action: string; subjectType: string }, mediaDir: string, now = new Date()): void {
  db.transaction((tx) => {
    tx.delete(media).where(eq(media.id, item.id)).run();
    tx.update(moderations)
      .set({ decidedAt: now.toISOString(), outcome: 'dismissed', state: 'visible' })
      .where(and(eq(moderations.contentType, 'recording'), eq(moderations.contentId, item.id), isNull(moderations.decidedAt)))
      .run();
    recordAudit(tx, { actorId: actor.id, action: audit.action, subjectType: audit.subjectType, subjectId: item.subjectId ?? 0, details: { mediaId: item.id } });
  });
  removeFileIfUnreferencedSync(db, mediaDir, item.sha256);
}

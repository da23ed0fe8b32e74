import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { media, type MediaItem, type MediaKind, type MediaState } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { mediaFilePath } from './store';
import fs from 'node:fs';


/**
 * For a feature's use case, before its transaction: the actor's own pending recording of this kind, as
 * returned by ingestAudio (the form sends its id back). Not found, not theirs, already used or of
 * another kind: refused.
 */
export function loadPendingMedia(db: Db, actor: Actor | null, mediaId: number, kind: MediaKind): Result<MediaItem> {
  if (!Number.isInteger(mediaId) || mediaId <= 0) return notFound();
  const item = db.select().from(media).where(eq(media.id, mediaId)).get();
  if (!item) return notFound();
  if (!actor || item.ownerId !== actor.id) return forbidden();
  if (item.state !== 'pending' || item.kind !== kind) return invalid({ audio: 'audioAlreadyUsed' });
  return ok(item);
}

/**
 * Inside the feature's transaction: the pending recording now belongs to `subjectId` (the comment, project,
 * topic, meeting or lesson just written), in its commune, held for review or published as the screening
 * decided. Returns false (and changes nothing) if it is no longer pending: the caller rolls back.
 */
export function attachMedia(
  tx: Tx,
  mediaId: number,
  target: { subjectId: number; communeId: number; state: Extract<MediaState, 'held' | 'published'> },
): boolean {
  const r = tx
    .update(media)
    .set({ subjectId: target.subjectId, communeId: target.communeId, state: target.state, updatedAt: new Date().toISOString() })
    .where(and(eq(media.id, mediaId), eq(media.state, 'pending')))
    .run();
  return r.changes === 1;
}

/**
 * Inside a moderation (or hiding, or restoring) transaction: a recording follows its subject. Only
 * attached recordings move between held, published and rejected.
 */
export function setMediaState(tx: Tx, mediaId: number, state: Exclude<MediaState, 'pending'>): boolean {
  const r = tx
    .update(media)
    .set({ state, updatedAt: new Date().toISOString() })
    .where(and(eq(media.id, mediaId), sql`${media.state} <> 'pending'`))
    .run();
  return r.changes === 1;
}

/** Recordings attached to a subject (e.g. every summary of a topic), oldest first. */
export function mediaOf(db: Db, kind: MediaKind, subjectId: number): MediaItem[] {
  return db.select().from(media).where(and(eq(media.kind, kind), eq(media.subjectId, subjectId))).orderBy(media.id).all();
}

/**
 * Removes the file of `sha256` if no row refers to it any more. Call right after the rows' deletion
 * committed, in the same synchronous run (nothing may store the same content in between).
 */
export function removeFileIfUnreferencedSync(db: Db, dir: string, sha256: string): boolean {
  const used = db.select({ id: media.id }).from(media).where(eq(media.sha256, sha256)).limit(1).get();
  if (used) return false;
  fs.rmSync(mediaFilePath(dir, sha256), { force: true });
  return true;
}

/** Its owner throws away a pending recording ("record again"): the row goes, and the file if nothing else uses it. */
export function discardMedia(db: Db, actor: Actor | null, mediaId: number, dir: string): Result<{ id: number }> {
  const item = db.select().from(media).where(eq(media.id, mediaId)).get();
  if (!item) return notFound();
  if (!actor || item.ownerId !== actor.id) return forbidden();
  if (item.state !== 'pending') return invalid({ audio: 'audioAlreadyUsed' });
  db.transaction((tx) => {
    tx.delete(media).where(eq(media.id, item.id)).run();
    recordAudit(tx, { actorId: actor.id, action: 'media.discard', subjectType: 'media', subjectId: item.id });
  });
  removeFileIfUnreferencedSync(db, dir, item.sha256);
  return ok({ id: item.id });
}

import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { media, type MediaItem } from '@/db/schema';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';

/** Public: anyone may hear it, and shared caches may keep it. */
export const isPublicMedia = (item: Pick<MediaItem, 'state'>) => item.state === 'published';

/** May this person hear this recording? (lib/permissions.ts 'media.read') */
export function canReadMedia(actor: Actor | null, item: Pick<MediaItem, 'ownerId' | 'communeId' | 'state'>): boolean {
  return can(actor, 'media.read', { ownerId: item.ownerId, communeId: item.communeId, state: item.state });
}

/**
 * The recording behind /media/<id>.webm, if this person may hear it. The actor is asked for only when
 * the recording is not public, so a published one is served without reading the session.
 */
export async function loadReadableMedia(db: Db, id: number, getActor: () => Promise<Actor | null>): Promise<Result<MediaItem>> {
  if (!Number.isSafeInteger(id) || id <= 0) return notFound();
  const item = db.select().from(media).where(eq(media.id, id)).get();
  if (!item) return notFound();
  if (isPublicMedia(item)) return ok(item);
  return canReadMedia(await getActor(), item) ? ok(item) : forbidden();
}

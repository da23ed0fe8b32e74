import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, media, projects, topics, type MediaItem } from '@/db/schema';
import { publicProjectSql } from '@/lib/projects/visibility';
import { publicTopicSql } from '@/lib/topics/visibility';
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
  const found = db.select().from(media).where(eq(media.id, id)).get();
  if (!found) return notFound();
  const item = withSubject(db, found);
  if (isPublicMedia(item)) return ok(item);
  return canReadMedia(await getActor(), item) ? ok(item) : forbidden();
}

/**
 * A voice comment's recording is published while its comment is (a trigger, migration 0022), but a topic or
 * project hidden or taken back to draft leaves its comments' rows alone: their recordings are then withheld
 * ('held': their owner and the commune's moderators still hear them, nobody else, never cached), as the page
 * withholds the comments. So is a recording whose comment is gone.
 */
function withSubject(db: Db, item: MediaItem): MediaItem {
  if (item.state !== 'published' || item.kind !== 'comment') return item;
  const shown =
    item.subjectId !== null &&
    db
      .select({ id: comments.id })
      .from(comments)
      .leftJoin(topics, eq(topics.id, comments.topicId))
      .leftJoin(projects, eq(projects.id, comments.projectId))
      .where(and(eq(comments.id, item.subjectId), or(and(isNotNull(comments.topicId), publicTopicSql), and(isNotNull(comments.projectId), publicProjectSql))))
      .get() !== undefined;
  return shown ? item : { ...item, state: 'held' };
}

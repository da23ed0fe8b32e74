import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, topics } from '@/db/schema';

/** A comment with the topic fields its rules need. */
export function findCommentWithTopic(db: Db, commentId: number) {
  return db
    .select({
      comment: comments,
      topic: { id: topics.id, phase: topics.phase, closesAt: topics.closesAt, communeId: topics.communeId, visibility: topics.visibility },
    })
    .from(comments)
    .innerJoin(topics, eq(topics.id, comments.topicId))
    .where(eq(comments.id, commentId))
    .get();
}

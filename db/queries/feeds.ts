import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { communes, topics, users } from '../schema';

/** The latest public topics, of one commune or of all. */
export function feedTopics(db: Db, communeId: number | null, limit = 50) {
  return db
    .select({
      id: topics.id,
      title: topics.title,
      summary: topics.summary,
      createdAt: topics.createdAt,
      updatedAt: topics.updatedAt,
      author: users.displayName,
      commune: communes.name,
    })
    .from(topics)
    .innerJoin(users, eq(users.id, topics.authorId))
    .innerJoin(communes, eq(communes.id, topics.communeId))
    .where(and(ne(topics.phase, 'draft'), eq(topics.visibility, 'visible'), communeId ? eq(topics.communeId, communeId) : undefined))
    .orderBy(desc(topics.id))
    .limit(limit)
    .all();
}

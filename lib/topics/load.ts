import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { topics, type Topic } from '@/db/schema';

export function findTopic(db: Pick<Db, 'select'>, id: number): Topic | undefined {
  return db.select().from(topics).where(eq(topics.id, id)).get();
}

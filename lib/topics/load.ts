import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { topics, type Topic } from '@/db/schema';

export function findTopic(db: Db, id: number): Topic | undefined {
  return db.select().from(topics).where(eq(topics.id, id)).get();
}

export function isTrusted(actor: { grants: readonly { role: string }[] } | null): boolean {
  return !!actor && actor.grants.length > 0;
}

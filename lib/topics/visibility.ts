import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import { topics } from '@/db/schema';
import { communesRunBy, type Actor } from '@/lib/permissions';

/**
 * Who may read which topic, in SQL: the same rules as `can(actor, 'topic.read', …)` in lib/permissions.ts
 * (tests/integration/views/visibility.test.ts checks them against each other, for every phase, visibility
 * and kind of reader). Every list, search and feed of topics filters with these, and nothing else.
 */

/** `isPublicTopic`: out of draft, neither held nor hidden. */
export const publicTopicSql: SQL = and(ne(topics.phase, 'draft'), eq(topics.visibility, 'visible'))!;

/** What `topic.read` lets this person read: public topics, and every topic of the communes they run (undefined: all). */
export function readableTopicsSql(actor: Actor | null): SQL | undefined {
  const run = communesRunBy(actor);
  if (run === 'all') return undefined;
  return run.length === 0 ? publicTopicSql : or(publicTopicSql, inArray(topics.communeId, run));
}

import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { meetings, projects, topics } from '@/db/schema';
import { publicTopicSql } from '@/lib/topics/visibility';

export type SearchHit = {
  kind: 'topic' | 'comment' | 'project' | 'meeting';
  refId: number;
  /** where the hit is shown: a topic, or (projectId set) a citizen project */
  topicId: number | null;
  projectId: number | null;
  title: string;
  snippet: string;
};

/**
 * Turns what a person typed into a safe FTS5 query: every word becomes a quoted prefix term,
 * so punctuation, quotes or FTS operators typed by a user can never break the query.
 */
export function ftsQuery(q: string): string | null {
  const words = q
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

/** Highlight markers: private-use characters, turned into marked parts by lib/search/views.ts. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * Public topics, citizen projects, visible comments and public debates (meetings, not cancelled) matching q,
 * accent-insensitive (the index folds diacritics). The index only ever holds visible content (see migrations
 * 0002, 0004, 0017), and what it belongs to must be public (lib/topics/visibility.ts for topics), so nothing
 * held, hidden or in draft leaks. Every meeting is public (lib/meetings/views.ts).
 */
export function searchContent(db: Db, q: string, limit = 30): SearchHit[] {
  const match = ftsQuery(q);
  if (!match) return [];
  return db.all<SearchHit>(sql`
    SELECT s.kind AS kind, CAST(s.ref_id AS INTEGER) AS refId, CAST(s.topic_id AS INTEGER) AS topicId,
           CAST(s.project_id AS INTEGER) AS projectId,
           coalesce(${topics.title}, ${projects.title}, ${meetings.title}) AS title,
           snippet(search_index, 4, ${MARK_START}, ${MARK_END}, '…', 16) AS snippet
    FROM search_index s
    LEFT JOIN ${topics} ON ${topics.id} = s.topic_id
    LEFT JOIN ${projects} ON ${projects.id} = s.project_id
    LEFT JOIN ${meetings} ON s.kind = 'meeting' AND ${meetings.id} = s.ref_id
    WHERE search_index MATCH ${match}
      AND ((${topics.id} IS NOT NULL AND ${publicTopicSql})
        OR (${projects.id} IS NOT NULL AND ${projects.status} <> 'draft' AND ${projects.visibility} = 'visible')
        OR (${meetings.id} IS NOT NULL AND ${meetings.cancelledAt} IS NULL))
    ORDER BY CASE s.kind WHEN 'topic' THEN 0 WHEN 'project' THEN 1 WHEN 'meeting' THEN 2 ELSE 3 END, rank
    LIMIT ${limit}
  `);
}

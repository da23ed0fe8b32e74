import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { meetings, projects, topics } from '@/db/schema';
import { publicProjectSql } from '@/lib/projects/visibility';
import { publicTopicSql } from '@/lib/topics/visibility';

export type SearchHit = {
  kind: 'topic' | 'comment' | 'project' | 'lesson' | 'meeting';
  refId: number;
  /** where the hit is shown: a topic, or (projectId set) a citizen project */
  topicId: number | null;
  projectId: number | null;
  title: string;
  snippet: string;
  /** a lesson: where it is read, /learn/<courseSlug>/<lessonSlug> */
  courseSlug: string | null;
  lessonSlug: string | null;
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
 * Public topics, citizen projects, visible comments, lessons and public debates (meetings) matching q,
 * accent-insensitive (the index folds diacritics). The index only ever holds public content (see migration 0002,
 * the lessons' triggers and 0023_meetings_search), and what it belongs to must be public (lib/topics/visibility.ts,
 * lib/projects/visibility.ts), so nothing held, hidden or in draft leaks; a lesson also needs its course
 * published and visible. A lesson is found in the reader's language (`language`), or in French when it has no
 * version in that language. Every meeting is public (lib/meetings/views.ts); a cancelled one is not found.
 */
export function searchContent(db: Db, q: string, limit = 30, language = 'fr'): SearchHit[] {
  const match = ftsQuery(q);
  if (!match) return [];
  return db.all<SearchHit>(sql`
    SELECT s.kind AS kind, CAST(s.ref_id AS INTEGER) AS refId, CAST(s.topic_id AS INTEGER) AS topicId,
           CAST(s.project_id AS INTEGER) AS projectId,
           coalesce(${topics.title}, ${projects.title}, l.title, ${meetings.title}) AS title,
           snippet(search_index, 4, ${MARK_START}, ${MARK_END}, '…', 16) AS snippet,
           lc.slug AS courseSlug, l.slug AS lessonSlug
    FROM search_index s
    LEFT JOIN ${topics} ON ${topics.id} = s.topic_id
    LEFT JOIN ${projects} ON ${projects.id} = s.project_id
    LEFT JOIN lessons l ON s.kind = 'lesson' AND l.id = s.ref_id
    LEFT JOIN courses lc ON lc.id = l.course_id
    LEFT JOIN ${meetings} ON s.kind = 'meeting' AND ${meetings.id} = s.ref_id
    WHERE search_index MATCH ${match}
      AND ((${topics.id} IS NOT NULL AND ${publicTopicSql})
        OR (${projects.id} IS NOT NULL AND ${publicProjectSql})
        OR (l.id IS NOT NULL AND l.state = 'published' AND l.visibility = 'visible'
            AND lc.state = 'published' AND lc.visibility = 'visible'
            AND (l.language = ${language}
              OR (l.language = 'fr' AND NOT EXISTS (SELECT 1 FROM lessons o WHERE o.slug = l.slug AND o.language = ${language}))))
        OR (${meetings.id} IS NOT NULL AND ${meetings.cancelledAt} IS NULL))
    ORDER BY CASE s.kind WHEN 'topic' THEN 0 WHEN 'project' THEN 1 WHEN 'lesson' THEN 2 WHEN 'meeting' THEN 3 ELSE 4 END, rank
    LIMIT ${limit}
  `);
}

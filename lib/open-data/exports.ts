import { stringify } from 'csv-stringify/sync';
import type { Db } from '@/db/client';
import { assistedVoteCount } from '@/db/queries/assisted';
import { exportComments, tally } from '@/db/queries/topics';
import type { Topic } from '@/db/schema';
import { choicesOf } from '@/lib/votes/cast-vote';

/**
 * Open data for one public topic: comments (display names only, never gender, age or contact)
 * and the tally. Held, hidden and deleted comments are never exported.
 */
export function commentsExport(db: Db, topic: Topic): Record<string, string | number>[] {
  return exportComments(db, topic.id).map((c) => ({
    id: c.id,
    parent_id: c.parentId ?? '',
    author: c.author,
    stance: c.stance,
    official_answer: c.officialAnswer ? 1 : 0,
    supports: c.supports,
    created_at: c.createdAt,
    body: c.body,
  }));
}

/**
 * One row per choice. assisted_total: the votes of all choices together that a facilitator entered for
 * the voter at a connected space (the same on every row; never split by choice, so that nobody's vote
 * can be read from a count of one).
 */
export function tallyExport(db: Db, topic: Topic): Record<string, string | number>[] {
  const counts = tally(db, topic.id, topic.communeId);
  const assisted = assistedVoteCount(db, topic.id);
  return choicesOf(topic).map((key, i) => ({
    choice: key,
    label: topic.pollOptions?.[i] ?? key,
    residents: counts.get(key)?.residents ?? 0,
    others: counts.get(key)?.others ?? 0,
    total: (counts.get(key)?.residents ?? 0) + (counts.get(key)?.others ?? 0),
    assisted_total: assisted,
  }));
}

/** CSV with a BOM, so spreadsheet software opens French accents correctly. */
export function toCsv(rows: Record<string, string | number>[], columns: string[]): string {
  return '\uFEFF' + stringify(rows, { header: true, columns });
}

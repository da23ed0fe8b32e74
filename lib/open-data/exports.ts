import { stringify } from 'csv-stringify/sync';
import type { Db } from '@/db/client';
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

export function tallyExport(db: Db, topic: Topic): Record<string, string | number>[] {
  const counts = tally(db, topic.id, topic.communeId);
  return choicesOf(topic).map((key, i) => ({
    choice: key,
    label: topic.pollOptions?.[i] ?? key,
    residents: counts.get(key)?.residents ?? 0,
    others: counts.get(key)?.others ?? 0,
    total: (counts.get(key)?.residents ?? 0) + (counts.get(key)?.others ?? 0),
  }));
}

/**
 * Every CSV Baro sends (eslint allows csv-stringify nowhere else). With a BOM, so spreadsheet software
 * opens French accents correctly; a text cell that begins with = + - @, a tab or a carriage return gets a
 * leading ' (escape_formulas), so a comment such as "=HYPERLINK(…)" stays text in Excel or LibreOffice
 * instead of becoming a live formula (CSV injection). Numbers are written as they are.
 */
export function toCsv(rows: Record<string, string | number>[], columns: string[]): string {
  return '\uFEFF' + stringify(rows, { header: true, columns, escape_formulas: true });
}

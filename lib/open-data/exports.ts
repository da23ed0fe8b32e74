import { stringify } from 'csv-stringify/sync';
import type { Db } from '@/db/client';
import { assistedVoteCount } from '@/db/queries/assisted';
import type { Topic } from '@/db/schema';
import { exportComments } from '@/lib/comments/queries';
import { can } from '@/lib/permissions';
import { findTopic } from '@/lib/topics/load';
import type { ViewContext } from '@/lib/view-context';
import { choicesOf } from '@/lib/votes/cast-vote';
import { tally } from '@/lib/votes/queries';

type Row = Record<string, string | number>;

/**
 * Open data for one public topic: comments (display names only, never gender, age or contact)
 * and the tally. Held, hidden and deleted comments are never exported.
 */
export function commentsExport(db: Db, topic: Pick<Topic, 'id'>): Row[] {
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
export function tallyExport(db: Db, topic: Pick<Topic, 'id' | 'communeId' | 'pollOptions'>): Row[] {
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

/**
 * Every CSV Baro sends (eslint allows csv-stringify nowhere else). With a BOM, so spreadsheet software
 * opens French accents correctly; a text cell that begins with = + - @, a tab or a carriage return gets a
 * leading ' (escape_formulas), so a comment such as "=HYPERLINK(…)" stays text in Excel or LibreOffice
 * instead of becoming a live formula (CSV injection). Numbers are written as they are.
 */
export function toCsv(rows: Row[], columns: string[]): string {
  return '\uFEFF' + stringify(rows, { header: true, columns, escape_formulas: true });
}

const FILE = /^(\d{1,9})-(comments|tally)\.(csv|json)$/;
const COLUMNS = {
  comments: ['id', 'parent_id', 'author', 'stance', 'official_answer', 'supports', 'created_at', 'body'],
  tally: ['choice', 'label', 'residents', 'others', 'total', 'assisted_total'],
} as const;

export type TopicExport = {
  /** the download's name, e.g. "baro-topic-12-comments.csv" */
  filename: string;
  format: 'csv' | 'json';
  /** the file's content: CSV text, or the JSON document */
  csv?: string;
  json?: { topic: { id: number; title: string; phase: string } } & Record<string, unknown>;
};

/** /exports/topics/12-comments.csv, 12-tally.json, …: public topics only (null: 404), read as an anonymous visitor. */
export function topicExport(ctx: Pick<ViewContext, 'db'>, file: string): TopicExport | null {
  const m = FILE.exec(file);
  if (!m) return null;
  const topic = findTopic(ctx.db, Number(m[1]));
  // Open data is public data: drafts and held topics do not exist here.
  if (!topic || !can(null, 'topic.read', topic)) return null;
  const kind = m[2] as 'comments' | 'tally';
  const format = m[3] as 'csv' | 'json';
  const rows = kind === 'comments' ? commentsExport(ctx.db, topic) : tallyExport(ctx.db, topic);
  const filename = `baro-topic-${topic.id}-${kind}.${format}`;
  if (format === 'json') return { filename, format, json: { topic: { id: topic.id, title: topic.title, phase: topic.phase }, [kind]: rows } };
  return { filename, format, csv: toCsv(rows, [...COLUMNS[kind]]) };
}

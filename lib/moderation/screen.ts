import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, topics } from '@/db/schema';
import { currentTerms, findTerm } from './terms';

export type HoldReason = 'link' | 'personalData' | 'burst';
export type RejectReason = 'screenInsult' | 'screenDuplicate';
export type Verdict = { action: 'publish' } | { action: 'hold'; reason: HoldReason } | { action: 'reject'; reason: RejectReason };

export type ScreenInput = {
  authorId: number;
  text: string;
  /** officials, moderators, facilitators and admins may post links */
  trusted: boolean;
  /** false for an edit: the author's own earlier version must not count as a duplicate */
  checkHistory?: boolean;
  now?: Date;
};

/** Content types whose recent texts count for duplicates and bursts. Each new type registers here. */
const SOURCES = [
  {
    recent: (db: Db, authorId: number, since: string) =>
      db
        .select({ text: comments.body, createdAt: comments.createdAt })
        .from(comments)
        .where(and(eq(comments.authorId, authorId), gte(comments.createdAt, since)))
        .all(),
  },
  {
    recent: (db: Db, authorId: number, since: string) =>
      db
        .select({ text: sql<string>`${topics.title} || ' ' || ${topics.body}`, createdAt: topics.createdAt })
        .from(topics)
        .where(and(eq(topics.authorId, authorId), gte(topics.createdAt, since)))
        .all(),
  },
];

const LINK = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|ml|fr|io|info|biz|xyz|ly|me|co|tk)\b(?:\/\S*)?/i;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
/** 8+ digits, possibly split by spaces, dots or dashes (Malian numbers are 8 digits). */
const PHONE = /(?:\+|00)?\d(?:[\s.-]?\d){7,}/;

const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;
const BURST_WINDOW_MS = 2 * 60 * 1000;
const BURST_MAX = 5;

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Screening at submission: publish, hold for review, or reject with a reason. No rule on capitals,
 * punctuation or spelling: people write as they speak, and that is welcome.
 */
export function screen(db: Db, input: ScreenInput): Verdict {
  const now = input.now ?? new Date();
  if (findTerm(input.text, currentTerms(db))) return { action: 'reject', reason: 'screenInsult' };

  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
  const recent = input.checkHistory === false ? [] : SOURCES.flatMap((s) => s.recent(db, input.authorId, since));
  if (recent.some((r) => sameText(r.text, input.text))) return { action: 'reject', reason: 'screenDuplicate' };

  if (!input.trusted && LINK.test(input.text)) return { action: 'hold', reason: 'link' };
  if (EMAIL.test(input.text) || PHONE.test(input.text)) return { action: 'hold', reason: 'personalData' };

  const burstSince = new Date(now.getTime() - BURST_WINDOW_MS).toISOString();
  if (recent.filter((r) => r.createdAt >= burstSince).length >= BURST_MAX) return { action: 'hold', reason: 'burst' };
  return { action: 'publish' };
}

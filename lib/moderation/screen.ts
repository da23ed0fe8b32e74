import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, topics } from '@/db/schema';
import { currentTerms, findTerm } from './terms';

/** 'threat': a threat of death, violence or arson, which a moderator must see (not silently refused). */
export type HoldReason = 'link' | 'personalData' | 'burst' | 'threat';
export type RejectReason = 'screenInsult' | 'screenDuplicate';
export type Verdict = { action: 'publish' } | { action: 'hold'; reason: HoldReason } | { action: 'reject'; reason: RejectReason };

export type ScreenInput = {
  authorId: number;
  /** official publications (topics) may carry a service's phone or email on purpose */
  kind: 'topic' | 'comment' | 'project' | 'update' | 'name' | 'lesson';
  text: string;
  /** officials, moderators, facilitators and admins may post links */
  trusted: boolean;
  /** the commune the content is posted in: its own screening terms apply too (else the region's only) */
  communeId?: number;
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
        .select({ text: sql<string>`${topics.title} || char(10) || ${topics.summary} || char(10) || ${topics.body}`, createdAt: topics.createdAt })
        .from(topics)
        .where(and(eq(topics.authorId, authorId), gte(topics.createdAt, since)))
        .all(),
  },
];

const LINK = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|ml|fr|io|info|biz|xyz|ly|me|co|tk)\b(?:\/\S*)?/i;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
/**
 * Phone-shaped numbers: an international prefix followed by digits, or 8 digits written together or in
 * pairs ("76 12 34 56"). Amounts ("18 000 000 FCFA", "250000000 F") are not phone numbers.
 */
const PHONE = /(?:(?:\+|\b00)\s?\d{3}[\s.-]?\d{2}(?:[\s.-]?\d{2}){3}|\b\d{2}([\s.-]?)\d{2}\1\d{2}\1\d{2}\b)(?!\s*(?:f\b|fcfa|cfa|francs?\b|%))/i;

const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;
const BURST_WINDOW_MS = 2 * 60 * 1000;
const BURST_MAX = 5;

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Screening at submission: publish, hold for review, or reject with a reason. No rule on capitals,
 * punctuation or spelling: people write as they speak, and that is welcome. An insult is rejected (the
 * author rephrases); a threat is held, whoever writes it, so that a moderator sees it and can act.
 */
export function screen(db: Db, input: ScreenInput): Verdict {
  const now = input.now ?? new Date();
  const listed = findTerm(input.text, currentTerms(db, input.communeId));
  if (listed?.category === 'threat') return { action: 'hold', reason: 'threat' };
  if (listed) return { action: 'reject', reason: 'screenInsult' };

  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
  const recent = input.checkHistory === false ? [] : SOURCES.flatMap((s) => s.recent(db, input.authorId, since));
  // A voice comment may carry no text: two recordings are not duplicates for having no words.
  if (input.text.trim() !== '' && recent.some((r) => sameText(r.text, input.text))) return { action: 'reject', reason: 'screenDuplicate' };

  // Official publications (topics, progress updates) may carry a service's phone or email on purpose.
  if (input.kind !== 'topic' && input.kind !== 'update' && (EMAIL.test(input.text) || PHONE.test(input.text))) return { action: 'hold', reason: 'personalData' };
  if (!input.trusted && LINK.test(input.text)) return { action: 'hold', reason: 'link' };

  const burstSince = new Date(now.getTime() - BURST_WINDOW_MS).toISOString();
  if (recent.filter((r) => r.createdAt >= burstSince).length >= BURST_MAX) return { action: 'hold', reason: 'burst' };
  return { action: 'publish' };
}

/** Display names are public text too: an insult or slur in a name is refused at registration and on edit. */
export function nameIsAbusive(db: Db, name: string): boolean {
  return findTerm(name, currentTerms(db)) !== null;
}

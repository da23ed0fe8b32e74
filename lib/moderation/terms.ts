import type { Db } from '@/db/client';
import { moderationTerms } from '@/db/schema';
import { compileTerms, findMatch, type Match, type Matcher } from './matcher';
import { builtInMatcher } from './wordlists';

/** The shipped word lists, then the moderators' own terms (taken literally, as insults). */
export type TermSet = readonly Matcher[];

export function buildTermSet(terms: string[]): TermSet {
  return [builtInMatcher(), compileTerms(terms.map((pattern) => ({ pattern, category: 'insult' as const, literal: true })))];
}

/** Cache keyed on the number and last id of moderator terms, so an added term applies at once. */
let cache: { key: string; set: TermSet } | undefined;

export function currentTerms(db: Db): TermSet {
  const rows = db.select({ id: moderationTerms.id, term: moderationTerms.term }).from(moderationTerms).all();
  const key = `${rows.length}:${rows.at(-1)?.id ?? 0}`;
  if (cache?.key === key) return cache.set;
  cache = { key, set: buildTermSet(rows.map((r) => r.term)) };
  return cache.set;
}

/**
 * The listed term found in the text, a threat first (whole words only, in their inflections:
 * "concombre" and "Scunthorpe" are innocent; "connards" is "connard").
 */
export function findTerm(text: string, terms: TermSet): Match | null {
  return findMatch(text, terms);
}

import type { Db } from '@/db/client';
import { moderationTerms } from '@/db/schema';
import { compileTerms, findMatch, type Match, type Matcher } from './matcher';
import { builtInMatcher } from './wordlists';

/** The shipped word lists, then the moderators' own terms (taken literally, as insults). */
export type TermSet = readonly Matcher[];

export function buildTermSet(terms: string[]): TermSet {
  return [builtInMatcher(), compileTerms(terms.map((pattern) => ({ pattern, category: 'insult' as const, literal: true })))];
}

type TermRow = { id: number; term: string; communeId: number | null };

/**
 * Cache keyed on the number and last id of moderator terms (ids are never reused, so an added or a
 * removed term changes the key and applies at once). One set for the region, one per commune asked.
 */
let cache: { key: string; rows: TermRow[]; region?: TermSet; byCommune: Map<number, TermSet> } | undefined;

/**
 * The terms that apply to content of this commune: the word lists, the region's terms, and the
 * commune's own. Without a commune (a display name, shown everywhere): the word lists and the region's.
 */
export function currentTerms(db: Db, communeId?: number | null): TermSet {
  const rows = db.select({ id: moderationTerms.id, term: moderationTerms.term, communeId: moderationTerms.communeId }).from(moderationTerms).orderBy(moderationTerms.id).all();
  const key = `${rows.length}:${rows.at(-1)?.id ?? 0}`;
  if (cache?.key !== key) cache = { key, rows, byCommune: new Map() };
  const c = cache;
  const regionTerms = () => c.rows.filter((r) => r.communeId === null).map((r) => r.term);
  if (communeId === undefined || communeId === null) {
    c.region ??= buildTermSet(regionTerms());
    return c.region;
  }
  let set = c.byCommune.get(communeId);
  if (!set) {
    set = buildTermSet([...regionTerms(), ...c.rows.filter((r) => r.communeId === communeId).map((r) => r.term)]);
    c.byCommune.set(communeId, set);
  }
  return set;
}

/**
 * The listed term found in the text, a threat first (whole words only, in their inflections:
 * "concombre" and "Scunthorpe" are innocent; "connards" is "connard").
 */
export function findTerm(text: string, terms: TermSet): Match | null {
  return findMatch(text, terms);
}

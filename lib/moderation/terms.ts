import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import { moderationTerms, TERM_LANGUAGES } from '@/db/schema';
import { foldedWords } from './normalize';

export type TermSet = { words: Set<string>; phrases: string[] };

const WORDLIST_DIR = path.join(process.cwd(), 'lib', 'moderation', 'wordlists');

/** Parses a word-list file: one term per line, "#" comments. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

export function buildTermSet(terms: string[]): TermSet {
  const words = new Set<string>();
  const phrases: string[] = [];
  for (const t of terms) {
    const folded = foldedWords(t);
    if (folded.length === 1) words.add(folded[0]!);
    else if (folded.length > 1) phrases.push(folded.join(' '));
  }
  return { words, phrases };
}

let fileTerms: string[] | undefined;
function termsFromFiles(): string[] {
  fileTerms ??= TERM_LANGUAGES.flatMap((l) => {
    const file = path.join(WORDLIST_DIR, `${l}.txt`);
    return fs.existsSync(file) ? parseWordList(fs.readFileSync(file, 'utf8')) : [];
  });
  return fileTerms;
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
    c.region ??= buildTermSet([...termsFromFiles(), ...regionTerms()]);
    return c.region;
  }
  let set = c.byCommune.get(communeId);
  if (!set) {
    set = buildTermSet([...termsFromFiles(), ...regionTerms(), ...c.rows.filter((r) => r.communeId === communeId).map((r) => r.term)]);
    c.byCommune.set(communeId, set);
  }
  return set;
}

/** The first listed term found in the text (whole words only: "concombre" and "Scunthorpe" are innocent). */
export function findTerm(text: string, terms: TermSet): string | null {
  const words = foldedWords(text);
  for (const w of words) if (terms.words.has(w)) return w;
  if (terms.phrases.length) {
    const joined = ` ${words.join(' ')} `;
    for (const p of terms.phrases) if (joined.includes(` ${p} `)) return p;
  }
  return null;
}

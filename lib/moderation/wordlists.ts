import fs from 'node:fs';
import path from 'node:path';
import { TERM_LANGUAGES, type TermLanguage } from './values';
import { compileTerms, type EntryCategory, type Matcher, type TermEntry } from './matcher';

/**
 * The word lists shipped with Baro (lib/moderation/wordlists/<language>.txt), on top of which moderators add
 * their own terms. Format, one term or pattern a line:
 *   # comment                 to the end of the line
 *   [insult] / [threat]       the category of the lines that follow (insult by default):
 *                             an insult is rejected, a threat is held for a moderator
 *   [allow]                   innocent phrases that contain a listed word ("bâtard de pain")
 *   @name = pattern           a shorthand, used as @name in the lines that follow (in this file only)
 *   term [à relire]           not yet reviewed by native speakers: shown as such on the terms page
 * Pattern syntax: see matcher.ts.
 */
export type ListedTerm = TermEntry & { language: TermLanguage; needsReview: boolean; /** the line as written, shorthands unexpanded */ written: string };

const WORDLIST_DIR = path.join(process.cwd(), 'lib', 'moderation', 'wordlists');
const REVIEW_TAG = /\s*\[à relire\]$/u;

export function parseWordList(text: string, language: TermLanguage): ListedTerm[] {
  const macros = new Map<string, string>();
  const expandMacros = (line: string) =>
    line.replace(/@([a-z_]+)/g, (_, name: string) => {
      const body = macros.get(name);
      if (body === undefined) throw new Error(`Word list ${language}: unknown shorthand @${name}`);
      return `(${body})`;
    });
  let category: EntryCategory = 'insult';
  const out: ListedTerm[] = [];
  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    let line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const section = /^\[(insult|threat|allow)\]$/.exec(line);
    if (section) {
      category = section[1] as EntryCategory;
      continue;
    }
    const macro = /^@([a-z_]+)\s*=\s*(.+)$/.exec(line);
    if (macro) {
      macros.set(macro[1]!, expandMacros(macro[2]!));
      continue;
    }
    const needsReview = REVIEW_TAG.test(line);
    line = line.replace(REVIEW_TAG, '');
    out.push({ pattern: expandMacros(line), written: line, category, language, needsReview });
  }
  return out;
}

let listed: ListedTerm[] | undefined;
/** Every term of the shipped lists, in file order. */
export function listBuiltInTerms(): readonly ListedTerm[] {
  listed ??= TERM_LANGUAGES.flatMap((language) => {
    const file = path.join(WORDLIST_DIR, `${language}.txt`);
    return fs.existsSync(file) ? parseWordList(fs.readFileSync(file, 'utf8'), language) : [];
  });
  return listed;
}

/** The shipped terms that native speakers have not yet reviewed, for the moderators' terms page. */
export function termsAwaitingReview(): { language: TermLanguage; category: EntryCategory; term: string }[] {
  return listBuiltInTerms()
    .filter((t) => t.needsReview)
    .map((t) => ({ language: t.language, category: t.category, term: t.written }));
}

let matcher: Matcher | undefined;
/** The shipped lists, compiled once per process. */
export function builtInMatcher(): Matcher {
  matcher ??= compileTerms(listBuiltInTerms());
  return matcher;
}

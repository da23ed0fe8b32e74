import { scanText, type Scan } from './normalize';

/**
 * The screening matcher: terms and phrases, compiled once into a tree of folded words, then looked up word by
 * word in a text. It matches whole words only ("député", "salopette" and "Conakry" hold no insult), each term
 * in its French inflections (plural, feminine, past participle and the other forms of an "-er" verb), after
 * the normalisation in normalize.ts (accents, case, leetspeak, repeated letters, spacing tricks).
 *
 * Pattern syntax of the word lists (moderators' own terms are taken literally):
 *   (a|b c|d)   one of these words or phrases; an empty choice "(|tous)" makes the group optional
 *   ...         up to three words of any kind ("on va ... te tuer": "on va aller te tuer")
 *   !(de|du)    the next word must not be one of these ("tu vas mourir" but not "tu vas mourir de chaud")
 *   =mort       this word only as written, without its inflections ("t'es mort", not "tes morts")
 * Entries of the category "allow" are innocent phrases that contain a listed word ("bâtard de pain"): their
 * words are set aside before the other terms are looked for.
 */

export type Category = 'insult' | 'threat';
export type EntryCategory = Category | 'allow';
export type TermEntry = {
  pattern: string;
  category: EntryCategory;
  /** moderators' terms: no pattern syntax, only words */
  literal?: boolean;
  language?: string;
  /** not yet reviewed by native speakers */
  needsReview?: boolean;
};
export type Match = { category: Category; term: string; language?: string; needsReview?: boolean };

type Node = {
  /** folded word form → the nodes it leads to */
  next: Map<string, Node[]>;
  /** lemma → node, so that every form of a lemma leads to the same node */
  byLemma: Map<string, Node>;
  /** where the choices of a group meet again: followed without reading a word */
  eps?: Node[];
  gap?: Node;
  nots?: Map<string, { words: Set<string>; node: Node }>;
  end?: Match;
};
export type Matcher = { root: Node; allow: Node | null; phrases: number };

const GAP_WORDS = 3;
const newNode = (): Node => ({ next: new Map(), byLemma: new Map() });
const collapse = (w: string) => w.replace(/(\p{L})\1+/gu, '$1');

/** Endings of a French "-er" verb after its stem, already folded (é → e, ée → e). */
const VERB_ENDINGS = ['er', 'e', 'es', 'ent', 'ez', 'ons', 'ions', 'iez', 'ai', 'ais', 'ait', 'aient', 'era', 'erai', 'eras', 'erez', 'eront', 'erons', 'erais', 'erait', 'ant'];

/**
 * The forms a folded word matches: itself, plural (-s, -x), feminine (-e, -es), and the forms of an "-er"
 * verb. Words under 4 letters (tg, fdp, ntm, te, on, je) match only as written: inflecting abbreviations
 * would reach real words and party names ("pdes").
 */
export function inflections(word: string): string[] {
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return [word];
  const out = new Set([word, `${word}s`, `${word}x`, `${word}e`, `${word}es`]);
  if (word.endsWith('er')) for (const ending of VERB_ENDINGS) out.add(word.slice(0, -2) + ending);
  return [...new Set([...out].map(collapse))];
}

// ------------------------------------------------------------------ patterns

type Piece = { text: string } | { gap: true } | { not: string[] };
type Item = Piece | { group: Item[][] };

function parsePattern(pattern: string): Item[][] {
  let i = 0;
  const fail = (why: string) => new Error(`Screening pattern "${pattern}": ${why}`);
  function alternatives(): Item[][] {
    const alts: Item[][] = [[]];
    let text = '';
    const pushText = () => {
      if (text.trim()) alts.at(-1)!.push({ text });
      text = '';
    };
    while (i < pattern.length) {
      const c = pattern[i]!;
      if (pattern.startsWith('...', i)) {
        pushText();
        alts.at(-1)!.push({ gap: true });
        i += 3;
      } else if (pattern.startsWith('!(', i)) {
        pushText();
        i += 2;
        const inner = alternatives();
        if (pattern[i++] !== ')') throw fail('unclosed "!("');
        alts.at(-1)!.push({ not: inner.map((alt) => alt.map((it) => ('text' in it ? it.text : '')).join(' ')) });
      } else if (c === '(') {
        pushText();
        i++;
        const inner = alternatives();
        if (pattern[i++] !== ')') throw fail('unclosed "("');
        alts.at(-1)!.push({ group: inner });
      } else if (c === ')') {
        break;
      } else if (c === '|') {
        pushText();
        alts.push([]);
        i++;
      } else {
        text += c;
        i++;
      }
    }
    pushText();
    return alts;
  }
  const top = alternatives();
  if (i < pattern.length) throw fail('unexpected ")"');
  return top;
}

/** The folded words of a piece of pattern text; a word written "=word" keeps only that form. */
function patternWords(text: string): { word: string; exact: boolean }[] {
  return text.split(/\s+/).flatMap((chunk) => {
    const exact = chunk.startsWith('=');
    return scanText(exact ? chunk.slice(1) : chunk).raw.map((word) => ({ word, exact }));
  });
}

function wordChild(node: Node, { word, exact }: { word: string; exact: boolean }): Node {
  const key = exact ? `=${word}` : word;
  let child = node.byLemma.get(key);
  if (!child) {
    child = newNode();
    node.byLemma.set(key, child);
    for (const form of exact ? [word] : inflections(word)) {
      const list = node.next.get(form);
      if (list) list.push(child);
      else node.next.set(form, [child]);
    }
  }
  return child;
}

function notChild(node: Node, words: Set<string>): Node {
  const key = [...words].sort().join(' ');
  node.nots ??= new Map();
  let entry = node.nots.get(key);
  if (!entry) node.nots.set(key, (entry = { words, node: newNode() }));
  return entry.node;
}

/**
 * Adds a sequence of pattern items from each of `starts`, and returns where it ends. Words share the tree
 * with every other term (same lemma from the same node, same child); the choices of a group branch and
 * meet again in a fresh node of their own, so that no other term's words can lead into this one's rest.
 */
function insertItems(starts: Node[], items: Item[]): Node[] {
  let current = starts;
  for (const it of items) {
    if ('group' in it) {
      const ends = [...new Set(it.group.flatMap((alt) => insertItems(current, alt)))];
      if (ends.length === 1) current = ends;
      else {
        const join = newNode();
        for (const e of ends) (e.eps ??= []).push(join);
        current = [join];
      }
    } else if ('text' in it) {
      const words = patternWords(it.text);
      current = [...new Set(current.map((start) => words.reduce(wordChild, start)))];
    } else if ('gap' in it) {
      current = [...new Set(current.map((n) => (n.gap ??= newNode())))];
    } else {
      const words = new Set(it.not.flatMap((t) => scanText(t).joined));
      current = [...new Set(current.map((n) => notChild(n, words)))];
    }
  }
  return current;
}

/** A phrase starts and ends with words: a leading or trailing gap, or a leading negation, means nothing. */
function trimItems(items: Item[]): Item[] {
  let start = 0;
  while (start < items.length && ('gap' in items[start]! || 'not' in items[start]!)) start++;
  let end = items.length;
  while (end > start && 'gap' in items[end - 1]!) end--;
  return items.slice(start, end);
}

/** Compiles terms once; throws on a malformed pattern in the word lists (moderators' terms are literal). */
export function compileTerms(entries: readonly TermEntry[]): Matcher {
  const root = newNode();
  const allow = newNode();
  let phrases = 0;
  let allowed = 0;
  for (const e of entries) {
    const alternatives: Item[][] = e.literal ? [[{ text: e.pattern }]] : parsePattern(e.pattern);
    for (const alt of alternatives) {
      const items = trimItems(alt);
      if (!items.length) continue;
      if (e.category === 'allow') {
        for (const end of insertItems([allow], items)) if (end !== allow) end.end = ALLOWED;
        allowed++;
        continue;
      }
      const match: Match = { category: e.category, term: e.pattern, language: e.language, needsReview: e.needsReview };
      for (const end of insertItems([root], items)) {
        if (end === root) continue;
        // A threat outranks an insult on the same words.
        if (!end.end || (end.end.category === 'insult' && match.category === 'threat')) end.end = match;
      }
      phrases++;
    }
  }
  return { root, allow: allowed ? allow : null, phrases };
}

/** Marks the end of an allowed phrase (never returned as a match). */
const ALLOWED: Match = { category: 'insult', term: '' };

// ------------------------------------------------------------------ matching

const maskCache = new Map<string, RegExp>();
function maskRegExp(token: string): RegExp {
  let re = maskCache.get(token);
  if (!re) {
    re = new RegExp(`^${token.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\p{L}{1,2}')}$`, 'u');
    if (maskCache.size > 1000) maskCache.clear();
    maskCache.set(token, re);
  }
  return re;
}

/**
 * Masked words ("c*nnard") are compared with the forms of a node that start with the same letter (a masked
 * word never starts with "*"); a text gets a bounded number of such lookups, so a long text made of masked
 * words stays fast.
 */
const MASKED_LOOKUPS = 1000;
type Found = { match: Match | null; maskedLookups: number };

const formsByInitial = new WeakMap<Node, Map<string, string[]>>();
function formsStartingWith(node: Node, initial: string): string[] {
  let index = formsByInitial.get(node);
  if (!index) {
    index = new Map();
    for (const form of node.next.keys()) {
      const list = index.get(form[0]!);
      if (list) list.push(form);
      else index.set(form[0]!, [form]);
    }
    formsByInitial.set(node, index);
  }
  return index.get(initial) ?? [];
}

function childrenFor(node: Node, token: string, found: Found): Node[] {
  if (!token.includes('*')) return node.next.get(token) ?? [];
  if (found.maskedLookups-- <= 0) return [];
  const re = maskRegExp(token);
  const out: Node[] = [];
  for (const form of formsStartingWith(node, token[0]!)) if (re.test(form)) out.push(...node.next.get(form)!);
  return out;
}

/** Walks the tree from `node` at `pos`; keeps the best match in `found` and returns true on a threat. */
function walk(node: Node, tokens: readonly string[], pos: number, found: Found): boolean {
  if (node.end && (!found.match || (found.match.category === 'insult' && node.end.category === 'threat'))) {
    found.match = node.end;
    if (node.end.category === 'threat') return true;
  }
  if (node.eps) for (const e of node.eps) if (walk(e, tokens, pos, found)) return true;
  if (node.nots) {
    for (const { words, node: after } of node.nots.values()) {
      if ((pos >= tokens.length || !words.has(tokens[pos]!)) && walk(after, tokens, pos, found)) return true;
    }
  }
  if (node.gap) {
    for (let skip = 0; skip <= GAP_WORDS && pos + skip <= tokens.length; skip++) if (walk(node.gap, tokens, pos + skip, found)) return true;
  }
  if (pos < tokens.length) {
    for (const child of childrenFor(node, tokens[pos]!, found)) if (walk(child, tokens, pos + 1, found)) return true;
  }
  return false;
}

/** The end of the longest phrase of `node`'s tree read from `pos` (or -1): used for allowed phrases, written in full. */
function longestEnd(node: Node, tokens: readonly string[], pos: number): number {
  let best = node.end ? pos : -1;
  if (node.eps) for (const e of node.eps) best = Math.max(best, longestEnd(e, tokens, pos));
  if (node.nots) for (const { words, node: after } of node.nots.values()) if (pos >= tokens.length || !words.has(tokens[pos]!)) best = Math.max(best, longestEnd(after, tokens, pos));
  if (node.gap) for (let skip = 0; skip <= GAP_WORDS && pos + skip <= tokens.length; skip++) best = Math.max(best, longestEnd(node.gap, tokens, pos + skip));
  if (pos < tokens.length) for (const child of node.next.get(tokens[pos]!) ?? []) best = Math.max(best, longestEnd(child, tokens, pos + 1));
  return best;
}

/** The words of a stream, with those of allowed phrases ("bâtard de pain") blanked out. */
function withoutAllowed(tokens: readonly string[], allows: readonly Node[]): readonly string[] {
  if (!allows.length) return tokens;
  let out: string[] | null = null;
  for (let pos = 0; pos < tokens.length; pos++) {
    for (const allow of allows) {
      const end = longestEnd(allow, tokens, pos);
      if (end > pos) {
        out ??= [...tokens];
        out.fill('', pos, end);
      }
    }
  }
  return out ?? tokens;
}

/** The match in a text: a threat if there is one, otherwise the first insult, otherwise null. */
export function findMatch(text: string | Scan, matchers: Matcher | readonly Matcher[]): Match | null {
  const scan = typeof text === 'string' ? scanText(text) : text;
  const list = Array.isArray(matchers) ? (matchers as readonly Matcher[]) : [matchers as Matcher];
  const allows = list.flatMap((m) => (m.allow ? [m.allow] : []));
  const found: Found = { match: null, maskedLookups: MASKED_LOOKUPS };
  const streams = (scan.raw.length === scan.joined.length ? [scan.joined] : [scan.joined, scan.raw]).map((s) => withoutAllowed(s, allows));
  for (const m of list) {
    for (const tokens of streams) for (let pos = 0; pos < tokens.length; pos++) if (walk(m.root, tokens, pos, found)) return found.match;
    for (const word of scan.extra) if (walk(m.root, [word], 0, found)) return found.match;
  }
  return found.match;
}

/**
 * Normalisation for screening, so that "c.o.n.n.a.r.d", "CONNARD", "c0nnard", "konnard" and "connnnard"
 * read alike. It never judges spelling, capitals or punctuation: it only folds variants together for matching,
 * and both the word lists and the texts go through it, so a term matches whatever way either is written.
 */

/** Letters of the Manding alphabets (Bambara ɛ ɔ ɲ ŋ) and ligatures, as people type them on a phone. */
const LETTERS: Record<string, string> = { ɛ: 'e', ɔ: 'o', ɲ: 'ny', ŋ: 'ng', œ: 'oe', æ: 'ae', ß: 'ss', ı: 'i', ł: 'l', đ: 'd', ø: 'o' };
const SPECIAL_LETTERS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/** Digits and signs used for letters ("s@l0p3"); applied only inside words, never to numbers. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '|': 'i', '3': 'e', '€': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't', '+': 't', '8': 'b' };

/** A number, alone or with a unit or an ordinal ("2026", "7e", "21h", "500f", "3km"): not leetspeak. */
const NUMBER_WITH_UNIT = /^\d+\p{L}{0,3}$/u;

/** Lower case, without accents, Bambara letters as typed on phones. Done once per text. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(SPECIAL_LETTERS, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

const isLetter = (ch: string) => (ch < '\u0080' ? (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') : /\p{L}/u.test(ch));

/**
 * Folds one word of an already folded text: leetspeak, k/q/qu→c, ph→f, y→i, repeated letters.
 * A "*" between letters is kept as a masked letter ("c*nnard"); numbers stay numbers.
 * One pass over the characters: this runs on every word of every text screened.
 */
function foldChunk(chunk: string): string {
  const first = chunk.charCodeAt(0);
  if (first >= 48 && first <= 57 && NUMBER_WITH_UNIT.test(chunk)) return chunk;
  let out = '';
  let last = '';
  let masks = 0;
  let letters = 0;
  const chars = [...chunk].map((c) => LEET[c] ?? c);
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    if (ch === '*') masks++;
    else if (!isLetter(ch)) continue;
    else {
      letters++;
      if (ch === 'q' && chars[i + 1] === 'u') {
        ch = 'c';
        i++;
      } else if (ch === 'p' && chars[i + 1] === 'h') {
        ch = 'f';
        i++;
      } else if (ch === 'k' || ch === 'q') ch = 'c';
      else if (ch === 'y') ch = 'i';
    }
    if (ch !== last) out += ch;
    last = ch;
  }
  if (masks) {
    out = out.replace(/^\*+|\*+$/g, '');
    if (letters < 3) out = out.replace(/\*/g, '');
  }
  return out;
}

/** Folds one word (accents, case, leetspeak, k/q→c, ph→f, repeated letters). */
export function foldWord(word: string): string {
  return foldChunk(foldText(word));
}

/**
 * A text read for matching, in two streams of folded words:
 * - `raw`: each word as written;
 * - `joined`: the same, but runs of single characters split by separators ("c.o.n" or "c o n") are joined
 *   back into one word, which defeats spacing tricks without gluing real words together;
 * - `extra`: more single-word readings: a word whose letters are split by punctuation ("con.nard",
 *   "sal-ope"), and a spaced run without its first letter ("à s a l o p e").
 */
export type Scan = { raw: string[]; joined: string[]; extra: string[] };

const SIGNS = new Set(['@', '$', '€', '+', '|', '*']);
/** Letters, digits, and the signs LEET reads as letters: what words are made of. Everything else separates them. */
const isWordChar = (ch: string) => (ch >= '0' && ch <= '9') || isLetter(ch) || SIGNS.has(ch) || (ch >= '\u0080' && /\p{N}/u.test(ch));
const ELIDED = new Set(['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu']);

export function scanText(text: string): Scan {
  const raw: string[] = [];
  const joined: string[] = [];
  const extra: string[] = [];
  let run = '';
  let runLength = 0;
  const flushRun = () => {
    if (run) {
      const word = foldChunk(run);
      if (word) joined.push(word);
      if (runLength >= 3) {
        const rest = foldChunk(run.slice(1));
        if (rest) extra.push(rest);
      }
    }
    run = '';
    runLength = 0;
  };
  // The chunks of the current space-delimited word, to read "con.nard" as one word.
  let pieces: string[] = [];
  let firstSeparator = '';
  const flushSpaced = () => {
    if (pieces.length > 1) {
      const elided = ELIDED.has(pieces[0]!) && (firstSeparator === "'" || firstSeparator === '’');
      const rest = elided ? pieces.slice(1) : pieces;
      const word = rest.length > 1 ? foldChunk(rest.join('')) : '';
      if (word) extra.push(word);
    }
    pieces = [];
    firstSeparator = '';
  };
  const endChunk = (chunk: string) => {
    pieces.push(chunk);
    const word = foldChunk(chunk);
    if (word) raw.push(word);
    if (chunk.length === 1 || (chunk.length === 2 && [...chunk].length === 1)) {
      run += chunk;
      runLength++;
      return;
    }
    flushRun();
    if (word) joined.push(word);
  };
  let chunk = '';
  for (const ch of foldText(text)) {
    if (isWordChar(ch)) {
      chunk += ch;
      continue;
    }
    if (chunk) {
      endChunk(chunk);
      chunk = '';
    }
    if (/\s/u.test(ch)) flushSpaced();
    else if (pieces.length === 1 && !firstSeparator) firstSeparator = ch;
  }
  if (chunk) endChunk(chunk);
  flushRun();
  flushSpaced();
  return { raw, joined, extra };
}

/** The words of a text, folded, with spaced runs of single characters joined ("C O N" → "con"). */
export function foldedWords(text: string): string[] {
  return scanText(text).joined;
}

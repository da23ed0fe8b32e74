/**
 * Normalisation for screening, so that "c.o.n.n.a.r.d", "CONNARD", "c0nnard" and "konnard" read alike.
 * It never judges spelling, capitals or punctuation: it only folds variants together for matching.
 */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  '3': 'e',
  '€': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '8': 'b',
};

/** Folds one word: accents, case, leetspeak, k/q→c, ph→f, repeated letters. */
export function foldWord(word: string): string {
  let w = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  w = [...w].map((ch) => LEET[ch] ?? ch).join('');
  w = w.replace(/[^\p{L}]/gu, '');
  w = w.replace(/qu/g, 'c').replace(/[kq]/g, 'c').replace(/ph/g, 'f').replace(/y/g, 'i');
  return w.replace(/(\p{L})\1+/gu, '$1');
}

/**
 * The words of a text, folded. Runs of single characters split by separators ("c.o.n" or "c o n")
 * are joined back into one word, which defeats spacing tricks without gluing real words together.
 */
export function foldedWords(text: string): string[] {
  const raw = text.normalize('NFKC').split(/[\s.,;:!?'"’«»()\[\]{}<>\/\\*_~^=-]+/u);
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run.length > 1) out.push(foldWord(run));
    else if (run) out.push(foldWord(run));
    run = '';
  };
  for (const token of raw) {
    if (!token) continue;
    if ([...token].length === 1) {
      run += token;
      continue;
    }
    flush();
    out.push(foldWord(token));
  }
  flush();
  return out.filter(Boolean);
}

/** Prints, per locale, how many of the French message keys it translates (npm run i18n:coverage). */
import fs from 'node:fs';
import path from 'node:path';
import { allMessageLocales } from '../lib/i18n/config';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const read = (l: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', `${l}.json`), 'utf8')) as Tree;
const reference = leaves(read('fr'));
let failed = false;
console.log(`locale  translated / ${reference.size}   coverage   extra keys`);
for (const locale of allMessageLocales) {
  const mine = leaves(read(locale));
  const translated = [...reference.keys()].filter((k) => (mine.get(k) ?? '') !== '').length;
  const extra = [...mine.keys()].filter((k) => !reference.has(k));
  const pct = ((100 * translated) / reference.size).toFixed(1);
  console.log(`${locale.padEnd(6)}  ${String(translated).padStart(10)}   ${pct.padStart(7)} %   ${extra.length}`);
  if (extra.length) console.log(`        keys not in French (typos?): ${extra.slice(0, 10).join(', ')}`);
  // Served locales must be complete: French and English.
  if ((locale === 'fr' || locale === 'en') && translated !== reference.size) failed = true;
}
if (failed) {
  console.error('A served locale (fr, en) is incomplete.');
  process.exit(1);
}

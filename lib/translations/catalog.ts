/**
 * The message keys Baro has, as the translation workflow sees them: "Namespace.key" → French text (the
 * source), and what each language's file in the repository already says.
 */
import bm from '@/messages/bm.json';
import en from '@/messages/en.json';
import ff from '@/messages/ff.json';
import fr from '@/messages/fr.json';
import snk from '@/messages/snk.json';
import type { Locale } from '@/lib/i18n/config';

export type MessageTree = { [k: string]: string | MessageTree };

/** Every leaf of a message tree, in file order: "Nav.home" → "Accueil". Non-text leaves are ignored. */
export function flattenMessages(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flattenMessages(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The nested next-intl shape of flat keys, in the order given. */
export function nestMessages(flat: Iterable<[string, string]>): MessageTree {
  const out: MessageTree = {};
  for (const [key, text] of flat) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'object') node = next;
      else node = node[part] = {};
    }
    node[parts[parts.length - 1]!] = text;
  }
  return out;
}

const FILES: Record<Locale, MessageTree> = { fr, en, bm, snk, ff } as Record<Locale, MessageTree>;

/** French, the source every translation is made from. */
export const SOURCE: ReadonlyMap<string, string> = flattenMessages(fr);

/** The keys in the order of fr.json. */
export const SOURCE_KEYS: readonly string[] = [...SOURCE.keys()];

export function isMessageKey(key: string): boolean {
  return SOURCE.has(key);
}

const fileCache = new Map<Locale, ReadonlyMap<string, string>>();
/** What messages/<locale>.json says, non-empty texts of keys French has. */
export function fileMessages(locale: Locale): ReadonlyMap<string, string> {
  let m = fileCache.get(locale);
  if (!m) {
    m = new Map([...flattenMessages(FILES[locale])].filter(([k, v]) => SOURCE.has(k) && v.trim() !== ''));
    fileCache.set(locale, m);
  }
  return m;
}

/** The namespace of a key: "Topic.vote" → "Topic". */
export const namespaceOf = (key: string) => key.split('.')[0]!;

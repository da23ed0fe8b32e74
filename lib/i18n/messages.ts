import fr from '@/messages/fr.json';
import type { Locale } from './config';

export type Messages = typeof fr;
type Tree = { [k: string]: string | Tree };

const loaders: Record<Locale, () => Promise<Tree>> = {
  fr: async () => fr,
  en: async () => (await import('@/messages/en.json')).default,
  bm: async () => (await import('@/messages/bm.json')).default,
  snk: async () => (await import('@/messages/snk.json')).default,
  ff: async () => (await import('@/messages/ff.json')).default,
};

/** Fills every key missing from `partial` with French, so an incomplete file never shows a raw key. */
export function withFallback(partial: Tree, base: Tree = fr): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(base)) {
    const p = partial[k];
    if (typeof v === 'string') out[k] = typeof p === 'string' && p !== '' ? p : v;
    else out[k] = withFallback(p && typeof p === 'object' ? p : {}, v);
  }
  return out;
}

/** A language's file in the repository, French key by key where it has nothing (lib/translations/live.ts adds what was approved in the app). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === 'fr') return fr;
  return withFallback(await loaders[locale]()) as Messages;
}

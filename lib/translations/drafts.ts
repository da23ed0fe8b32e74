/**
 * The first Bambara translation of the core path (issue 14 §3): navigation, the topic page, voting,
 * comments, registration and sign-in, errors, the participant's slip.
 *
 * It is a MACHINE DRAFT: written by an LLM (Claude, Anthropic) in December 2026, read by no speaker.
 * It is never put in messages/bm.json and never shown to readers as it is: the demo seeds it as
 * proposals marked "à relire" (origin 'machine', proposed by nobody), and each text goes live only once
 * two people have approved it in /admin/translations (lib/translations/review.ts). Where each string
 * came from: docs/features/languages.md.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { translationProposals } from '@/db/schema';
import type { TranslatableLocale } from '@/lib/i18n/config';
import bmCore from './drafts/bm-core.json';
import { SOURCE } from './catalog';
import { translationProblem } from './icu';

export const BM_CORE_DRAFT: Readonly<Record<string, string>> = bmCore;
export const MACHINE_DRAFT_PROVENANCE = 'machine draft (LLM: Claude, Anthropic, December 2026), not reviewed by a speaker — à relire';

/** The keys of the core path, the ones a first translation of a language should cover. */
export const CORE_KEYS: ReadonlySet<string> = new Set(Object.keys(bmCore));

/**
 * Stores machine drafts as proposals waiting for two reviewers. Skips a key that already has a pending
 * proposal with the same text (so running it twice changes nothing) and any text that would not format.
 */
export function seedMachineDrafts(db: Db, locale: TranslatableLocale, drafts: Readonly<Record<string, string>>, provenance = MACHINE_DRAFT_PROVENANCE): number {
  let added = 0;
  db.transaction((tx) => {
    for (const [key, text] of Object.entries(drafts)) {
      const source = SOURCE.get(key);
      if (source === undefined || translationProblem(source, text)) continue;
      const exists = tx
        .select({ id: translationProposals.id })
        .from(translationProposals)
        .where(and(eq(translationProposals.locale, locale), eq(translationProposals.key, key), eq(translationProposals.text, text)))
        .get();
      if (exists) continue;
      tx.insert(translationProposals).values({ locale, key, text, source, origin: 'machine', provenance, proposedBy: null }).run();
      added++;
    }
  });
  return added;
}

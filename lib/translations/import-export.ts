import { and, eq } from 'drizzle-orm';
import { translationProposals } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, ok, type Result } from '@/lib/errors';
import type { TranslatableLocale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';
import { flattenMessages, nestMessages, SOURCE, SOURCE_KEYS, type MessageTree } from './catalog';
import { translationProblem } from './icu';
import { liveTexts } from './live';
import { importTranslationsSchema, TRANSLATION_MAX } from './schemas';

/**
 * A language's live texts (the repository's file and what was approved in the app), in next-intl's
 * message format and fr.json's order, without French: what to commit as messages/<locale>.json so the
 * reviewed translations land in the repository.
 */
export function exportTranslations(ctx: Pick<ViewContext, 'db'>, locale: TranslatableLocale): MessageTree {
  const live = liveTexts(ctx.db, locale);
  return nestMessages(SOURCE_KEYS.filter((k) => live.has(k)).map((k) => [k, live.get(k)!]));
}

export type ImportSummary = { proposed: number; unchanged: number; unknownKeys: string[]; refused: string[] };

/**
 * Reads a JSON file in next-intl's format (nested, or flat "Namespace.key") and turns every text that
 * differs from what is live into a proposal by the importer, with the provenance they give. Nothing is
 * approved by importing: each text still needs its reviewers. Keys French does not have, and texts whose
 * placeholders differ from French, are listed and left out.
 */
export function importTranslations(ctx: ViewContext, input: unknown): Result<ImportSummary> {
  const parsed = parse(importTranslationsSchema, input);
  if (!parsed.ok) return parsed;
  const { locale, origin, provenance, file } = parsed.data;
  const { db, actor, now } = ctx;
  if (!can(actor, 'translation.propose', undefined)) return forbidden();

  let tree: unknown;
  try {
    tree = JSON.parse(file.replace(/^\uFEFF/, ''));
  } catch {
    return invalid({ file: 'translationFileNotJson' });
  }
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) return invalid({ file: 'translationFileNotJson' });
  const texts = flattenMessages(tree as MessageTree);

  return db.transaction((tx): Result<ImportSummary> => {
    const live = liveTexts(tx, locale);
    const summary: ImportSummary = { proposed: 0, unchanged: 0, unknownKeys: [], refused: [] };
    const at = now.toISOString();
    for (const [key, raw] of texts) {
      const source = SOURCE.get(key);
      if (source === undefined) {
        summary.unknownKeys.push(key);
        continue;
      }
      const text = raw.trim();
      if (text === '') continue;
      if (text.length > TRANSLATION_MAX || translationProblem(source, text)) {
        summary.refused.push(key);
        continue;
      }
      const pending = tx
        .select({ id: translationProposals.id })
        .from(translationProposals)
        .where(and(eq(translationProposals.locale, locale), eq(translationProposals.key, key), eq(translationProposals.state, 'proposed'), eq(translationProposals.text, text)))
        .get();
      if (live.get(key) === text || pending) {
        summary.unchanged++;
        continue;
      }
      tx.insert(translationProposals).values({ locale, key, text, source, origin, provenance, proposedBy: actor!.id, createdAt: at }).run();
      summary.proposed++;
    }
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'translation.import',
      subjectType: 'translation',
      subjectId: null,
      details: { locale, origin, provenance, proposed: summary.proposed, unchanged: summary.unchanged, unknownKeys: summary.unknownKeys.length, refused: summary.refused.length },
    });
    return ok(summary);
  }, { behavior: 'immediate' });
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { moderationTerms } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';

const removeTermSchema = z.strictObject({ termId: idParam });

/**
 * Takes a term off the list of its scope (a commune's by its moderators, the region's by region
 * moderators and admins); screening stops using it at once. The audit row keeps what it was.
 */
export function removeModerationTerm(db: Db, actor: Actor | null, input: unknown): Result<{ id: number }> {
  const parsed = parse(removeTermSchema, input);
  if (!parsed.ok) return parsed;
  const row = db.select().from(moderationTerms).where(eq(moderationTerms.id, parsed.data.termId)).get();
  if (!row) return notFound();
  if (!can(actor, 'moderation.manageTerm', { communeId: row.communeId })) {
    // The region's terms are listed to every moderator; another commune's are not: the same answer as an unknown id.
    return row.communeId === null && can(actor, 'moderation.access', undefined) ? forbidden() : notFound();
  }
  db.transaction((tx) => {
    tx.delete(moderationTerms).where(eq(moderationTerms.id, row.id)).run();
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'moderation.term_remove',
      subjectType: 'term',
      subjectId: row.id,
      details: { term: row.term, language: row.language, communeId: row.communeId, addedBy: row.addedBy },
    });
  });
  return ok({ id: row.id });
}

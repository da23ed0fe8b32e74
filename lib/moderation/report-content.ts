import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { overCap } from '@/lib/rate-limit';
import { moderations, reports } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { moderatable } from './registry';
import { reportSchema } from './schemas';
import { moderationRules } from './settings';

/**
 * Anyone signed in and verified reports a piece of content once, with a reason. At the commune's
 * threshold of distinct reports (default 3) the content is hidden until a moderator reviews it —
 * exactly once, even when the reports arrive together (one IMMEDIATE transaction decides). What the
 * commune publishes officially (a topic, an official answer, a progress update) is never hidden by
 * reports: at the threshold it goes to the top of the moderation queue instead (issue 12 §4). Only
 * verified accounts report (lib/permissions), so only they move the count.
 */
export function reportContent(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ autoHidden: boolean; topicId: number | null }> {
  const parsed = parse(reportSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const type = moderatable(v.contentType);
  const item = type?.load(db, v.contentId);
  // What the reporter cannot read does not exist for them: the same answer as an unknown id.
  if (!type || !item || !item.isPublic) return notFound();
  if (!can(actor, 'content.report', { authorId: item.authorId, isPublic: item.isPublic })) return forbidden();
  const threshold = moderationRules(db, item.communeId).reportThreshold;
  const capped = overCap(db, 'reportPerAccount', actor!.id, now);
  if (capped) return capped;

  return db.transaction((tx): Result<{ autoHidden: boolean; topicId: number | null }> => {
    tx.insert(moderations)
      .values({ contentType: item.type, contentId: item.id, communeId: item.communeId, authorId: item.authorId, state: 'visible' })
      .onConflictDoNothing()
      .run();
    const mod = tx
      .select()
      .from(moderations)
      .where(and(eq(moderations.contentType, item.type), eq(moderations.contentId, item.id)))
      .get()!;
    const already = tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.moderationId, mod.id), eq(reports.reporterId, actor!.id)))
      .get();
    if (already) return conflict({ reason: 'alreadyReported' });
    tx.insert(reports).values({ moderationId: mod.id, reporterId: actor!.id, reason: v.reason, details: v.details ?? null, createdAt: now.toISOString() }).run();
    const reportCount = mod.reportCount + 1;
    // New reports after a dismissal reopen the item for review.
    tx.update(moderations).set({ reportCount, decidedAt: null, decidedBy: null, outcome: null }).where(eq(moderations.id, mod.id)).run();
    recordAudit(tx, { actorId: actor!.id, action: 'content.report', subjectType: item.type, subjectId: item.id, details: { reason: v.reason } });

    const reached = reportCount >= threshold;
    if (item.official) {
      tx.update(moderations)
        .set({ escalatedAt: reached ? (mod.escalatedAt ?? now.toISOString()) : null })
        .where(eq(moderations.id, mod.id))
        .run();
      if (reached && !mod.escalatedAt) {
        recordAudit(tx, { actorId: null, action: 'content.escalate', subjectType: item.type, subjectId: item.id, details: { reports: reportCount, threshold } });
      }
    }
    const autoHidden = !item.official && mod.state === 'visible' && reached;
    if (autoHidden) {
      const top = tx
        .select({ reason: reports.reason, n: count() })
        .from(reports)
        .where(eq(reports.moderationId, mod.id))
        .groupBy(reports.reason)
        .orderBy(desc(count()), sql`min(${reports.id})`)
        .get();
      tx.update(moderations)
        .set({ state: 'hidden', hiddenAt: now.toISOString(), hiddenBy: null, hiddenReason: `report:${top?.reason ?? v.reason}`, hideCount: sql`${moderations.hideCount} + 1` })
        .where(eq(moderations.id, mod.id))
        .run();
      type.setVisibility(tx, item.id, 'hidden');
      recordAudit(tx, { actorId: null, action: 'content.auto_hide', subjectType: item.type, subjectId: item.id, details: { reports: reportCount, threshold } });
    }
    // What changed for everyone: the topic page showing it, when it was hidden.
    return ok({ autoHidden, topicId: autoHidden ? item.topicId : null });
  }, { behavior: 'immediate' });
}

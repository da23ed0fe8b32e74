import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { moderations, reports, type Moderation } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { notify } from '@/lib/notifications/deliver';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { moderatable, type ModeratedContent } from './registry';
import { bulkSchema, moderateSchema, type ModerationAction } from './schemas';


export function moderationSubject(item: ModeratedContent) {
  return {
    communeId: item.communeId,
    authorId: item.authorId,
    conflictedUserIds: item.conflictedUserIds,
    conflictedOfficialsOf: item.conflictedOfficialsOf,
  };
}

/** Which actions make sense in which state; anything else is refused, not silently ignored. */
function allowed(action: ModerationAction, mod: Moderation | undefined): boolean {
  const state = mod?.state ?? 'visible';
  switch (action) {
    case 'approve':
      return state === 'held';
    case 'dismiss':
      return !!mod && (mod.reportCount > 0 || (state === 'hidden' && mod.hiddenBy === null));
    case 'hide':
      return state !== 'hidden' || mod?.hiddenBy === null;
    case 'restore':
      return state === 'hidden';
  }
}

type Outcome = { moderationId: number; authorId: number; reporters: number[]; action: ModerationAction; topicId: number | null };

/** One moderation act inside the caller's transaction (shared by single and bulk actions). */
function apply(tx: Tx, actor: Actor, item: ModeratedContent, action: ModerationAction, reason: string | undefined, now: Date): Result<Outcome> {
  const existing = tx.select().from(moderations).where(and(eq(moderations.contentType, item.type), eq(moderations.contentId, item.id))).get();
  // Checked before anything is written: a refused act leaves no trace but its refusal.
  if (!allowed(action, existing)) return invalid({ action: 'moderationNotAllowed' });
  tx.insert(moderations)
    .values({ contentType: item.type, contentId: item.id, communeId: item.communeId, authorId: item.authorId, state: item.visibility })
    .onConflictDoNothing()
    .run();
  const mod = existing ?? tx.select().from(moderations).where(and(eq(moderations.contentType, item.type), eq(moderations.contentId, item.id))).get()!;
  const nowIso = now.toISOString();
  const to = action === 'hide' ? 'hidden' : 'visible';
  tx.update(moderations)
    .set({
      state: to,
      decidedAt: nowIso,
      decidedBy: actor.id,
      // Settled: no longer at the top of the queue (new reports put it back, lib/moderation/report-content.ts).
      escalatedAt: null,
      outcome: action === 'approve' ? 'approved' : action === 'dismiss' ? 'dismissed' : action === 'hide' ? 'hidden' : 'restored',
      ...(action === 'hide' ? { hiddenAt: nowIso, hiddenBy: actor.id, hiddenReason: reason!, hideCount: sql`${moderations.hideCount} + 1` } : {}),
      ...(action === 'dismiss' ? { reportCount: 0 } : {}),
    })
    .where(eq(moderations.id, mod.id))
    .run();
  moderatable(item.type)!.setVisibility(tx, item.id, to);
  recordAudit(tx, {
    actorId: actor.id,
    action: `content.${action}`,
    subjectType: item.type,
    subjectId: item.id,
    details: { moderationId: mod.id, reason: reason ?? null, from: mod.state },
  });
  const reporters = tx.select({ id: reports.reporterId }).from(reports).where(eq(reports.moderationId, mod.id)).all().map((r) => r.id);
  return ok({ moderationId: mod.id, authorId: item.authorId, reporters, action, topicId: item.topicId });
}

function tellPeople(db: Db, actor: Actor, o: Outcome) {
  notify(db, { kind: 'moderation.outcome', recipientIds: [o.authorId], actorId: actor.id, moderationId: o.moderationId });
  if (o.action === 'hide' || o.action === 'dismiss') {
    notify(db, { kind: 'moderation.report_outcome', recipientIds: o.reporters, actorId: actor.id, moderationId: o.moderationId });
  }
}

/**
 * approve / dismiss reports / hide (with a public reason) / restore. Nothing is ever deleted. The result
 * names the topic whose public page changed (null: the content is shown on a project's page).
 */
export function moderateContent(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ moderationId: number; topicId: number | null }> {
  const parsed = parse(moderateSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const item = moderatable(v.contentType)?.load(db, v.contentId);
  if (!item) return notFound();
  if (!actor || !can(actor, 'content.moderate', moderationSubject(item))) return forbidden();
  const r = db.transaction((tx) => apply(tx, actor, item, v.action, v.reason, now), { behavior: 'immediate' });
  if (!r.ok) return r;
  tellPeople(db, actor, r.value);
  return ok({ moderationId: r.value.moderationId, topicId: r.value.topicId });
}

/**
 * The same act on many items: each one checked on its own; items the moderator may not touch are skipped.
 * The result names the topics whose public pages changed.
 */
export function moderateBulk(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ done: number; skipped: number; topicIds: number[] }> {
  const parsed = parse(bulkSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (v.action === 'hide' && (v.reason ?? '').trim().length < 5) return invalid({ reason: 'reasonRequired' });
  if (!actor) return forbidden();
  const outcomes: Outcome[] = [];
  let skipped = 0;
  db.transaction((tx) => {
    for (const ref of v.items) {
      const [type, id] = ref.split(':') as [string, string];
      const item = moderatable(type)?.load(tx, Number(id));
      if (!item || !can(actor, 'content.moderate', moderationSubject(item))) {
        skipped++;
        continue;
      }
      const r = apply(tx, actor, item, v.action, v.reason, now);
      if (r.ok) outcomes.push(r.value);
      else skipped++;
    }
  }, { behavior: 'immediate' });
  for (const o of outcomes) tellPeople(db, actor, o);
  const topicIds = [...new Set(outcomes.flatMap((o) => (o.topicId === null ? [] : [o.topicId])))];
  return ok({ done: outcomes.length, skipped, topicIds });
}

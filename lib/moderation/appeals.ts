import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { appeals, moderations, sanctions, users } from '@/db/schema';
import { activeRoles } from '@/lib/roles/holders';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, notFound, ok, type Result } from '@/lib/errors';
import { notify } from '@/lib/notifications/deliver';
import { can, type Actor, type Subjects } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { moderationSubject } from './moderate-content';
import { moderatable } from './registry';
import { PERMANENT } from './sanctions';
import { appealSchema, decideAppealSchema } from './schemas';

type Reader = Pick<Db, 'select'>;

/** The end of the longest suspension of this person still running and not lifted, if any. */
function remainingSuspension(db: Reader, userId: number, now: Date): string | null {
  const running = db
    .select({ endsAt: sanctions.endsAt })
    .from(sanctions)
    .where(and(eq(sanctions.userId, userId), eq(sanctions.kind, 'suspension'), isNull(sanctions.liftedAt), or(isNull(sanctions.endsAt), gt(sanctions.endsAt, now.toISOString()))))
    .all();
  if (running.length === 0) return null;
  return running.some((r) => r.endsAt === null) ? PERMANENT : running.map((r) => r.endsAt!).sort().at(-1)!;
}

/** The author of hidden content, or a suspended person, appeals the decision once, with a text. */
export function appealDecision(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ appealId: number }> {
  const parsed = parse(appealSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!actor) return forbidden();
  let concerned: number;
  let original: number | null;
  let decision: number | null = null;
  if (v.moderationId) {
    const mod = db.select().from(moderations).where(eq(moderations.id, v.moderationId)).get();
    if (!mod || mod.state !== 'hidden') return notFound();
    concerned = mod.authorId;
    original = mod.hiddenBy;
    decision = mod.hideCount;
  } else {
    const s = db.select().from(sanctions).where(eq(sanctions.id, v.sanctionId!)).get();
    if (!s || s.kind !== 'suspension' || s.liftedAt) return notFound();
    concerned = s.userId;
    original = s.moderatorId;
  }
  // Even a suspended person may appeal: that is the point.
  if (!can(actor, 'appeal.create', { appellantId: actor.id, concernedUserId: concerned })) return forbidden();
  // Once per decision: content hidden again after an appeal is a new decision, open to appeal.
  const existing = db
    .select({ id: appeals.id })
    .from(appeals)
    .where(
      v.moderationId
        ? and(eq(appeals.moderationId, v.moderationId), decision === null ? isNull(appeals.decision) : eq(appeals.decision, decision))
        : eq(appeals.sanctionId, v.sanctionId!),
    )
    .get();
  if (existing) return conflict({ text: 'alreadyAppealed' });
  try {
    const appealId = db.transaction((tx) => {
      const row = tx
        .insert(appeals)
        .values({ appellantId: actor.id, moderationId: v.moderationId ?? null, decision, sanctionId: v.sanctionId ?? null, originalModeratorId: original, text: v.text, createdAt: now.toISOString() })
        .returning({ id: appeals.id })
        .get();
      recordAudit(tx, { actorId: actor.id, action: 'appeal.create', subjectType: 'appeal', subjectId: row.id, details: { moderationId: v.moderationId ?? null, sanctionId: v.sanctionId ?? null } });
      return row.id;
    });
    return ok({ appealId });
  } catch (e) {
    if (String(e).includes('UNIQUE')) return conflict({ text: 'alreadyAppealed' });
    throw e;
  }
}

type AppealRef = { moderationId: number | null; sanctionId: number | null; originalModeratorId: number | null; appellantId: number };

/**
 * What an appeal is against (the hidden content's moderation record, or the suspension) and who may
 * settle it (`appeal.decide`'s subject); null when neither exists any more. Used by decideAppeal and by
 * the appeals page, so the page offers the form exactly to those the use case accepts.
 */
export function appealSubject(db: Db, appeal: AppealRef) {
  const mod = appeal.moderationId ? db.select().from(moderations).where(eq(moderations.id, appeal.moderationId)).get() : undefined;
  const item = mod ? moderatable(mod.contentType)?.load(db, mod.contentId) : undefined;
  const sanction = appeal.sanctionId ? db.select().from(sanctions).where(eq(sanctions.id, appeal.sanctionId)).get() : undefined;
  if (!item && !sanction) return null;
  // A suspension is settled in the scope it was given in (the commune of the content it was about).
  const base = item
    ? { ...moderationSubject(item), sanction: false, appellantRoles: [] }
    : { communeId: sanction!.communeId, authorId: sanction!.userId, conflictedUserIds: [], conflictedOfficialsOf: null, sanction: true, appellantRoles: activeRoles(db, sanction!.userId) };
  const subject: Subjects['appeal.decide'] = { ...base, originalModeratorId: appeal.originalModeratorId, appellantId: appeal.appellantId };
  return { mod, item, sanction, subject };
}

/**
 * Another moderator settles the appeal: upheld restores the content exactly as it was (or lifts the
 * suspension); rejected keeps the decision. The appellant is told either way.
 */
export function decideAppeal(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ appealId: number }> {
  const parsed = parse(decideAppealSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const appeal = db.select().from(appeals).where(eq(appeals.id, v.appealId)).get();
  if (!appeal || appeal.state !== 'pending') return notFound();
  if (!actor) return forbidden();

  const about = appealSubject(db, appeal);
  if (!about) return notFound();
  const { mod, item, sanction } = about;
  if (!can(actor, 'appeal.decide', about.subject)) return forbidden();

  db.transaction((tx) => {
    tx.update(appeals).set({ state: v.outcome, decidedBy: actor.id, decidedAt: now.toISOString(), note: v.note }).where(eq(appeals.id, appeal.id)).run();
    if (v.outcome === 'upheld' && mod && item) {
      tx.update(moderations)
        .set({ state: 'visible', decidedAt: now.toISOString(), decidedBy: actor.id, outcome: 'restored', reportCount: 0 })
        .where(eq(moderations.id, mod.id))
        .run();
      moderatable(mod.contentType)!.setVisibility(tx, mod.contentId, 'visible');
      recordAudit(tx, { actorId: actor.id, action: 'content.restore', subjectType: mod.contentType, subjectId: mod.contentId, details: { appealId: appeal.id } });
    }
    if (v.outcome === 'upheld' && sanction) {
      tx.update(sanctions).set({ liftedAt: now.toISOString(), liftedBy: actor.id }).where(eq(sanctions.id, sanction.id)).run();
      // Lifting one suspension leaves any other still running (another commune's, say) as it was.
      tx.update(users).set({ suspendedUntil: remainingSuspension(tx, sanction.userId, now) }).where(eq(users.id, sanction.userId)).run();
      recordAudit(tx, { actorId: actor.id, action: 'user.unsuspend', subjectType: 'user', subjectId: sanction.userId, details: { appealId: appeal.id } });
    }
    recordAudit(tx, { actorId: actor.id, action: `appeal.${v.outcome}`, subjectType: 'appeal', subjectId: appeal.id, details: { note: v.note } });
  }, { behavior: 'immediate' });
  notify(db, { kind: 'appeal.decided', recipientIds: [appeal.appellantId], actorId: actor.id, appealId: appeal.id, moderationId: appeal.moderationId });
  return ok({ appealId: appeal.id });
}

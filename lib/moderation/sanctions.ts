import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, moderations, projects, sanctions, topics, users, type ContentType } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { notify } from '@/lib/notifications/deliver';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { moderatable } from './registry';
import { suspendSchema, warnSchema } from './schemas';

/** A permanent suspension is stored as a far-future date, so "suspended until" comparisons stay simple. */
export const PERMANENT = '9999-12-31T23:59:59.999Z';

export function warnUser(db: Db, actor: Actor | null, input: unknown): Result<{ sanctionId: number }> {
  const parsed = parse(warnSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const user = db.select({ id: users.id, communeId: users.communeId }).from(users).where(eq(users.id, v.userId)).get();
  if (!user) return notFound();
  if (!can(actor, 'user.sanction', { userId: user.id, communeId: user.communeId })) return forbidden();
  const sanctionId = db.transaction((tx) => {
    const row = tx.insert(sanctions).values({ userId: user.id, kind: 'warning', reason: v.reason, moderatorId: actor!.id }).returning({ id: sanctions.id }).get();
    recordAudit(tx, { actorId: actor!.id, action: 'user.warn', subjectType: 'user', subjectId: user.id, details: { sanctionId: row.id, reason: v.reason } });
    return row.id;
  });
  notify(db, { kind: 'moderation.warning', recipientIds: [user.id], actorId: actor!.id });
  return ok({ sanctionId });
}

/**
 * Suspends for N days or permanently. The session version moves on, so every session ends at its
 * next request; the person can sign in again to read, see why and until when, and appeal.
 * Optionally hides all their visible content at once (kept, never deleted).
 */
export function suspendUser(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ sanctionId: number; hidden: number }> {
  const parsed = parse(suspendSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const user = db.select({ id: users.id, communeId: users.communeId }).from(users).where(eq(users.id, v.userId)).get();
  if (!user) return notFound();
  if (!can(actor, 'user.sanction', { userId: user.id, communeId: user.communeId })) return forbidden();
  const endsAt = v.days === null ? PERMANENT : new Date(now.getTime() + v.days * 86_400_000).toISOString();

  const result = db.transaction((tx) => {
    const row = tx
      .insert(sanctions)
      .values({ userId: user.id, kind: 'suspension', reason: v.reason, endsAt: v.days === null ? null : endsAt, moderatorId: actor!.id, createdAt: now.toISOString() })
      .returning({ id: sanctions.id })
      .get();
    tx.update(users).set({ suspendedUntil: endsAt, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { actorId: actor!.id, action: 'user.suspend', subjectType: 'user', subjectId: user.id, details: { sanctionId: row.id, reason: v.reason, until: endsAt } });
    let hidden = 0;
    if (v.hideContent === 'on') {
      const visible: { type: ContentType; id: number }[] = [
        ...tx.select({ id: comments.id }).from(comments).where(and(eq(comments.authorId, user.id), eq(comments.visibility, 'visible'))).all().map((r) => ({ type: 'comment' as const, id: r.id })),
        ...tx.select({ id: topics.id }).from(topics).where(and(eq(topics.authorId, user.id), eq(topics.visibility, 'visible'))).all().map((r) => ({ type: 'topic' as const, id: r.id })),
        ...tx.select({ id: projects.id }).from(projects).where(and(eq(projects.authorId, user.id), eq(projects.visibility, 'visible'))).all().map((r) => ({ type: 'project' as const, id: r.id })),
      ];
      for (const c of visible) {
        const type = moderatable(c.type);
        const item = type?.load(tx, c.id);
        if (!type || !item || !can(actor, 'content.moderate', { communeId: item.communeId, authorId: item.authorId, conflictedUserIds: item.conflictedUserIds, conflictedOfficialsOf: item.conflictedOfficialsOf })) continue;
        tx.insert(moderations)
          .values({ contentType: c.type, contentId: c.id, communeId: item.communeId, authorId: user.id, state: 'hidden', hideCount: 1, hiddenAt: now.toISOString(), hiddenBy: actor!.id, hiddenReason: v.reason, decidedAt: now.toISOString(), decidedBy: actor!.id, outcome: 'hidden' })
          .onConflictDoUpdate({
            target: [moderations.contentType, moderations.contentId],
            set: { state: 'hidden', hiddenAt: now.toISOString(), hiddenBy: actor!.id, hiddenReason: v.reason, decidedAt: now.toISOString(), decidedBy: actor!.id, outcome: 'hidden', hideCount: sql`${moderations.hideCount} + 1` },
          })
          .run();
        type.setVisibility(tx, c.id, 'hidden');
        recordAudit(tx, { actorId: actor!.id, action: 'content.hide', subjectType: c.type, subjectId: c.id, details: { reason: v.reason, bulkWithSanction: row.id } });
        hidden++;
      }
    }
    return { sanctionId: row.id, hidden };
  }, { behavior: 'immediate' });
  notify(db, { kind: 'moderation.suspension', recipientIds: [user.id], actorId: actor!.id });
  return ok(result);
}

/** The sanction that currently suspends this user, if any (for "why, and until when"). */
export function activeSuspension(db: Db, userId: number, now = new Date()) {
  const user = db.select({ suspendedUntil: users.suspendedUntil }).from(users).where(eq(users.id, userId)).get();
  if (!user?.suspendedUntil || user.suspendedUntil <= now.toISOString()) return null;
  const s = db
    .select()
    .from(sanctions)
    .where(and(eq(sanctions.userId, userId), eq(sanctions.kind, 'suspension'), sql`${sanctions.liftedAt} IS NULL`))
    .orderBy(sql`${sanctions.id} DESC`)
    .get();
  return { until: user.suspendedUntil, permanent: user.suspendedUntil === PERMANENT, sanction: s ?? null };
}

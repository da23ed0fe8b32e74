import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { comments, moderations, projects, sanctions, topics, users, type ContentType } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Failure, type Result } from '@/lib/errors';
import { notify } from '@/lib/notifications/deliver';
import { can, type Actor, type Subjects } from '@/lib/permissions';
import { activeRoles, isLastActiveAdmin } from '@/lib/roles/holders';
import { parse } from '@/lib/validation';
import { moderatable } from './registry';
import { suspendSchema, warnSchema } from './schemas';

/** A permanent suspension is stored as a far-future date, so "suspended until" comparisons stay simple. */
export const PERMANENT = '9999-12-31T23:59:59.999Z';

type SanctionInput = { userId: number; about: { type: ContentType; id: number } | null };

/** Thrown inside a transaction to roll it back with an answer. */
class Refused extends Error {
  constructor(readonly failure: Failure) {
    super(`refused: ${failure.error}`);
  }
}

/**
 * Who is sanctioned, about what, and whether this moderator may: the scope is the commune where the
 * content named was posted (never the person's own, self-declared, home commune).
 */
function checkSanction(db: Db, actor: Actor | null, v: SanctionInput, kind: 'warning' | 'suspension', now: Date) {
  const user = db.select({ id: users.id }).from(users).where(eq(users.id, v.userId)).get();
  if (!user) return notFound();
  let communeId: number | null = null;
  if (v.about) {
    const item = moderatable(v.about.type)?.load(db, v.about.id);
    if (!item || item.authorId !== user.id) return invalid({ about: 'sanctionAboutInvalid' });
    communeId = item.communeId;
  }
  const subject: Subjects['user.sanction'] = {
    userId: user.id,
    communeId,
    kind,
    targetRoles: activeRoles(db, user.id),
    lastActiveAdmin: kind === 'suspension' && isLastActiveAdmin(db, user.id, now),
  };
  if (!can(actor, 'user.sanction', subject)) {
    // Say why when the rest would be allowed: these are rules of the platform, not secrets.
    if (can(actor, 'user.sanction', { ...subject, lastActiveAdmin: false })) return rejected('lastActiveAdmin');
    if (can(actor, 'user.sanction', { ...subject, targetRoles: [] })) return rejected('sanctionAdminsOnly');
    return forbidden();
  }
  return ok({ userId: user.id, communeId, about: v.about });
}

const rejected = (reason: string): Failure => ({ ok: false, error: 'rejected', reason });

export function warnUser(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ sanctionId: number }> {
  const parsed = parse(warnSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const checked = checkSanction(db, actor, v, 'warning', now);
  if (!checked.ok) return checked;
  const { userId, communeId, about } = checked.value;
  const sanctionId = db.transaction((tx) => {
    const row = tx
      .insert(sanctions)
      .values({ userId, kind: 'warning', reason: v.reason, moderatorId: actor!.id, communeId, contentType: about?.type ?? null, contentId: about?.id ?? null, createdAt: now.toISOString() })
      .returning({ id: sanctions.id })
      .get();
    recordAudit(tx, { actorId: actor!.id, action: 'user.warn', subjectType: 'user', subjectId: userId, details: { sanctionId: row.id, reason: v.reason, communeId, about: about ? `${about.type}:${about.id}` : null } });
    return row.id;
  });
  notify(db, { kind: 'moderation.warning', recipientIds: [userId], actorId: actor!.id });
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
  const checked = checkSanction(db, actor, v, 'suspension', now);
  if (!checked.ok) return checked;
  const { communeId, about } = checked.value;
  const user = { id: checked.value.userId };
  const endsAt = v.days === null ? PERMANENT : new Date(now.getTime() + v.days * 86_400_000).toISOString();

  let result: { sanctionId: number; hidden: number };
  try {
    result = db.transaction((tx) => {
      // Checked again where no other write can come between: two admins suspending each other at the same
      // moment must not leave nobody to administer.
      if (isLastActiveAdmin(tx, user.id, now)) throw new Refused(rejected('lastActiveAdmin'));
      const row = tx
        .insert(sanctions)
        .values({
          userId: user.id,
          kind: 'suspension',
          reason: v.reason,
          endsAt: v.days === null ? null : endsAt,
          moderatorId: actor!.id,
          communeId,
          contentType: about?.type ?? null,
          contentId: about?.id ?? null,
          createdAt: now.toISOString(),
        })
        .returning({ id: sanctions.id })
        .get();
      // A longer suspension already running is not shortened.
      tx.update(users)
        .set({ suspendedUntil: sql`max(coalesce(${users.suspendedUntil}, ''), ${endsAt})`, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, user.id))
        .run();
      recordAudit(tx, { actorId: actor!.id, action: 'user.suspend', subjectType: 'user', subjectId: user.id, details: { sanctionId: row.id, reason: v.reason, until: endsAt, communeId, about: about ? `${about.type}:${about.id}` : null } });
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
  } catch (e) {
    if (e instanceof Refused) return e.failure;
    throw e;
  }
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

import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { notificationPreferences, notifications } from '@/db/schema';
import { forbidden, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';

const markReadSchema = z.strictObject({ notificationId: z.union([z.literal('all'), idParam]) });

export function markNotificationsRead(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ count: number }> {
  const parsed = parse(markReadSchema, input);
  if (!parsed.ok) return parsed;
  if (!actor || !can(actor, 'notifications.manage', { userId: actor.id })) return forbidden();
  const which = parsed.data.notificationId;
  const count = db
    .update(notifications)
    .set({ readAt: now.toISOString() })
    .where(
      and(
        eq(notifications.userId, actor.id),
        isNull(notifications.readAt),
        which === 'all' ? undefined : eq(notifications.id, which),
      ),
    )
    .run().changes;
  return ok({ count });
}

/** Checkboxes: a missing field means "off", as an unticked box sends nothing. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const preferencesSchema = z.strictObject({
  replies: checkbox.optional(),
  decisions: checkbox.optional(),
  newTopics: checkbox.optional(),
  projects: checkbox.optional(),
});

export function updateNotificationPreferences(db: Db, actor: Actor | null, input: unknown): Result<null> {
  const parsed = parse(preferencesSchema, input);
  if (!parsed.ok) return parsed;
  if (!actor || !can(actor, 'notifications.manage', { userId: actor.id })) return forbidden();
  const values = {
    replies: !!parsed.data.replies,
    decisions: !!parsed.data.decisions,
    newTopics: !!parsed.data.newTopics,
    projects: !!parsed.data.projects,
  };
  db.insert(notificationPreferences)
    .values({ userId: actor.id, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values })
    .run();
  return ok(null);
}

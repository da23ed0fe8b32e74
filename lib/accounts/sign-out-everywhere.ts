import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';

/** Every session of this person, on every device, this one included, ends now. */
export function signOutEverywhere(db: Db, actor: Actor | null, now = new Date()): Result<null> {
  if (!actor || !can(actor, 'session.revokeAll', { userId: actor.id })) return forbidden();
  db.transaction((tx) => {
    tx.update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id))
      .run();
    tx.update(sessions)
      .set({ endedAt: now.toISOString(), endReason: 'everywhere' })
      .where(and(eq(sessions.userId, actor.id), isNull(sessions.endedAt)))
      .run();
    recordAudit(tx, { actorId: actor.id, action: 'user.signout_everywhere', subjectType: 'user', subjectId: actor.id });
  });
  return ok(null);
}

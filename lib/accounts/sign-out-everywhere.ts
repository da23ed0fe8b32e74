import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';

/** Every session of this person, on every device, ends at its next request. */
export function signOutEverywhere(db: Db, actor: Actor | null): Result<null> {
  if (!actor || !can(actor, 'session.revokeAll', { userId: actor.id })) return forbidden();
  db.transaction((tx) => {
    tx.update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id))
      .run();
    recordAudit(tx, { actorId: actor.id, action: 'user.signout_everywhere', subjectType: 'user', subjectId: actor.id });
  });
  return ok(null);
}

import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import type { AttemptMeta } from './authenticate';
import { hashPassword } from './password';
import { notifyAccountOwner } from './notify-owner';
import { confirmSecret } from './reauthenticate';
import { changePasswordSchema } from './schemas';

/**
 * Needs the current password, checked under the sign-in throttle. Ends every session, this one
 * included (the session version moves on): the person signs in again with the new password.
 */
export async function changePassword(
  db: Db,
  actor: Actor | null,
  input: unknown,
  meta: AttemptMeta = { ip: 'local' },
): Promise<Result<{ sessionVersion: number }>> {
  const parsed = parse(changePasswordSchema, input);
  if (!parsed.ok) return parsed;
  if (!actor) return forbidden();
  const user = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!user) return notFound();
  if (!can(actor, 'password.change', { userId: user.id })) return forbidden();
  const refused = await confirmSecret(db, user, parsed.data.currentPassword, 'currentPassword', meta, 'currentPasswordWrong');
  if (refused) return refused;
  if (parsed.data.newPassword === parsed.data.currentPassword) return invalid({ newPassword: 'passwordUnchanged' });
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const sessionVersion = db.transaction((tx) => {
    const row = tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion })
      .get();
    recordAudit(tx, { actorId: actor.id, action: 'user.password_change', subjectType: 'user', subjectId: user.id });
    return row.sessionVersion;
  });
  // By SMS and e-mail too: whoever changed it, the owner hears of it where a thief cannot erase it.
  await notifyAccountOwner(db, user.id, 'password.changed');
  return ok({ sessionVersion });
}

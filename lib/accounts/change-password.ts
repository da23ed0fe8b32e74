import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { hashPassword, verifyPassword } from './password';
import { changePasswordSchema } from './schemas';

/** Needs the current password. Ends every other session (the session version moves on). */
export async function changePassword(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ sessionVersion: number }>> {
  const parsed = parse(changePasswordSchema, input);
  if (!parsed.ok) return parsed;
  if (!actor) return forbidden();
  const user = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!user) return notFound();
  if (!can(actor, 'password.change', { userId: user.id })) return forbidden();
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    return invalid({ currentPassword: 'currentPasswordWrong' });
  }
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
  return ok({ sessionVersion });
}

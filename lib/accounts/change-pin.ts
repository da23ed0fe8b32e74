import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import type { AttemptMeta } from './authenticate';
import { hashPassword } from './password';
import { isTrivialPin, pinSchema } from './pin';
import { confirmSecret } from './reauthenticate';

export const changePinSchema = z.strictObject({
  currentPin: z.string().min(1, 'required').max(32, 'pinFormat'),
  newPin: pinSchema,
  confirmPin: z.string().max(32, 'pinFormat'),
});

/**
 * A participant (code + PIN account) chooses their own PIN: the one on the slip was drawn by Baro and
 * seen by the facilitator. Needs the current PIN (sign-in throttle). Every other session of the
 * account ends; the one making the change (`keepSessionHash`) stays signed in.
 */
export async function changePin(
  db: Db,
  actor: Actor | null,
  input: unknown,
  meta: AttemptMeta & { keepSessionHash?: string | null } = { ip: 'local' },
): Promise<Result<null>> {
  const parsed = parse(changePinSchema, input);
  if (!parsed.ok) return parsed;
  if (!actor) return forbidden();
  const user = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!user) return notFound();
  if (!user.participantCode || !can(actor, 'password.change', { userId: user.id })) return forbidden();
  const v = parsed.data;
  if (v.confirmPin.replace(/\s+/g, '') !== v.newPin) return invalid({ confirmPin: 'pinMismatch' });
  const refused = await confirmSecret(db, user, v.currentPin.replace(/\s+/g, ''), 'currentPin', meta);
  if (refused) return refused;
  if (v.newPin === v.currentPin.replace(/\s+/g, '')) return invalid({ newPin: 'pinUnchanged' });
  if (isTrivialPin(v.newPin, user.birthYear)) return invalid({ newPin: 'pinTrivial' });

  const passwordHash = await hashPassword(v.newPin);
  const now = (meta.now ?? new Date()).toISOString();
  db.transaction((tx) => {
    const row = tx
      .update(users)
      .set({ passwordHash, pinChoicePending: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion })
      .get();
    const others = and(eq(sessions.userId, user.id), isNull(sessions.endedAt), meta.keepSessionHash ? ne(sessions.idHash, meta.keepSessionHash) : undefined);
    tx.update(sessions).set({ endedAt: now, endReason: 'others_ended' }).where(others).run();
    if (meta.keepSessionHash) {
      tx.update(sessions).set({ sessionVersion: row.sessionVersion }).where(and(eq(sessions.idHash, meta.keepSessionHash), eq(sessions.userId, user.id))).run();
    }
    recordAudit(tx, { actorId: actor.id, action: 'user.pin_change', subjectType: 'user', subjectId: user.id });
  }, { behavior: 'immediate' });
  return ok(null);
}

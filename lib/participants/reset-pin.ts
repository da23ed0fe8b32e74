import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { clearSignInLocks } from '@/lib/accounts/sign-in-lock';
import { hashPassword } from '@/lib/accounts/password';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, rateLimited, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { hit } from '@/lib/rate-limit';
import { activeRoles } from '@/lib/roles/holders';
import { parse } from '@/lib/validation';
import { generatePin } from './code';
import type { CodeOptions } from './register-participant';
import { resetPinSchema } from './schemas';
import { findSpace, type ParticipantSlip } from './slip';

/**
 * A participant who forgot their PIN gets a new one, in person, from a facilitator of the space that
 * registered them (or an admin). The old PIN stops working, every open session ends, and the account's
 * sign-in locks (the 15-minute one and the 24-hour one) are lifted: the facilitator has just seen who
 * they are. Unless the facilitator ticks "let the person keep this PIN", they choose their own at
 * their next sign-in.
 */
export async function resetParticipantPin(
  db: Db,
  actor: Actor | null,
  input: unknown,
  options: Pick<CodeOptions, 'now' | 'pin'> = {},
): Promise<Result<ParticipantSlip>> {
  const now = options.now ?? new Date();
  const parsed = parse(resetPinSchema, input);
  if (!parsed.ok) return parsed;
  const participant = db.select().from(users).where(eq(users.id, parsed.data.participantId)).get();
  if (!participant) return notFound();
  const subject = {
    participantId: participant.id,
    registeredAtSpaceId: participant.registeredAtSpaceId,
    hasCode: !!participant.participantCode,
    holdsRole: activeRoles(db, participant.id).length > 0,
  };
  if (!can(actor, 'participant.resetPin', subject)) return forbidden();

  const wait = await hit(db, 'pinResetPerAccount', `u:${actor!.id}`);
  if (wait > 0) return rateLimited(wait);

  const pin = (options.pin ?? generatePin)();
  const passwordHash = await hashPassword(pin);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, pinChoicePending: !parsed.data.keepSlip, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now.toISOString() })
      .where(eq(users.id, participant.id))
      .run();
    recordAudit(tx, {
      actorId: actor!.id,
      action: 'participant.pin_reset',
      subjectType: 'user',
      subjectId: participant.id,
      details: { spaceId: participant.registeredAtSpaceId, code: participant.participantCode },
    });
  }, { behavior: 'immediate' });
  clearSignInLocks(db, participant.id);

  const space = participant.registeredAtSpaceId ? findSpace(db, participant.registeredAtSpaceId) : undefined;
  return ok({
    userId: participant.id,
    displayName: participant.displayName,
    code: participant.participantCode!,
    pin,
    language: participant.language,
    spaceName: space?.name ?? '',
    spaceAddress: space?.address ?? '',
    spaceHours: space?.openingHours ?? '',
  });
}

import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { communes, users } from '@/db/schema';
import { hashPassword } from '@/lib/accounts/password';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, ok, rateLimited, type Result } from '@/lib/errors';
import { nameIsAbusive } from '@/lib/moderation/screen';
import { can, type Actor } from '@/lib/permissions';
import { hit } from '@/lib/rate-limit';
import { parse } from '@/lib/validation';
import { codePrefix, generateParticipantCode, generatePin } from './code';
import { registerParticipantSchema } from './schemas';
import { findSpace, type ParticipantSlip } from './slip';

export type CodeOptions = {
  now?: Date;
  /** for the demo seed and tests only: a chosen code and PIN instead of random ones */
  code?: (prefix: string) => string;
  pin?: () => string;
};

const ATTEMPTS = 20;

/** Is this a SQLite UNIQUE failure on the participant code (two registrations drawing the same code)? */
function codeTaken(e: unknown): boolean {
  return e instanceof Error && e.message.includes('UNIQUE constraint failed') && e.message.includes('users.participant_code');
}

/**
 * A facilitator (of the space, or an admin) registers someone who has no phone or e-mail, with their
 * consent recorded and dated. Baro draws a participant code and a 6-digit PIN; the PIN is stored
 * hashed like any password and handed back once, for the printed slip.
 */
export async function registerParticipant(
  db: Db,
  actor: Actor | null,
  input: unknown,
  options: CodeOptions = {},
): Promise<Result<ParticipantSlip>> {
  const now = options.now ?? new Date();
  const parsed = parse(registerParticipantSchema(now), input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const space = findSpace(db, v.spaceId);
  if (!space) return invalid({ spaceId: 'spaceRequired' });
  if (!can(actor, 'participant.register', { spaceId: space.id })) return forbidden();
  if (nameIsAbusive(db, v.displayName)) return invalid({ displayName: 'nameAbusive' });
  if (!db.select({ id: communes.id }).from(communes).where(eq(communes.id, v.communeId)).get()) return invalid({ communeId: 'communeRequired' });

  const wait = await hit(db, 'participantRegisterPerAccount', `u:${actor!.id}`);
  if (wait > 0) return rateLimited(wait);

  const pin = (options.pin ?? generatePin)();
  const passwordHash = await hashPassword(pin);
  const prefix = codePrefix(space.slug);
  const draw = options.code ?? generateParticipantCode;

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const code = draw(prefix);
    if (db.select({ id: users.id }).from(users).where(eq(users.participantCode, code)).get()) continue;
    try {
      const userId = db.transaction((tx) => {
        const row = tx
          .insert(users)
          .values({
            displayName: v.displayName,
            passwordHash,
            communeId: v.communeId,
            gender: v.gender ?? null,
            birthYear: v.birthYear ?? null,
            language: v.language,
            participantCode: code,
            registeredAtSpaceId: space.id,
            registeredBy: actor!.id,
            consentGivenOn: v.consentDate,
            pinChoicePending: !v.keepSlip,
            createdAt: now.toISOString(),
            // The facilitator saw the person: registering them in person verifies the account (issue 12 §2).
            verifiedAt: now.toISOString(),
            verifiedVia: 'in_person',
          })
          .returning({ id: users.id })
          .get();
        recordAudit(tx, {
          actorId: actor!.id,
          action: 'participant.register',
          subjectType: 'user',
          subjectId: row.id,
          // The code is an identifier, not a secret; the PIN never leaves this function but in the slip.
          details: { spaceId: space.id, code, communeId: v.communeId, consentGivenOn: v.consentDate },
        });
        return row.id;
      }, { behavior: 'immediate' });
      return ok({
        userId,
        displayName: v.displayName,
        code,
        pin,
        language: v.language,
        spaceName: space.name,
        spaceAddress: space.address,
        spaceHours: space.openingHours,
      });
    } catch (e) {
      if (!codeTaken(e)) throw e;
    }
  }
  throw new Error(`no free participant code for prefix ${prefix} after ${ATTEMPTS} draws`);
}

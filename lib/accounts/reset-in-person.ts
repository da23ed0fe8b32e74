import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, rateLimited, type Result } from '@/lib/errors';
import { generatePin } from '@/lib/participants/code';
import { findSpace, type ParticipantSlip } from '@/lib/participants/slip';
import { can, type Actor } from '@/lib/permissions';
import { announceThresholds } from '@/lib/projects/threshold';
import { take } from '@/lib/rate-limit';
import { activeRoles } from '@/lib/roles/holders';
import { idParam, parse } from '@/lib/validation';
import { findByIdentifier } from './authenticate';
import { CODE_RULES, generateCode, issueCode } from './codes';
import { notifyAccountOwner } from './notify-owner';
import { hashPassword } from './password';
import { clearSignInLocks } from './sign-in-lock';
import { markVerified } from './verify-account';

/**
 * Getting back in, in person (issue 12 §3). At any connected space, a facilitator checks the person's
 * identity with a document and resets their access; an admin does the same for anyone, and alone for
 * staff accounts. Only the KIND of document is recorded (audit row), never its number: the form has no
 * field for one. The old password or PIN stops working at once and every session ends. Then:
 * - an account with a phone or e-mail gets a one-time code, shown on the screen, valid 30 minutes,
 *   with which the person chooses a new password on "Mot de passe oublié ?" (step 2);
 * - a participant who signs in with a code gets a temporary PIN on a new slip (as at registration),
 *   and chooses their own at the next sign-in.
 * The account is verified by this act, the owner is told (in the app, by SMS and e-mail), and the
 * sign-in locks are lifted.
 */
export const IDENTITY_DOCUMENTS = ['nina_card', 'identity_card', 'passport', 'birth_certificate', 'consular_card', 'known_witness'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), idParam.optional());

export const resetInPersonSchema = z
  .strictObject({
    /** the space where the facilitator stands; empty for an admin acting from the admin area */
    spaceId: optionalId,
    /** the person's phone, e-mail or participant code, as they say it (facilitators) */
    identifier: z.string().trim().max(254, 'tooLong').optional(),
    /** the account, when the admin opened it from /admin/users/[id] */
    userId: optionalId,
    document: z.preprocess((v) => (v === '' ? undefined : v), z.enum(IDENTITY_DOCUMENTS, 'documentRequired')),
    /** "I checked the person's identity with this document; I wrote no number down" */
    checked: z.preprocess((v) => (v === undefined ? '' : v), z.literal('yes', 'identityCheckRequired')),
  })
  .superRefine((v, ctx) => {
    if (!v.userId && !v.identifier) ctx.addIssue({ code: 'custom', path: ['identifier'], message: 'participantRequired' });
  });

export type AccessReset =
  | { method: 'code'; userId: number; displayName: string; code: string; validMinutes: number }
  | { method: 'pin'; slip: ParticipantSlip };

export async function resetAccessInPerson(db: Db, actor: Actor | null, input: unknown, now = new Date()): Promise<Result<AccessReset>> {
  const parsed = parse(resetInPersonSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!actor) return forbidden();
  const space = v.spaceId ? findSpace(db, v.spaceId) : undefined;
  if (v.spaceId && !space) return invalid({ spaceId: 'spaceRequired' });
  const person = v.userId ? db.select().from(users).where(eq(users.id, v.userId)).get() : findByIdentifier(db, v.identifier!);
  if (!person) return v.userId ? notFound() : invalid({ identifier: 'accountUnknown' });
  if (person.id === actor.id) return invalid({ identifier: 'resetSelf' });
  if (!can(actor, 'account.resetInPerson', { userId: person.id, spaceId: space?.id ?? null, targetRoles: activeRoles(db, person.id) })) return forbidden();

  const wait = take(db, 'accessResetPerAccount', `u:${actor.id}`, now);
  if (wait > 0) return rateLimited(wait);

  // Without a phone or an e-mail, the account signs in with its participant code and a PIN.
  const byPin = !person.phone && !person.email && !!person.participantCode;
  const secret = byPin ? generatePin() : generateCode();
  // The old secret stops working now: a random password nobody knows until the person sets theirs.
  const passwordHash = await hashPassword(byPin ? secret : `${generateCode()}${randomUUID()}`);
  const reached = db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, pinChoicePending: byPin, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now.toISOString() })
      .where(eq(users.id, person.id))
      .run();
    tx.update(sessions)
      .set({ endedAt: now.toISOString(), endReason: 'everywhere' })
      .where(and(eq(sessions.userId, person.id), isNull(sessions.endedAt)))
      .run();
    if (!byPin) issueCode(tx, { userId: person.id, purpose: 'recovery', channel: 'in_person', recipient: null, code: secret }, now);
    // Who, where, with what kind of document: never the document's number, which Baro never asks for.
    recordAudit(tx, {
      actorId: actor.id,
      action: 'user.reset_in_person',
      subjectType: 'user',
      subjectId: person.id,
      details: { spaceId: space?.id ?? null, document: v.document, method: byPin ? 'pin' : 'code' },
    });
    return markVerified(tx, person.id, 'in_person', now);
  }, { behavior: 'immediate' });
  clearSignInLocks(db, person.id);
  announceThresholds(db, reached);
  await notifyAccountOwner(db, person.id, 'account.reset_in_person', { now });

  if (!byPin) return ok({ method: 'code', userId: person.id, displayName: person.displayName, code: secret, validMinutes: CODE_RULES.inPersonValidMinutes });
  const slipSpace = space ?? (person.registeredAtSpaceId ? findSpace(db, person.registeredAtSpaceId) : undefined);
  return ok({
    method: 'pin',
    slip: {
      userId: person.id,
      displayName: person.displayName,
      code: person.participantCode!,
      pin: secret,
      language: person.language,
      spaceName: slipSpace?.name ?? '',
      spaceAddress: slipSpace?.address ?? '',
      spaceHours: slipSpace?.openingHours ?? '',
    },
  });
}

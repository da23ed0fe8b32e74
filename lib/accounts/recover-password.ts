import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { sessions, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { invalid, ok, rateLimited, type Result } from '@/lib/errors';
import { enqueueMessage } from '@/lib/messaging/send-message';
import { composeCodeMessage } from '@/lib/messaging/templates';
import { announceThresholds } from '@/lib/projects/threshold';
import { take } from '@/lib/rate-limit';
import { parse } from '@/lib/validation';
import { findByIdentifier, signInKey } from './authenticate';
import { CODE_RULES, generateCode, issueCode, redeemCode } from './codes';
import { notifyAccountOwner } from './notify-owner';
import { hashPassword } from './password';
import { looksLikeEmail, normalizePhone } from './phone';
import { passwordSchema } from './schemas';
import { clearSignInLocks } from './sign-in-lock';
import { markVerified } from './verify-account';

/**
 * "Mot de passe oublié ?" (issue 12 §3). A code goes by SMS to the phone typed, or by e-mail to the
 * address typed; with it, the person chooses a new password. The answer is the same whether or not
 * an account has that phone or address, and the throttles count the typed identifier either way, so
 * the form tells nobody who has an account. Setting the new password ends every session, and the
 * owner is told in the app and on their other channel (the one that was not used). Participants who
 * sign in with a code and a PIN get a new PIN in person instead (lib/accounts/reset-in-person.ts).
 */
const identifierSchema = z.string().trim().min(1, 'required').max(254, 'tooLong');

export const requestRecoverySchema = z.strictObject({ identifier: identifierSchema });

export type RecoveryRequested = { channel: 'sms' | 'email' };

/** The phone or address a code would go to, from what was typed: null when it is neither. */
function recoveryTarget(identifier: string): { channel: 'sms' | 'email'; to: string } | null {
  if (looksLikeEmail(identifier)) {
    const email = z.email().safeParse(identifier.trim().toLowerCase());
    return email.success ? { channel: 'email', to: email.data } : null;
  }
  const phone = normalizePhone(identifier);
  return phone ? { channel: 'sms', to: phone } : null;
}

function accountFor(db: Db, target: { channel: 'sms' | 'email'; to: string }): User | undefined {
  return db
    .select()
    .from(users)
    .where(target.channel === 'sms' ? eq(users.phone, target.to) : eq(users.email, target.to))
    .get();
}

/** Step 1: a code to the typed phone or address, if an account has it; the same answer either way. */
export async function requestRecoveryCode(db: Db, input: unknown, meta: { ip: string; now?: Date }): Promise<Result<RecoveryRequested>> {
  const parsed = parse(requestRecoverySchema, input);
  if (!parsed.ok) return parsed;
  const now = meta.now ?? new Date();
  const target = recoveryTarget(parsed.data.identifier);
  if (!target) return invalid({ identifier: looksLikeEmail(parsed.data.identifier) ? 'emailInvalid' : 'recoveryIdentifierInvalid' });

  // Counted on what was typed, before looking for an account: an unknown number waits like a known one.
  const key = signInKey(target.to);
  const ipWait = take(db, 'recoveryRequestPerIp', meta.ip, now);
  if (ipWait > 0) return rateLimited(ipWait);
  const delay = take(db, 'recoveryResendDelay', key, now);
  if (delay > 0) return rateLimited(delay, 'codeResendDelay');
  const daily = take(db, 'recoveryRequestPerIdentifier', key, now);
  if (daily > 0) return rateLimited(daily, 'codesPerRecipientPerDay');

  const user = accountFor(db, target);
  // Composed whoever asks, so that both answers take the same path until the write.
  const code = generateCode();
  const message = await composeCodeMessage(
    { purpose: 'recovery', channel: target.channel, to: target.to, code, userId: user?.id ?? null, language: user?.language ?? 'fr', validMinutes: CODE_RULES.validMinutes },
    now,
  );
  if (user) {
    db.transaction((tx) => {
      // A per-account limit of lib/messaging may still refuse it: the answer stays the same.
      const sent = enqueueMessage(tx, message, { now });
      if (!sent.ok) return;
      issueCode(tx, { userId: user.id, purpose: 'recovery', channel: target.channel, recipient: target.to, code }, now);
      recordAudit(tx, { actorId: null, action: 'user.recovery_request', subjectType: 'user', subjectId: user.id, details: { channel: target.channel } });
    }, { behavior: 'immediate' });
  }
  return ok({ channel: target.channel });
}

/** Every refused recovery code, whatever the reason, and an unknown phone or address: the same field error. */
export const RECOVERY_CODE_REFUSED = 'recoveryCodeRefused';

export const resetPasswordSchema = z.strictObject({
  identifier: identifierSchema,
  code: z.string().max(20, 'codeFormat'),
  newPassword: passwordSchema,
});

/**
 * Step 2: the code (by SMS, by e-mail, or handed over in person) and a new password. A wrong code, an
 * expired one, one closed after five wrong tries and an unknown identifier give the same answer. On success: new password, every session
 * ended, sign-in locks lifted, the account verified if the code proved its phone or address (or was
 * handed over in person), and the owner told.
 */
export async function resetPasswordWithCode(db: Db, input: unknown, meta: { ip: string; now?: Date }): Promise<Result<{ userId: number }>> {
  const parsed = parse(resetPasswordSchema, input);
  if (!parsed.ok) return parsed;
  const now = meta.now ?? new Date();
  const typed = parsed.data.code.replace(/[\s\-.]/g, '');
  if (!new RegExp(`^\\d{${CODE_RULES.length}}$`).test(typed)) return invalid({ code: typed ? 'codeFormat' : 'required' });
  const wait = take(db, 'recoveryAttemptPerIp', meta.ip, now);
  if (wait > 0) return rateLimited(wait);

  const user = findByIdentifier(db, parsed.data.identifier);
  // Hashed whoever asks: an unknown identifier costs the same time as a wrong code.
  const passwordHash = await hashPassword(parsed.data.newPassword);
  if (!user) return invalid({ code: RECOVERY_CODE_REFUSED });

  const checked = redeemCode(
    db,
    { userId: user.id, purpose: 'recovery', code: typed },
    (tx, code) => {
      tx.update(users)
        .set({ passwordHash, pinChoicePending: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now.toISOString() })
        .where(eq(users.id, user.id))
        .run();
      tx.update(sessions)
        .set({ endedAt: now.toISOString(), endReason: 'everywhere' })
        .where(and(eq(sessions.userId, user.id), isNull(sessions.endedAt)))
        .run();
      recordAudit(tx, { actorId: user.id, action: 'user.password_recover', subjectType: 'user', subjectId: user.id, details: { channel: code.channel } });
      // The code reached the account's own phone or address (or a facilitator saw the person): proven.
      const proven =
        code.channel === 'in_person' ||
        (code.channel === 'sms' && code.recipient === user.phone) ||
        (code.channel === 'email' && code.recipient === user.email);
      return proven ? markVerified(tx, user.id, code.channel, now) : [];
    },
    now,
  );
  // Wrong, expired or spent: one answer, the one an unknown identifier gets too ("too many tries" after
  // five wrong codes would otherwise tell that an account has this number).
  if (!checked.ok) return invalid({ code: RECOVERY_CODE_REFUSED });
  clearSignInLocks(db, user.id);
  announceThresholds(db, checked.value);
  const used = checked.code.channel;
  await notifyAccountOwner(db, user.id, 'account.recovered', { skip: used === 'in_person' ? null : used, now });
  return ok({ userId: user.id });
}

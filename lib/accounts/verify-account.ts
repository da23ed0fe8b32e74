import { eq, isNull, and } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { users, type User, type VerificationMethod } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, rateLimited, type Result } from '@/lib/errors';
import { enqueueMessage, type MessageInput } from '@/lib/messaging/send-message';
import { composeCodeMessage } from '@/lib/messaging/templates';
import { maskRecipient } from '@/lib/messaging/mask';
import { can, type Actor } from '@/lib/permissions';
import { announceThresholds, reachThresholdsAfterVerification } from '@/lib/projects/threshold';
import { parse } from '@/lib/validation';
import { CODE_RULES, generateCode, issueCode, normalizeCode, redeemCode } from './codes';

/**
 * Verified accounts (issue 12 §2). A new account receives a 6-digit code on its phone (or, without a
 * phone, at its e-mail address) and is verified once it types it back. Until then it may sign in,
 * read and finish verification, and nothing else (lib/permissions: `participant`), and its votes and
 * supports do not count (migration verified_counts). See docs/features/verification.md.
 */
export type CodeChannel = 'sms' | 'email';

export type CodeTarget = { channel: CodeChannel; to: string };

/** Where the account's codes may go: its phone first, then its e-mail address. */
export function codeTargets(user: Pick<User, 'phone' | 'email'>): CodeTarget[] {
  const out: CodeTarget[] = [];
  if (user.phone) out.push({ channel: 'sms', to: user.phone });
  if (user.email) out.push({ channel: 'email', to: user.email });
  return out;
}

/**
 * Marks the account verified, inside the caller's transaction, if it is not yet: its votes and
 * supports start counting (triggers), and projects it supports may reach their threshold (returned,
 * to announce once the transaction is over). `via`: what proved it.
 */
export function markVerified(tx: Tx, userId: number, via: VerificationMethod, now: Date): number[] {
  const changed = tx
    .update(users)
    .set({ verifiedAt: now.toISOString(), verifiedVia: via })
    .where(and(eq(users.id, userId), isNull(users.verifiedAt)))
    .run().changes;
  if (!changed) return [];
  recordAudit(tx, { actorId: userId, action: 'user.verify', subjectType: 'user', subjectId: userId, details: { via } });
  return reachThresholdsAfterVerification(tx, userId, now);
}

/**
 * Composes a verification code for `target` and, in the caller's immediate transaction, queues its
 * message and records the code (both, or neither). A sending limit (60 s since the last code, 5 a day
 * to this phone…) refuses it: then nothing is written and the failure names the limit.
 */
export async function composeVerification(user: Pick<User, 'language'>, target: CodeTarget, now: Date): Promise<{ code: string; message: MessageInput }> {
  const code = generateCode();
  const message = await composeCodeMessage(
    { purpose: 'verification', channel: target.channel, to: target.to, code, userId: null, language: user.language, validMinutes: CODE_RULES.validMinutes },
    now,
  );
  return { code, message };
}

export function queueVerification(tx: Tx, userId: number, target: CodeTarget, composed: { code: string; message: MessageInput }, now: Date) {
  const sent = enqueueMessage(tx, { ...composed.message, userId }, { now });
  if (!sent.ok) return sent;
  issueCode(tx, { userId, purpose: 'verification', channel: target.channel, recipient: target.to, code: composed.code }, now);
  return sent;
}

export const sendVerificationSchema = z.strictObject({ channel: z.enum(['sms', 'email'], 'invalidChoice').optional().or(z.literal('').transform(() => undefined)) });

/** "Send me a code" / "send a new code" on /verify: to the phone, or to the e-mail address if asked. */
export async function sendVerificationCode(db: Db, actor: Actor | null, input: unknown, now = new Date()): Promise<Result<{ channel: CodeChannel; masked: string }>> {
  const parsed = parse(sendVerificationSchema, input);
  if (!parsed.ok) return parsed;
  if (!actor || !can(actor, 'account.verify', { userId: actor.id })) return forbidden();
  const user = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!user) return notFound();
  if (user.verifiedAt) return { ok: false, error: 'rejected', reason: 'alreadyVerified' };
  const targets = codeTargets(user);
  const target = parsed.data.channel ? targets.find((t) => t.channel === parsed.data.channel) : targets[0];
  if (!target) return parsed.data.channel ? invalid({ channel: 'invalidChoice' }) : { ok: false, error: 'rejected', reason: 'noVerificationChannel' };
  const composed = await composeVerification(user, target, now);
  const sent = db.transaction((tx) => queueVerification(tx, user.id, target, composed, now), { behavior: 'immediate' });
  if (!sent.ok) return sent.error === 'rate_limited' ? rateLimited(sent.retryAfterSeconds, sent.limit) : sent;
  return ok({ channel: target.channel, masked: maskRecipient(target.to) });
}

export const verifyAccountSchema = z.strictObject({
  code: z.string().max(20, 'codeFormat').transform((v, ctx) => normalizeCode(v) ?? (ctx.addIssue({ code: 'custom', message: v.trim() ? 'codeFormat' : 'required' }), z.NEVER)),
});

/**
 * The person types the code they received: 5 tries per code, 10 minutes. A code sent to a phone or
 * an address the account no longer has (changed since) proves nothing and is refused as wrong.
 */
export async function verifyAccount(db: Db, actor: Actor | null, input: unknown, now = new Date()): Promise<Result<{ thresholdsReached: number[] }>> {
  const parsed = parse(verifyAccountSchema, input);
  if (!parsed.ok) return parsed;
  if (!actor || !can(actor, 'account.verify', { userId: actor.id })) return forbidden();
  const user = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!user) return notFound();
  if (user.verifiedAt) return { ok: false, error: 'rejected', reason: 'alreadyVerified' };
  const checked = redeemCode(
    db,
    { userId: user.id, purpose: 'verification', code: parsed.data.code },
    (tx, code) => {
      const current = tx.select({ phone: users.phone, email: users.email }).from(users).where(eq(users.id, user.id)).get()!;
      const stillTheirs = (code.channel === 'sms' && code.recipient === current.phone) || (code.channel === 'email' && code.recipient === current.email);
      if (!stillTheirs) return null;
      return markVerified(tx, user.id, code.channel as CodeChannel, now);
    },
    now,
  );
  if (!checked.ok) return invalid({ code: checked.reason });
  if (checked.value === null) return invalid({ code: 'codeWrong' });
  announceThresholds(db, checked.value);
  return ok({ thresholdsReached: checked.value });
}

'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requestRecoveryCode, resetPasswordWithCode } from '@/lib/accounts/recover-password';
import { resetAccessInPerson, type AccessReset } from '@/lib/accounts/reset-in-person';
import { sendVerificationCode, verifyAccount } from '@/lib/accounts/verify-account';
import { signOut } from '@/lib/auth/config';
import { requestContext } from '@/lib/auth/request-context';
import { requestIp } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms/state';
import { currentLocale, failed, fields, keyed, pathFor } from './helpers';

/** Verified accounts, "forgot your password?" and in-person resets (issue 12 §2–3; lib/accounts). */

async function translator(formData: FormData, namespace: 'Verify' | 'Recover' | 'AccessReset') {
  return getTranslations({ locale: await currentLocale(formData), namespace });
}

/** /verify: the code received by SMS or e-mail. */
export const verifyCodeAction = keyed('verification.verifyCodeAction', async function verifyCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requestContext();
  const result = await verifyAccount(ctx.db, ctx.actor, fields(formData, ['code']), ctx.now);
  if (!result.ok) return failed(result, formData);
  // The banner and every participation form change for this person.
  revalidatePath('/', 'layout');
  redirect(await pathFor(formData, '/verify?done=1'));
});

/** /verify: a (new) code, to the phone or to the e-mail address. */
export const sendCodeAction = keyed('verification.sendCodeAction', async function sendCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requestContext();
  const result = await sendVerificationCode(ctx.db, ctx.actor, fields(formData, ['channel']), ctx.now);
  if (!result.ok) return failed(result, formData);
  const t = await translator(formData, 'Verify');
  return { status: 'success', values: {}, fieldErrors: {}, message: t('codeSent', { to: result.value.masked }) };
});

/** /recover, step 1: a code to the phone or address typed, if an account has it (the same answer either way). */
export const requestRecoveryAction = keyed('verification.requestRecoveryAction', async function requestRecoveryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['identifier']);
  const ctx = await requestContext();
  const result = await requestRecoveryCode(ctx.db, input, { ip: await requestIp(), now: ctx.now });
  if (!result.ok) return failed(result, formData);
  const t = await translator(formData, 'Recover');
  return {
    status: 'success',
    values: { identifier: input.identifier ?? '' },
    fieldErrors: {},
    message: t(result.value.channel === 'sms' ? 'sentSms' : 'sentEmail', { identifier: input.identifier?.trim() ?? '' }),
    output: { identifier: input.identifier?.trim() ?? '' },
  };
});

/** /recover, step 2: the code and a new password; every session ends, this browser's too. */
export const resetPasswordAction = keyed('verification.resetPasswordAction', async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requestContext();
  const result = await resetPasswordWithCode(ctx.db, fields(formData, ['identifier', 'code', 'newPassword']), { ip: await requestIp(), now: ctx.now });
  if (!result.ok) return failed(result, formData);
  if (ctx.actor) await signOut({ redirect: false });
  redirect(await pathFor(formData, '/login?recovered=1'));
});

/** What the facilitator's or admin's screen shows once: the one-time code, or the participant's new slip. */
async function shown(formData: FormData, reset: AccessReset): Promise<FormState> {
  const t = await translator(formData, 'AccessReset');
  if (reset.method === 'code') {
    return {
      status: 'success',
      values: {},
      fieldErrors: {},
      message: t('doneCode', { name: reset.displayName, minutes: reset.validMinutes }),
      output: { method: 'code', code: reset.code, minutes: String(reset.validMinutes), name: reset.displayName },
    };
  }
  const { userId, ...slip } = reset.slip;
  return { status: 'success', values: {}, fieldErrors: {}, message: t('donePin', { name: slip.displayName }), output: { ...slip, userId: String(userId) } };
}

/** A facilitator, at their connected space, after checking an identity document. */
export const resetInPersonAction = keyed('verification.resetInPersonAction', async function resetInPersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requestContext();
  const result = await resetAccessInPerson(ctx.db, ctx.actor, fields(formData, ['spaceId', 'identifier', 'document', 'checked']), ctx.now);
  if (!result.ok) return failed(result, formData);
  return shown(formData, result.value);
});

/** An admin, from /admin/users/[id] (staff accounts are theirs only). */
export const adminResetAccessAction = keyed('verification.adminResetAccessAction', async function adminResetAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requestContext();
  const result = await resetAccessInPerson(ctx.db, ctx.actor, fields(formData, ['userId', 'document', 'checked']), ctx.now);
  if (!result.ok) return failed(result, formData);
  return shown(formData, result.value);
});

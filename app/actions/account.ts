'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { changePassword } from '@/lib/accounts/change-password';
import { changePin } from '@/lib/accounts/change-pin';
import { endOtherSessions, endOwnSession } from '@/lib/accounts/sessions';
import { signOutEverywhere } from '@/lib/accounts/sign-out-everywhere';
import { updateProfile } from '@/lib/accounts/update-profile';
import { signOut } from '@/lib/auth/config';
import { requestContext } from '@/lib/auth/request-context';
import { currentSessionHash, requestIp } from '@/lib/auth/session';
import { forbidden } from '@/lib/errors';
import type { FormState } from '@/lib/forms/state';
import { localePath, preferredLocale } from '@/lib/i18n/config';
import { currentLocale, failed, fields, keyed, pathFor, succeeded } from './helpers';

export const updateProfileAction = keyed('account.updateProfileAction', async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['displayName', 'phone', 'email', 'communeId', 'gender', 'birthYear', 'language', 'currentSecret']);
  const ctx = await requestContext();
  const result = await updateProfile(ctx.db, ctx.actor, input, { ip: await requestIp() });
  if (!result.ok) return failed(result, formData);
  revalidatePath('/', 'layout');
  // A new preferred language: the interface follows it at once.
  const language = preferredLocale(input.language);
  // A new phone or address to prove before taking part again (issue 12 §2).
  if (result.value.verificationLost) redirect(localePath(language, '/verify?changed=1'));
  if (language !== (await currentLocale(formData))) redirect(localePath(language, '/account'));
  // The form shows what was saved again, never the password typed to confirm it.
  return { ...(await succeeded(formData, 'Account', 'saved')), values: { ...input, currentSecret: '' } };
});

export const changePasswordAction = keyed('account.changePasswordAction', async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { db, actor } = await requestContext();
  if (!actor) return failed(forbidden(), formData);
  const result = await changePassword(db, actor, fields(formData, ['currentPassword', 'newPassword']), { ip: await requestIp() });
  if (!result.ok) return failed(result, formData);
  // Every session, this one included, is now stale: sign in again with the new password.
  const locale = await currentLocale(formData);
  await signOut({ redirect: false });
  redirect(localePath(locale, '/login?changed=1'));
});

/** A participant chooses their own PIN; this device stays signed in, every other session ends. */
export const changePinAction = keyed('account.changePinAction', async function changePinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requestContext();
  const result = await changePin(ctx.db, ctx.actor, fields(formData, ['currentPin', 'newPin', 'confirmPin']), {
    ip: await requestIp(),
    keepSessionHash: await currentSessionHash(),
  });
  if (!result.ok) return failed(result, formData);
  redirect(await pathFor(formData, '/account?pin=changed'));
});

export const signOutEverywhereAction = keyed('account.signOutEverywhereAction', async function signOutEverywhereAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const ctx = await requestContext();
  signOutEverywhere(ctx.db, ctx.actor);
  await signOut({ redirect: false });
  redirect(localePath(locale, '/login?out=1'));
});

/** "End" on one of the other sessions in /account's list (a plain form, works without JavaScript). */
export const endSessionAction = keyed('account.endSessionAction', async function endSessionAction(formData: FormData): Promise<void> {
  const ctx = await requestContext();
  const result = endOwnSession(ctx.db, ctx.actor, fields(formData, ['session']));
  redirect(await pathFor(formData, result.ok ? '/account?sessions=ended#sessions' : '/account?sessions=error#sessions'));
});

export const endOtherSessionsAction = keyed('account.endOtherSessionsAction', async function endOtherSessionsAction(formData: FormData): Promise<void> {
  const ctx = await requestContext();
  const result = endOtherSessions(ctx.db, ctx.actor, await currentSessionHash());
  redirect(await pathFor(formData, result.ok ? '/account?sessions=others#sessions' : '/account?sessions=error#sessions'));
});

'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { changePassword } from '@/lib/accounts/change-password';
import { signOutEverywhere } from '@/lib/accounts/sign-out-everywhere';
import { updateProfile } from '@/lib/accounts/update-profile';
import { signOut } from '@/lib/auth/config';
import { getActor } from '@/lib/auth/session';
import { forbidden } from '@/lib/errors';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { currentLocale, failed, fields, succeeded } from './helpers';
import { revalidatePath } from 'next/cache';

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['displayName', 'phone', 'email', 'communeId', 'gender', 'birthYear', 'language']);
  const result = updateProfile(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  revalidatePath('/', 'layout');
  return { ...(await succeeded(formData, 'Account', 'saved')), values: input };
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return failed(forbidden(), formData);
  const result = await changePassword(getDb(), actor, fields(formData, ['currentPassword', 'newPassword']));
  if (!result.ok) return failed(result, formData);
  // Every session, this one included, is now stale: sign in again with the new password.
  const locale = await currentLocale(formData);
  await signOut({ redirect: false });
  redirect(localePath(locale, '/login?changed=1'));
}

export async function signOutEverywhereAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  signOutEverywhere(getDb(), await getActor());
  await signOut({ redirect: false });
  redirect(localePath(locale, '/login?out=1'));
}

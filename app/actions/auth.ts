'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { registerUser } from '@/lib/accounts/register-user';
import { auth, signIn, signOut, SignInRejected } from '@/lib/auth/config';
import { getActor, requestIp } from '@/lib/auth/session';
import { invalid } from '@/lib/errors';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { endDeviceSession } from '@/lib/shared-devices/device-sessions';
import { currentLocale, failed, fields } from './helpers';

const REGISTER_FIELDS = ['displayName', 'phone', 'email', 'password', 'communeId', 'gender', 'birthYear', 'language'] as const;

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, REGISTER_FIELDS);
  const result = await registerUser(getDb(), await getActor(), input, { ip: await requestIp() });
  if (!result.ok) return failed(result, formData);
  const locale = await currentLocale(formData);
  const identifier = input.phone?.trim() ? input.phone : input.email;
  // Signed in straight away; signIn redirects (NEXT_REDIRECT is rethrown by Next).
  await signIn('credentials', {
    identifier,
    password: input.password,
    redirectTo: localePath(locale, '/account?welcome=1'),
  });
  return { status: 'idle', values: {}, fieldErrors: {} };
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['identifier', 'password']);
  const locale = await currentLocale(formData);
  try {
    await signIn('credentials', { ...input, redirectTo: localePath(locale, '/account') });
  } catch (e) {
    if (e instanceof SignInRejected) return failed(e.failure, formData);
    if (e instanceof AuthError) return failed(invalid({ _form: 'badCredentials' }), formData);
    throw e; // NEXT_REDIRECT on success
  }
  return { status: 'idle', values: {}, fieldErrors: {} };
}

export async function signOutAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  // On a shared computer the session ends on the server too, not only in this browser's cookie.
  const session = await auth();
  if (session?.deviceSessionId) endDeviceSession(getDb(), session.deviceSessionId, 'sign_out');
  await signOut({ redirect: false });
  redirect(localePath(locale, '/login?out=1'));
}

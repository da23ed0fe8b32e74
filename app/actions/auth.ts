'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { registerUser } from '@/lib/accounts/register-user';
import { endSession } from '@/lib/accounts/sessions';
import { signIn, signOut, SignInRejected } from '@/lib/auth/config';
import { currentSessionHash, getActor, requestIp } from '@/lib/auth/session';
import { invalid } from '@/lib/errors';
import type { FormState } from '@/lib/forms/state';
import { localeOfAccount } from '@/lib/accounts/preferred-locale';
import { localePath, preferredLocale } from '@/lib/i18n/config';
import { currentLocale, failed, fields, keyed } from './helpers';

const REGISTER_FIELDS = ['displayName', 'phone', 'email', 'password', 'communeId', 'gender', 'birthYear', 'language'] as const;

export const registerAction = keyed('auth.registerAction', async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, REGISTER_FIELDS);
  const result = await registerUser(getDb(), await getActor(), input, { ip: await requestIp() });
  if (!result.ok) return failed(result, formData);
  const identifier = input.phone?.trim() ? input.phone : input.email;
  // Signed in straight away, in the language chosen (signIn redirects; NEXT_REDIRECT is rethrown by Next).
  await signIn('credentials', {
    identifier,
    password: input.password,
    redirectTo: localePath(preferredLocale(input.language), '/account?welcome=1'),
  });
  return { status: 'idle', values: {}, fieldErrors: {} };
});

export const signInAction = keyed('auth.signInAction', async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['identifier', 'password']);
  try {
    await signIn('credentials', { ...input, redirect: false });
  } catch (e) {
    if (e instanceof SignInRejected) return failed(e.failure, formData);
    if (e instanceof AuthError) return failed(invalid({ _form: 'badCredentials' }), formData);
    throw e;
  }
  // The interface follows the account's preferred language from here on (a participant who chose
  // Bambara lands on /bm/…). ?signedin: the account page offers a participant to choose their own PIN.
  redirect(localePath(localeOfAccount(getDb(), input.identifier ?? ''), '/account?signedin=1'));
});

export const signOutAction = keyed('auth.signOutAction', async function signOutAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  // The session ends on the server, not only in this browser's cookie: a copy of it is dead too.
  const hash = await currentSessionHash();
  if (hash) endSession(getDb(), hash, 'sign_out');
  await signOut({ redirect: false });
  redirect(localePath(locale, '/login?out=1'));
});

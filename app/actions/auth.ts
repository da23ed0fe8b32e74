'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { registerUser } from '@/lib/accounts/register-user';
import { endSession } from '@/lib/accounts/sessions';
import { afterSignIn } from '@/lib/accounts/views';
import { signIn, signOut, SignInRejected } from '@/lib/auth/config';
import { requestContext } from '@/lib/auth/request-context';
import { currentSessionHash, requestIp } from '@/lib/auth/session';
import { invalid } from '@/lib/errors';
import type { FormState } from '@/lib/forms/state';
import { localePath, preferredLocale } from '@/lib/i18n/config';
import { currentLocale, failed, fields, keyed } from './helpers';

const REGISTER_FIELDS = ['displayName', 'phone', 'email', 'password', 'communeId', 'gender', 'birthYear', 'language'] as const;

export const registerAction = keyed('auth.registerAction', async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, REGISTER_FIELDS);
  const ctx = await requestContext();
  const result = await registerUser(ctx.db, ctx.actor, input, { ip: await requestIp() });
  if (!result.ok) return failed(result, formData);
  const identifier = input.phone?.trim() ? input.phone : input.email;
  // Signed in straight away, in the language chosen, on the page where the code sent to the phone (or
  // address) is typed (signIn redirects; NEXT_REDIRECT is rethrown by Next).
  await signIn('credentials', {
    identifier,
    password: input.password,
    redirectTo: localePath(preferredLocale(input.language), '/verify?welcome=1'),
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
  // The interface follows the account's preferred language from here on; an unverified account is
  // asked for its code first, the others land on the open consultations of their commune
  // (lib/accounts/views.ts afterSignIn).
  const next = afterSignIn(await requestContext(), input.identifier ?? '');
  redirect(localePath(next.locale, next.path));
});

export const signOutAction = keyed('auth.signOutAction', async function signOutAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  // The session ends on the server, not only in this browser's cookie: a copy of it is dead too.
  const hash = await currentSessionHash();
  if (hash) endSession((await requestContext()).db, hash, 'sign_out');
  await signOut({ redirect: false });
  redirect(localePath(locale, '/login?out=1'));
});

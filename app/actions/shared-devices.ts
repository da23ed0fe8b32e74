'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/config';
import { requestContext } from '@/lib/auth/request-context';
import { secureCookies } from '@/lib/env';
import type { FormState } from '@/lib/forms/state';
import { markSharedDevice, unmarkSharedDevice } from '@/lib/shared-devices/mark-device';
import { cookieNames } from '@/lib/auth/cookie-names';
import { findActiveDevice, SHARED_DEVICE_COOKIE_MAX_AGE } from '@/lib/shared-devices/token';
import { failed, fields, keyed, pathFor } from './helpers';

const SLUG = /^[a-z0-9-]{1,80}$/;

const sharedDeviceCookie = () => cookieNames(secureCookies()).sharedDevice;

/**
 * Marks this browser as a shared computer of the space. The marker is then signed out: their
 * session was opened before, so it is not one of this computer's short sessions (loadActor would
 * refuse it anyway); they sign in again, like everybody here.
 */
export const markSharedDeviceAction = keyed('shared-devices.markSharedDeviceAction', async function markSharedDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const jar = await cookies();
  const { db, actor } = await requestContext();
  const result = markSharedDevice(db, actor, fields(formData, ['spaceId', 'label']), {
    currentToken: jar.get(sharedDeviceCookie())?.value ?? null,
  });
  if (!result.ok) return failed(result, formData);
  jar.set(sharedDeviceCookie(), result.value.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(),
    path: '/',
    maxAge: SHARED_DEVICE_COOKIE_MAX_AGE,
  });
  await signOut({ redirect: false });
  redirect(await pathFor(formData, '/login?shared=1'));
});

/** Unmarks one of the space's shared computers (a plain form per computer). Unmarking this one signs out. */
export const unmarkSharedDeviceAction = keyed('shared-devices.unmarkSharedDeviceAction', async function unmarkSharedDeviceAction(formData: FormData): Promise<void> {
  const { db, actor } = await requestContext();
  const jar = await cookies();
  const slug = String(formData.get('space') ?? '');
  const back = SLUG.test(slug) ? `/spaces/${slug}/device` : '/spaces';
  const thisOne = findActiveDevice(db, jar.get(sharedDeviceCookie())?.value);
  const result = unmarkSharedDevice(db, actor, fields(formData, ['deviceId']));
  if (!result.ok) redirect(await pathFor(formData, `${back}?error=${result.error}`));
  if (thisOne?.id === result.value.deviceId) {
    // A __Host- cookie is only replaced by one with the same attributes (Secure, Path=/).
    jar.set(sharedDeviceCookie(), '', { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: 0 });
    await signOut({ redirect: false });
    redirect(await pathFor(formData, '/login?unshared=1'));
  }
  redirect(await pathFor(formData, `${back}?unmarked=1`));
});

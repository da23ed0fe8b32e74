import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { loadSessionActor } from '@/lib/accounts/load-actor';
import { hashSessionId, isSessionId } from '@/lib/accounts/sessions';
import { secureCookies, sessionRules } from '@/lib/env';
import { findActiveDevice } from '@/lib/shared-devices/token';
import { auth, requestClientIp } from './config';
import { cookieNames } from './cookie-names';

/** The session cookie's claims: who, and which server-side session. */
const sessionClaims = cache(async () => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!session || !Number.isInteger(userId) || userId <= 0 || !isSessionId(session.sessionId)) return null;
  return { userId, sessionId: session.sessionId };
});

/**
 * The person acting in this request, checked against the database every time (the session row: not
 * ended, not idle, not too old; the account's session version, roles as they are now; on a shared
 * computer, its short idle limit). Runs once per request thanks to React cache().
 */
export const getActor = cache(async () => {
  const claims = await sessionClaims();
  if (!claims) return null;
  return loadSessionActor(getDb(), claims, { deviceToken: await sharedDeviceToken(), rules: sessionRules() });
});

/** The key of this request's session row (to end it on sign-out), whether or not it is still valid. */
export async function currentSessionHash(): Promise<string | null> {
  const claims = await sessionClaims();
  return claims ? hashSessionId(claims.sessionId) : null;
}

/** The shared-computer mark of this browser (the cookie's token), if it has one. */
export async function sharedDeviceToken(): Promise<string | null> {
  return (await cookies()).get(cookieNames(secureCookies()).sharedDevice)?.value ?? null;
}

export async function requestIp(): Promise<string> {
  return requestClientIp(await headers());
}

/** Is this browser marked as a shared computer (signed in or not)? */
export const onSharedComputer = cache(async (): Promise<boolean> => !!findActiveDevice(getDb(), await sharedDeviceToken()));

import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { loadActor } from '@/lib/accounts/load-actor';
import { env } from '@/lib/env';
import { findActiveDevice, SHARED_DEVICE_COOKIE } from '@/lib/shared-devices/token';
import { auth, clientIp } from './config';

/**
 * The person acting in this request, checked against the database every time (session version,
 * account still there, roles as they are now; on a shared computer, the idle limit). Runs once per
 * request thanks to React cache().
 */
export const getActor = cache(async () => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!session || !Number.isInteger(userId) || userId <= 0) return null;
  return loadActor(
    getDb(),
    { userId, sessionVersion: session.sessionVersion, deviceSessionId: session.deviceSessionId },
    { deviceToken: await sharedDeviceToken(), idleMs: env().SHARED_IDLE_MINUTES * 60_000 },
  );
});

/** The shared-computer mark of this browser (the cookie's token), if it has one. */
export async function sharedDeviceToken(): Promise<string | null> {
  return (await cookies()).get(SHARED_DEVICE_COOKIE)?.value ?? null;
}

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}

/** Is this browser marked as a shared computer (signed in or not)? */
export const onSharedComputer = cache(async (): Promise<boolean> => !!findActiveDevice(getDb(), await sharedDeviceToken()));

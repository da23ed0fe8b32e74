import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { loadActor } from '@/lib/accounts/load-actor';
import { auth, clientIp } from './config';

/**
 * The person acting in this request, checked against the database every time (session version,
 * account still there, roles as they are now). Runs once per request thanks to React cache().
 */
export const getActor = cache(async () => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!session || !Number.isInteger(userId) || userId <= 0) return null;
  return loadActor(getDb(), { userId, sessionVersion: session.sessionVersion });
});

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}

import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { COMMUNE_COOKIE } from '@/lib/commune-cookie';
import { getActor } from './session';

/** The commune to show first: the chosen one, else the signed-in person's home commune. */
export const selectedCommuneId = cache(async (): Promise<number | null> => {
  const raw = (await cookies()).get(COMMUNE_COOKIE)?.value;
  const chosen = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (chosen) return chosen;
  return (await getActor())?.communeId ?? null;
});

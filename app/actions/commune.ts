'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getCommune } from '@/db/queries/geography';
import { idParam } from '@/lib/validation';
import { currentLocale } from './helpers';
import { localePath } from '@/lib/i18n/config';
import { COMMUNE_COOKIE } from '@/lib/commune-cookie';
import { secureCookies } from '@/lib/env';

/** Remembers which commune to show first. Not personal data; anyone may choose. */
export async function chooseCommuneAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const parsed = idParam.safeParse(formData.get('communeId'));
  const jar = await cookies();
  if (parsed.success && getCommune(getDb(), parsed.data)) {
    jar.set(COMMUNE_COOKIE, String(parsed.data), { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: 365 * 86400 });
  } else {
    jar.set(COMMUNE_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: 0 });
  }
  redirect(localePath(locale, '/'));
}

'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import { COMMUNE_COOKIE } from '@/lib/commune-cookie';
import { secureCookies } from '@/lib/env';
import { communeExists } from '@/lib/geography';
import { localePath } from '@/lib/i18n/config';
import { idParam } from '@/lib/validation';
import { currentLocale, keyed } from './helpers';

/** Remembers which commune to show first. Not personal data; anyone may choose. */
export const chooseCommuneAction = keyed('commune.chooseCommuneAction', async function chooseCommuneAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const parsed = idParam.safeParse(formData.get('communeId'));
  const jar = await cookies();
  if (parsed.success && communeExists(await requestContext(), parsed.data)) {
    jar.set(COMMUNE_COOKIE, String(parsed.data), { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: 365 * 86400 });
  } else {
    jar.set(COMMUNE_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: 0 });
  }
  redirect(localePath(locale, '/'));
});

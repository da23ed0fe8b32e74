import 'server-only';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';

/**
 * Admin pages: signed-out people go to sign-in; for others, null (the page shows "Access denied").
 * The check is here and in every admin use case; hiding links is only a convenience.
 */
export async function requireAdmin(locale: Locale) {
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  return can(actor, 'admin.access', undefined) ? actor : null;
}

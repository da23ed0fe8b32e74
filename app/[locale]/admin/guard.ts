import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';

/** Admin pages: signed-out people go to sign-in; others get a 404 (the page does not exist for them). */
export async function requireAdmin(locale: Locale) {
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  if (!can(actor, 'admin.access', undefined)) notFound();
  return actor;
}

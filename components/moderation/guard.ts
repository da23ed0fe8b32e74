import 'server-only';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';

/** Moderation pages: sign-in first; null when this person is no moderator (the page says "Access denied"). */
export async function requireModerator(locale: Locale) {
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  return can(actor, 'moderation.access', undefined) ? actor : null;
}

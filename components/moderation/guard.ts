import 'server-only';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can, type Actor } from '@/lib/permissions';

/** Moderation pages: sign-in first; null when this person is no moderator (the page says "Access denied"). */
export async function requireModerator(locale: Locale) {
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  return can(actor, 'moderation.access', undefined) ? actor : null;
}

/** The communes whose content this moderator sees ('all' for region-wide moderators and admins). */
export function moderatedCommunes(actor: Actor): number[] | 'all' {
  if (actor.grants.some((g) => g.role === 'admin' || (g.role === 'moderator' && g.communeId === null))) return 'all';
  return actor.grants.filter((g) => g.role === 'moderator' && g.communeId !== null).map((g) => g.communeId!);
}

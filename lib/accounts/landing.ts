import type { Db } from '@/db/client';
import { localePath, preferredLocale } from '@/lib/i18n/config';
import { findByIdentifier } from './authenticate';

/**
 * Where a person lands after signing in or registering (issue 17 §8): what they can do next, the open
 * consultations of their commune, in the account's language, with a one-line welcome (`notice`). A
 * participant still holding the PIN printed on their slip is first offered to choose their own.
 * Only asked once the credentials were accepted, so it tells nothing about accounts to anyone else.
 */
export function landingAfterSignIn(db: Db, identifier: string, notice: 'signedin' | 'welcome'): string {
  const user = findByIdentifier(db, identifier);
  const locale = preferredLocale(user?.language);
  if (user?.pinChoicePending && notice === 'signedin') return localePath(locale, '/account/pin');
  const q = new URLSearchParams();
  if (user?.communeId) q.set('commune', String(user.communeId));
  q.set('phase', 'open');
  q.set(notice, '1');
  return localePath(locale, `/topics?${q}`);
}

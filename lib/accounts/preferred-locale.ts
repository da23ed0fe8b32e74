import type { Db } from '@/db/client';
import { preferredLocale, type Locale } from '@/lib/i18n/config';
import { findByIdentifier } from './authenticate';

/**
 * The interface language of the account a phone, e-mail or participant code belongs to, for the page
 * that follows a successful sign-in (the account's preferred language; French when unknown). Only asked
 * once the credentials were accepted, so it tells nothing about accounts to anyone else.
 */
export function localeOfAccount(db: Db, identifier: string): Locale {
  return preferredLocale(findByIdentifier(db, identifier)?.language);
}

import 'server-only';
import { redirect } from 'next/navigation';
import type { LoadedActor } from '@/lib/accounts/load-actor';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { ViewContext } from '@/lib/view-context';
import { requestContext } from './request-context';

export type SignedInContext = ViewContext & { actor: LoadedActor };

/**
 * The request's context on pages meant for signed-in people (account, notifications, moderation,
 * administration, facilitation): anyone not signed in goes to the sign-in page first. What the person
 * may see there is the view loader's to decide.
 */
export async function signedInContext(locale: Locale): Promise<SignedInContext> {
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  return ctx as SignedInContext;
}

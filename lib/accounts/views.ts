import { listCommunes } from '@/db/queries/geography';
import type { ViewContext } from '@/lib/view-context';
import { findByIdentifier } from './authenticate';

/** What /register shows: whether someone is already signed in, and the communes to choose from. */
export function registrationView(ctx: ViewContext): { signedIn: boolean; communes: { id: number; name: string }[] } {
  return { signedIn: ctx.actor !== null, communes: listCommunes(ctx.db).map((c) => ({ id: c.id, name: c.name })) };
}

/**
 * Where a successful sign-in leads: an account that is not verified yet goes to /verify (an account
 * from before verification existed is asked there, issue 12 §2), the others to /account (which offers
 * a participant to choose their own PIN once, hence "signedin"). Looked up before the password is
 * checked, and used only when it was right: it tells nothing to someone who does not know it.
 */
export function afterSignInPath(ctx: Pick<ViewContext, 'db'>, identifier: string): string {
  const user = identifier.trim() ? findByIdentifier(ctx.db, identifier.trim()) : undefined;
  return user && user.verifiedAt === null ? '/verify?signedin=1' : '/account?signedin=1';
}

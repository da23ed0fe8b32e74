import { listCommunes } from '@/db/queries/geography';
import { demoSiteActive } from '@/lib/demo/status';
import { sessionRules } from '@/lib/env';
import { unreadNotifications } from '@/lib/notifications/views';
import { can } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';

/** A session on a shared computer: when it ends without another request, and the computer's idle limit. */
export type SharedSessionView = { expiresAt: string; remainingMs: number; idleMs: number };

export type HeaderView = {
  communes: { id: number; name: string }[];
  /** the person signed in, or null */
  person: { displayName: string; unread: number; sharedSession: SharedSessionView | null; unverified: boolean } | null;
  /** the areas this person may open (the pages check again) */
  links: { moderation: boolean; admin: boolean; facilitator: boolean; translations: boolean };
  /** demo accounts exist: the demo banner (their passwords are public) */
  demo: boolean;
};

/**
 * What the header of every page shows: the commune chooser, the areas one may open, who is signed in
 * and their unread notifications, and whether this is a demo site. Pages rendered once for everyone pass publicContext() (nobody signed in).
 */
export function headerView(ctx: ViewContext): HeaderView {
  const actor = ctx.actor;
  const shared = actor?.sharedSession;
  return {
    communes: listCommunes(ctx.db).map((c) => ({ id: c.id, name: c.name })),
    person: actor
      ? {
          displayName: actor.displayName,
          unread: unreadNotifications(ctx),
          sharedSession: shared ? { expiresAt: shared.expiresAt.toISOString(), remainingMs: shared.remainingMs, idleMs: sessionRules().sharedIdleMs } : null,
          // not verified yet: every page says it may read, not take part (components/accounts/verify-banner.tsx)
          unverified: !actor.verified,
        }
      : null,
    links: {
      moderation: can(actor, 'moderation.access', undefined),
      admin: can(actor, 'admin.access', undefined),
      facilitator: can(actor, 'facilitator.access', undefined),
      translations: can(actor, 'translation.access', undefined),
    },
    demo: demoSiteActive(ctx),
  };
}

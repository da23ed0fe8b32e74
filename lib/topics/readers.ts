import type { Actor } from '@/lib/permissions';
import { isAdmin, moderates } from '@/lib/permissions';
import type { CommentViewer } from '@/db/queries/topics';

/** Communes whose drafts this reader may see: officials see their communes', admins all. */
export function internalCommunesOf(actor: Actor | null): number[] | 'all' {
  if (!actor || actor.suspended) return [];
  if (isAdmin(actor)) return 'all';
  return actor.grants.filter((g) => g.role === 'official' && g.communeId !== null).map((g) => g.communeId!);
}

export function commentViewerOf(actor: Actor | null): CommentViewer {
  if (!actor) return { userId: null, moderatesAll: false, moderatedCommunes: [] };
  // A suspended moderator reads like anyone else; admins moderate every commune.
  if (actor.suspended) return { userId: actor.id, moderatesAll: false, moderatedCommunes: [] };
  return {
    userId: actor.id,
    moderatesAll: isAdmin(actor) || moderates(actor, -1),
    moderatedCommunes: actor.grants.filter((g) => g.role === 'moderator' && g.communeId !== null).map((g) => g.communeId!),
  };
}

import type { Db } from '@/db/client';
import { getCommune } from '@/db/queries/geography';
import { authorHistory, sanctionsOf } from '@/db/queries/moderation';
import { getProfile } from '@/db/queries/users';
import type { ContentType } from '@/db/schema';
import { can, moderationScope, type Actor, type Subjects } from '@/lib/permissions';
import { activeRoles, isLastActiveAdmin } from '@/lib/roles/holders';
import { moderatable } from './registry';

export type SanctionAbout = { value: string; type: ContentType; id: number; excerpt: string; commune: string };

/**
 * What a moderator sees of a person: their contributions, moderation records and sanctions in the
 * communes this moderator moderates (all for region moderators and admins), and what a warning or a
 * suspension may be about: a contribution of theirs this moderator may sanction (its commune is the
 * sanction's scope), or nothing in particular for those who moderate the whole region.
 */
export function moderationUserView(db: Db, actor: Actor, userId: number) {
  const user = getProfile(db, userId);
  if (!user) return null;
  const scope = moderationScope(actor);
  const history = authorHistory(db, user.id, scope);
  const sanctions = sanctionsOf(db, user.id, scope);
  const base: Omit<Subjects['user.sanction'], 'communeId'> = { userId: user.id, kind: 'warning', targetRoles: activeRoles(db, user.id), lastActiveAdmin: false };

  const refs = new Map<string, { type: ContentType; id: number }>();
  for (const r of history.records) refs.set(`${r.contentType}:${r.contentId}`, { type: r.contentType, id: r.contentId });
  for (const c of history.recent) refs.set(`comment:${c.id}`, { type: 'comment', id: c.id });
  const communeNames = new Map<number, string>();
  const about: SanctionAbout[] = [];
  // Would this moderator sanction them, were it not for the roles they hold?
  let blockedByRole = can(actor, 'user.sanction', { ...base, targetRoles: [], communeId: null });
  for (const [value, ref] of refs) {
    const item = moderatable(ref.type)?.load(db, ref.id);
    if (!item || item.authorId !== user.id) continue;
    if (!can(actor, 'user.sanction', { ...base, communeId: item.communeId })) {
      blockedByRole ||= can(actor, 'user.sanction', { ...base, targetRoles: [], communeId: item.communeId });
      continue;
    }
    if (!communeNames.has(item.communeId)) communeNames.set(item.communeId, getCommune(db, item.communeId)?.name ?? '');
    const text = item.text.replace(/\s+/g, ' ').trim();
    about.push({ value, type: ref.type, id: ref.id, excerpt: text.length > 60 ? `${text.slice(0, 59)}…` : text, commune: communeNames.get(item.communeId)! });
  }
  const withoutContent = can(actor, 'user.sanction', { ...base, communeId: null });
  return {
    user,
    history,
    sanctions,
    about,
    /** a region moderator or an admin may sanction without naming a contribution */
    withoutContent,
    maySanction: withoutContent || about.length > 0,
    /** only admins sanction people who hold these roles: say so rather than show nothing */
    adminsOnly: !withoutContent && about.length === 0 && blockedByRole,
    /** the only admin not suspended: never suspended */
    lastActiveAdmin: isLastActiveAdmin(db, user.id),
  };
}

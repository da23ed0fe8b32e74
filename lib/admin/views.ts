import { listCommunes, listSpaces } from '@/db/queries/geography';
import { getProfile, recentAudit, searchUsers } from '@/db/queries/users';
import type { VerificationMethod } from '@/lib/accounts/values';
import { mayResetAccessAsAdmin, roleLines, type RoleLine } from '@/lib/accounts/views';
import { signInLockOf } from '@/lib/accounts/unlock-account';
import { can } from '@/lib/permissions';
import { ROLES, type GrantedRole } from '@/lib/roles/names';
import { idParam } from '@/lib/validation';
import { FORBIDDEN, type Forbidden, type ViewContext } from '@/lib/view-context';

export type AdminPage = {
  /** the search as it was understood (trimmed, at most 100 characters) */
  q: string;
  users: { id: number; displayName: string; phone: string | null; email: string | null; commune: string }[];
};

/** /admin: the people whose roles an admin may change, found by name, phone or e-mail (the newest 25). */
export function adminPage(ctx: ViewContext, input: { q?: unknown }): AdminPage | Forbidden {
  if (!can(ctx.actor, 'admin.access', undefined)) return FORBIDDEN;
  const q = typeof input.q === 'string' ? input.q.trim().slice(0, 100) : '';
  return { q, users: searchUsers(ctx.db, q) };
}

export type AuditRowView = {
  id: number;
  createdAt: string;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: number | null;
  details: Record<string, unknown> | null;
};

/** /admin/audit: the latest 200 entries of the audit log, newest first. Admins only. */
export function auditPage(ctx: ViewContext): { rows: AuditRowView[] } | Forbidden {
  if (!can(ctx.actor, 'admin.access', undefined) || !can(ctx.actor, 'audit.read', undefined)) return FORBIDDEN;
  return {
    rows: recentAudit(ctx.db).map((r) => ({ id: r.id, createdAt: r.createdAt, actorName: r.actorName, action: r.action, subjectType: r.subjectType, subjectId: r.subjectId, details: r.details })),
  };
}

export type AdminUserPage = {
  user: { id: number; displayName: string };
  grants: RoleLine[];
  /** seconds until the sign-in lock lifts by itself (0: not locked) */
  lockedSeconds: number;
  mayUnlock: boolean;
  /** grant and revoke roles (never one's own) */
  mayChangeRoles: boolean;
  /** reset this account's access after checking who is asking (issue 12 §3; staff accounts: admins only) */
  mayResetAccess: boolean;
  /** when and how the account was verified; null: not verified yet (it may read, not take part) */
  verified: { at: string; via: VerificationMethod } | null;
  roles: readonly GrantedRole[];
  communes: { id: number; name: string }[];
  spaces: { id: number; name: string }[];
};

/** /admin/users/:id: a person's roles and sign-in lock, and the forms to change them. Null: no such person. */
export function adminUserPage(ctx: ViewContext, input: { id: unknown }): AdminUserPage | Forbidden | null {
  if (!can(ctx.actor, 'admin.access', undefined)) return FORBIDDEN;
  const id = idParam.safeParse(input.id);
  if (!id.success) return null;
  const user = getProfile(ctx.db, id.data);
  if (!user) return null;
  return {
    user: { id: user.id, displayName: user.displayName },
    grants: roleLines(ctx, user.id),
    lockedSeconds: signInLockOf(ctx.db, user.id, ctx.now),
    mayUnlock: can(ctx.actor, 'account.unlock', { userId: user.id }),
    mayChangeRoles: can(ctx.actor, 'role.grant', { userId: user.id, role: 'official' }),
    mayResetAccess: mayResetAccessAsAdmin(ctx, user.id),
    verified: user.verifiedAt && user.verifiedVia ? { at: user.verifiedAt, via: user.verifiedVia } : null,
    roles: ROLES,
    communes: listCommunes(ctx.db).map((c) => ({ id: c.id, name: c.name })),
    spaces: listSpaces(ctx.db).map((s) => ({ id: s.id, name: s.name })),
  };
}

import { listCommunes } from '@/db/queries/geography';
import { appealOf } from '@/db/queries/moderation';
import { activeGrants, getProfile } from '@/db/queries/users';
import { sessionRules } from '@/lib/env';
import { activeSuspension } from '@/lib/moderation/sanctions';
import type { GrantedRole } from '@/lib/roles/names';
import type { ViewContext } from '@/lib/view-context';
import { listSessions, type SessionListItem, type SessionRules } from './sessions';

/** A role someone holds, as pages list it: where it applies, by name. */
export type RoleLine = { id: number; role: GrantedRole; title: string | null; communeId: number | null; commune: string | null; space: string | null };

/** The profile form's values, as the form shows them (strings). */
export type ProfileValues = { displayName: string; phone: string; email: string; communeId: string; gender: string; birthYear: string; language: string };

export type AccountSuspension = {
  /** ISO instant, or null for a permanent suspension */
  until: string | null;
  reason: string | null;
  /** the sanction that may be appealed (null: none recorded) */
  sanctionId: number | null;
  /** the appeal already made against it, if any */
  appeal: 'pending' | 'decided' | null;
};

export type AccountPage = {
  profile: ProfileValues;
  /** registered by a facilitator: signs in with a code and a PIN */
  isParticipant: boolean;
  /** still holding the PIN printed on their slip */
  pinChoicePending: boolean;
  grants: RoleLine[];
  suspension: AccountSuspension | null;
  sessions: SessionListItem[];
  /** open sessions other than this one */
  otherSessions: number;
  communes: { id: number; name: string }[];
};

export function roleLines(ctx: ViewContext, userId: number): RoleLine[] {
  return activeGrants(ctx.db, userId).map((g) => ({ id: g.id, role: g.role, title: g.title, communeId: g.communeId, commune: g.commune, space: g.space }));
}

function suspensionOf(ctx: ViewContext, userId: number): AccountSuspension | null {
  const s = activeSuspension(ctx.db, userId, ctx.now);
  if (!s) return null;
  const appeal = s.sanction ? appealOf(ctx.db, { sanctionId: s.sanction.id }) : undefined;
  return {
    until: s.permanent ? null : s.until,
    reason: s.sanction?.reason ?? null,
    sanctionId: s.sanction?.id ?? null,
    appeal: appeal ? (appeal.state === 'pending' ? 'pending' : 'decided') : null,
  };
}

/** /account: one's profile, roles, suspension, sessions. Null when nobody is signed in (or the account is gone). */
export function accountPage(ctx: ViewContext, rules: SessionRules = sessionRules()): AccountPage | null {
  if (!ctx.actor) return null;
  const profile = getProfile(ctx.db, ctx.actor.id);
  if (!profile) return null;
  const sessions = listSessions(ctx.db, profile.id, ctx.actor.sessionHash ?? null, rules, ctx.now);
  return {
    profile: {
      displayName: profile.displayName,
      phone: profile.phone ?? '',
      email: profile.email ?? '',
      communeId: String(profile.communeId),
      gender: profile.gender ?? '',
      birthYear: profile.birthYear ? String(profile.birthYear) : '',
      language: profile.language,
    },
    isParticipant: !!profile.participantCode,
    pinChoicePending: profile.pinChoicePending,
    grants: roleLines(ctx, profile.id),
    suspension: suspensionOf(ctx, profile.id),
    sessions,
    otherSessions: sessions.filter((s) => !s.current).length,
    communes: communeChoices(ctx),
  };
}

/** /account/pin: only participants choose a PIN (others have a password). Null when nobody is signed in. */
export function pinPage(ctx: ViewContext): { participant: boolean; pinChoicePending: boolean } | null {
  if (!ctx.actor) return null;
  const profile = getProfile(ctx.db, ctx.actor.id);
  if (!profile) return null;
  return { participant: !!profile.participantCode, pinChoicePending: profile.pinChoicePending };
}

/** The communes a person may choose as theirs (profile, registration forms). */
export function communeChoices(ctx: Pick<ViewContext, 'db'>): { id: number; name: string }[] {
  return listCommunes(ctx.db).map((c) => ({ id: c.id, name: c.name }));
}

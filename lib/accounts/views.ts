import { eq } from 'drizzle-orm';
import { listCommunes } from '@/db/queries/geography';
import { appealOf } from '@/db/queries/moderation';
import { activeGrants, getProfile } from '@/db/queries/users';
import { sessionRules } from '@/lib/env';
import { preferredLocale, type Locale } from '@/lib/i18n/config';
import { activeSuspension } from '@/lib/moderation/sanctions';
import type { GrantedRole } from '@/lib/roles/names';
import { connectedSpaces, users } from '@/db/schema';
import { maskRecipient } from '@/lib/messaging/mask';
import { can } from '@/lib/permissions';
import { activeRoles } from '@/lib/roles/holders';
import { FORBIDDEN, type Forbidden, type ViewContext } from '@/lib/view-context';
import { findByIdentifier } from './authenticate';
import { openCode } from './codes';
import { codeTargets, type CodeChannel } from './verify-account';
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

/** What /register shows: whether someone is already signed in, and the communes to choose from. */
export function registrationView(ctx: ViewContext): { signedIn: boolean; communes: { id: number; name: string }[] } {
  return { signedIn: ctx.actor !== null, communes: communeChoices(ctx) };
}

/**
 * Where a successful sign-in leads, in the account's preferred language (a participant who chose
 * Bambara lands on /bm/…): an account that is not verified yet goes to /verify (an account from before
 * verification existed is asked there, issue 12 §2); a participant still holding the PIN printed on their
 * slip is offered to choose their own; the others land on what they can do next, the open consultations
 * of their commune (issue 17 §8), with a one-line welcome ("signedin"). Only asked once the credentials
 * were accepted, so it tells nothing about accounts to anyone else.
 */
export function afterSignIn(ctx: Pick<ViewContext, 'db'>, identifier: string): { locale: Locale; path: string } {
  const user = identifier.trim() ? findByIdentifier(ctx.db, identifier.trim()) : undefined;
  const locale = preferredLocale(user?.language);
  if (user && user.verifiedAt === null) return { locale, path: '/verify?signedin=1' };
  if (user?.pinChoicePending) return { locale, path: '/account/pin' };
  const q = new URLSearchParams();
  if (user?.communeId) q.set('commune', String(user.communeId));
  q.set('phase', 'open');
  q.set('signedin', '1');
  return { locale, path: `/topics?${q}` };
}

// ---------------------------------------------------------------- verification and access resets (issue 12 §2, §3)

/** What /verify shows: where codes go (masked), and the code already on its way, if any. */
export type VerificationView = {
  verified: boolean;
  targets: { channel: CodeChannel; masked: string }[];
  /** an open code that has not expired: "we sent a code to …" */
  pending: { channel: CodeChannel; masked: string; expiresAt: string } | null;
};

export function verificationView(ctx: ViewContext): VerificationView | null {
  if (!ctx.actor) return null;
  const user = ctx.db.select().from(users).where(eq(users.id, ctx.actor.id)).get();
  if (!user) return null;
  const code = openCode(ctx.db, user.id, 'verification');
  const live = code && code.expiresAt > ctx.now.toISOString() && code.channel !== 'in_person' && code.recipient;
  return {
    verified: user.verifiedAt !== null,
    targets: codeTargets(user).map((t) => ({ channel: t.channel, masked: maskRecipient(t.to) })),
    pending: live ? { channel: code.channel as CodeChannel, masked: maskRecipient(code.recipient!), expiresAt: code.expiresAt } : null,
  };
}

/** The spaces where this person may reset access in person (their own spaces; an admin needs none). */
export function accessResetSpaces(ctx: ViewContext): { id: number; name: string }[] {
  const all = ctx.db.select({ id: connectedSpaces.id, name: connectedSpaces.name }).from(connectedSpaces).orderBy(connectedSpaces.name).all();
  return all.filter((s) => can(ctx.actor, 'account.resetInPerson', { userId: 0, spaceId: s.id, targetRoles: [] }));
}

/**
 * /facilitator/access: the spaces where this person resets access in person (a facilitator: their own,
 * one means no choice to make; an admin: any, saying where they stand). Null when nobody is signed in.
 */
export function accessResetPage(ctx: ViewContext): { spaces: { id: number; name: string }[] } | Forbidden | null {
  if (!ctx.actor) return null;
  const spaces = accessResetSpaces(ctx);
  return spaces.length > 0 ? { spaces } : FORBIDDEN;
}

/** May this person reset this account's access as an admin (the form on /admin/users/[id])? */
export function mayResetAccessAsAdmin(ctx: ViewContext, userId: number): boolean {
  return can(ctx.actor, 'account.resetInPerson', { userId, spaceId: null, targetRoles: activeRoles(ctx.db, userId) });
}

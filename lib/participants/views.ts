import { participantCard, participantsOf } from '@/db/queries/assisted';
import { listSpaces } from '@/db/queries/geography';
import { communeChoices } from '@/lib/accounts/views';
import { GENDERS, PREFERRED_LANGUAGES, type Gender, type PreferredLanguage } from '@/lib/accounts/values';
import { can, type Actor } from '@/lib/permissions';
import { activeRoles } from '@/lib/roles/holders';
import { idParam } from '@/lib/validation';
import { FORBIDDEN, type Forbidden, type ViewContext } from '@/lib/view-context';
import { normalizeParticipantCode } from './code';

export type SpaceView = { id: number; name: string; communeId: number; commune: string; address: string; openingHours: string };

/** The spaces whose participants this person sees and registers (their own; every space for an admin). */
export function spacesServedBy(ctx: ViewContext, actor: Actor): SpaceView[] {
  return listSpaces(ctx.db)
    .filter((s) => can(actor, 'participant.view', { spaceId: s.id }))
    .map((s) => ({ id: s.id, name: s.name, communeId: s.communeId, commune: s.commune, address: s.address, openingHours: s.openingHours }));
}

/** The spaces where this person may enter contributions for participants (facilitators, in their own space). */
export function spacesAssistedBy(ctx: ViewContext, actor: Actor): SpaceView[] {
  return listSpaces(ctx.db)
    .filter((s) => can(actor, 'assist.access', { spaceId: s.id }))
    .map((s) => ({ id: s.id, name: s.name, communeId: s.communeId, commune: s.commune, address: s.address, openingHours: s.openingHours }));
}

export type ParticipantLine = { id: number; displayName: string; code: string | null; createdAt: string; consentGivenOn: string | null; mayResetPin: boolean };

export type FacilitatorHome = {
  /** the search as understood (trimmed, at most 60 characters) */
  q: string;
  /** may enter contributions for participants (at one of the spaces at least) */
  mayAssist: boolean;
  spaces: (SpaceView & { participants: ParticipantLine[] })[];
};

/** /facilitator: each space one serves, with its participants (found by code or name when `q` is given). */
export function facilitatorHome(ctx: ViewContext, input: { q?: unknown }): FacilitatorHome | Forbidden {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'facilitator.access', undefined)) return FORBIDDEN;
  const q = (typeof input.q === 'string' ? input.q : '').trim().slice(0, 60);
  const spaces = spacesServedBy(ctx, actor);
  return {
    q,
    mayAssist: spaces.some((s) => can(actor, 'assist.access', { spaceId: s.id })),
    spaces: spaces.map((space) => ({
      ...space,
      participants: participantsOf(ctx.db, [space.id], { code: normalizeParticipantCode(q), text: q }).map((p) => ({
        id: p.id,
        displayName: p.displayName,
        code: p.code,
        createdAt: p.createdAt,
        consentGivenOn: p.consentGivenOn,
        mayResetPin: can(actor, 'participant.resetPin', { participantId: p.id, registeredAtSpaceId: p.spaceId, hasCode: !!p.code, holdsRole: p.holdsRole }),
      })),
    })),
  };
}

export type RegisterParticipantPage = {
  spaces: SpaceView[];
  /** the space chosen (?space=), else the first */
  chosen: SpaceView;
  communes: { id: number; name: string }[];
  genders: readonly Gender[];
  languages: readonly PreferredLanguage[];
  /** the consent date's default (YYYY-MM-DD) */
  today: string;
};

/** /facilitator/register: the spaces one registers participants at, and the form's choices. */
export function registerParticipantPage(ctx: ViewContext, input: { space?: unknown }): RegisterParticipantPage | Forbidden {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'facilitator.access', undefined)) return FORBIDDEN;
  const spaces = spacesServedBy(ctx, actor);
  if (spaces.length === 0) return FORBIDDEN;
  return {
    spaces,
    chosen: spaces.find((s) => String(s.id) === input.space) ?? spaces[0]!,
    communes: communeChoices(ctx),
    genders: GENDERS,
    languages: PREFERRED_LANGUAGES,
    today: ctx.now.toISOString().slice(0, 10),
  };
}

export type ParticipantPinPage = {
  person: { id: number; displayName: string; code: string; space: string | null; createdAt: string; registeredBy: string | null; consentGivenOn: string | null };
};

/**
 * /facilitator/participants/:id: a participant the facilitator may give a new PIN to, in person. Null: no
 * such participant (or an account without a participant code).
 */
export function participantPinPage(ctx: ViewContext, input: { id: unknown }): ParticipantPinPage | Forbidden | null {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'facilitator.access', undefined)) return FORBIDDEN;
  const id = idParam.safeParse(input.id);
  if (!id.success) return null;
  const person = participantCard(ctx.db, id.data);
  if (!person || !person.code) return null;
  const holdsRole = activeRoles(ctx.db, person.id).length > 0;
  if (!can(actor, 'participant.resetPin', { participantId: person.id, registeredAtSpaceId: person.registeredAtSpaceId, hasCode: true, holdsRole })) return FORBIDDEN;
  const { displayName, code, space, createdAt, registeredBy, consentGivenOn } = person;
  return { person: { id: person.id, displayName, code, space, createdAt, registeredBy, consentGivenOn } };
}

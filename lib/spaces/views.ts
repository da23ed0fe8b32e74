import { env } from '@/lib/env';
import { communeOptions, spaceList, type CommuneOption, type SpaceRow } from '@/lib/geography';
import { upcomingAtSpaceView, type MeetingCardView } from '@/lib/meetings/views';
import { can } from '@/lib/permissions';
import { sharedDevicesOf } from '@/lib/shared-devices/queries';
import { findActiveDevice } from '@/lib/shared-devices/token';
import { primaryStatus } from '@/lib/stats/disclosure';
import { residentsWhoTookPart } from '@/lib/stats/queries';
import type { Refusal, ViewContext } from '@/lib/view-context';
import { facilitatorsOf, getSpaceBySlug } from './queries';

/**
 * View loaders of the connected-space pages (/spaces, a space's page, its shared computers) and of the
 * admins' list of spaces. Each returns exactly what is rendered, permissions included.
 */

/** Addresses of spaces are their slugs: anything else is not looked up. */
const SLUG = /^[a-z0-9-]{1,80}$/;

const findBySlug = (ctx: Pick<ViewContext, 'db'>, slug: string) => (SLUG.test(slug) ? getSpaceBySlug(ctx.db, slug) : undefined);

/** /spaces: every connected space, with its commune, address and hours. */
export function spaceListPage(ctx: ViewContext): { spaces: SpaceRow[] } {
  return { spaces: spaceList(ctx) };
}

export type SpacePageView = {
  space: NonNullable<ReturnType<typeof getSpaceBySlug>>;
  facilitators: { id: number; displayName: string }[];
  /** residents of the space's commune who took part at least once (null: fewer than 5, not shown) */
  residentsShown: number | null;
  meetings: MeetingCardView[];
  maySchedule: boolean;
  mayManageDevices: boolean;
};

/** A space's public page; null when there is no such space. */
export function spacePage(ctx: ViewContext, input: { slug: string }): SpacePageView | null {
  const space = findBySlug(ctx, input.slug);
  if (!space) return null;
  const taking = residentsWhoTookPart(ctx.db, space.communeId);
  return {
    space,
    facilitators: facilitatorsOf(ctx.db, space.id),
    residentsShown: primaryStatus(taking) === 'few' ? null : taking,
    meetings: upcomingAtSpaceView(ctx, space.id),
    maySchedule: can(ctx.actor, 'meeting.schedule', { spaceId: space.id, communeId: space.communeId }),
    mayManageDevices: can(ctx.actor, 'device.manageShared', { spaceId: space.id }),
  };
}

/** The space's name for the page's metadata. */
export function spaceMetadata(ctx: ViewContext, input: { slug: string }): { name: string } | null {
  const space = findBySlug(ctx, input.slug);
  return space ? { name: space.name } : null;
}

export type SharedDevicePageView = {
  space: { id: number; slug: string; name: string };
  /** this browser's mark: none, this space's (with its label), or another space's */
  thisBrowser: { marked: false } | { marked: true; here: true; deviceId: number; label: string } | { marked: true; here: false; deviceId: number };
  devices: ReturnType<typeof sharedDevicesOf>;
  idleMinutes: number;
};

/**
 * /spaces/[slug]/device: the space's shared computers, and marking this browser as one (its
 * facilitators and admins). `deviceToken`: this browser's shared-computer cookie, if any.
 */
export function sharedDevicePage(ctx: ViewContext, input: { slug: string; deviceToken: string | null }): SharedDevicePageView | Refusal | null {
  const space = findBySlug(ctx, input.slug);
  if (!space) return null;
  if (!ctx.actor) return { refused: 'signIn' };
  if (!can(ctx.actor, 'device.manageShared', { spaceId: space.id })) return { refused: 'forbidden' };
  const current = findActiveDevice(ctx.db, input.deviceToken);
  return {
    space: { id: space.id, slug: space.slug, name: space.name },
    thisBrowser: !current
      ? { marked: false }
      : current.spaceId === space.id
        ? { marked: true, here: true, deviceId: current.id, label: current.label }
        : { marked: true, here: false, deviceId: current.id },
    devices: sharedDevicesOf(ctx.db, space.id),
    idleMinutes: env().SHARED_IDLE_MINUTES,
  };
}

export type SpaceAdminView = { spaces: SpaceRow[]; communes: CommuneOption[]; saved: SpaceRow | null; editing: SpaceRow | null };

/** The admins' list of spaces with the one just saved and the one being edited (null: not an admin). */
export function spaceAdminView(ctx: ViewContext, input: { saved?: string; editing?: string }): SpaceAdminView | null {
  if (!can(ctx.actor, 'space.manage', undefined)) return null;
  const spaces = spaceList(ctx);
  return {
    spaces,
    communes: communeOptions(ctx),
    saved: spaces.find((s) => s.slug === input.saved) ?? null,
    editing: spaces.find((s) => s.slug === input.editing) ?? null,
  };
}

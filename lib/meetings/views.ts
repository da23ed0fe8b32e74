import { communeOptions, spaceList, type CommuneOption } from '@/lib/geography';
import { can, isPublicProject, isPublicTopic } from '@/lib/permissions';
import { minutesRecordingOf } from './minutes-recording';
import { idParam } from '@/lib/validation';
import type { Refusal, ViewContext } from '@/lib/view-context';
import { publicAttendance, publicTotal, type PublicAttendance } from './attendance';
import { findMeeting, findSpace, meetingSubject, meetingTiming } from './load';
import { attendanceOf, getMeetingView, isRegistered, linkableSubjects, listMeetings, meetingsAbout, upcomingAtSpace, type MeetingCard } from './queries';

/**
 * View loaders of the meeting pages, and of the meetings shown on topic, project and space pages. Each
 * returns exactly what is rendered (times already compared with the request's clock, attendance as the
 * public may see it, permissions as booleans).
 */

/** A meeting in a list: its card, whether it has started, and how many attended as the public may see it (null: fewer than 5). */
export type MeetingCardView = MeetingCard & { past: boolean; attendanceShown: number | null };

const cardOf = (m: MeetingCard, now: Date): MeetingCardView => ({ ...m, past: Date.parse(m.startsAt) <= now.getTime(), attendanceShown: publicTotal(m.attendance) });

/** "Public debates" on a topic or project page: null when no meeting was ever scheduled about it. */
export type MeetingsSectionView = {
  meetings: MeetingCardView[];
  /** nobody counted yet; else the people counted at meetings not cancelled (null: fewer than 5) */
  noAttendance: boolean;
  attendedShown: number | null;
};

export function meetingsSection(ctx: Pick<ViewContext, 'db' | 'now'>, subject: { topicId: number } | { projectId: number }): MeetingsSectionView | null {
  const meetings = meetingsAbout(ctx.db, subject);
  if (meetings.length === 0) return null;
  const attended = meetings.filter((m) => !m.cancelledAt).reduce((a, m) => a + m.attendance, 0);
  return { meetings: meetings.map((m) => cardOf(m, ctx.now)), noAttendance: attended === 0, attendedShown: publicTotal(attended) };
}

/** The next meetings at a space (its page). */
export function upcomingAtSpaceView(ctx: Pick<ViewContext, 'db' | 'now'>, spaceId: number): MeetingCardView[] {
  return upcomingAtSpace(ctx.db, spaceId, ctx.now.toISOString()).map((m) => cardOf(m, ctx.now));
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export type MeetingListView = {
  communeId: number | null;
  communes: CommuneOption[];
  upcoming: MeetingCardView[];
  past: MeetingCardView[];
  /** the reader runs meetings somewhere (a space's facilitator, a commune's official, an admin) */
  maySchedule: boolean;
};

/** /meetings: the next meetings, then past ones with their minutes, of one commune or all. */
export function meetingListPage(ctx: ViewContext, sp: Search): MeetingListView {
  const parsed = idParam.safeParse(one(sp.commune));
  const communeId = parsed.success ? parsed.data : null;
  const { upcoming, past } = listMeetings(ctx.db, { communeId, nowIso: ctx.now.toISOString() });
  return {
    communeId,
    communes: communeOptions(ctx),
    upcoming: upcoming.map((m) => cardOf(m, ctx.now)),
    past: past.map((m) => cardOf(m, ctx.now)),
    maySchedule: spaceList(ctx).some((s) => can(ctx.actor, 'meeting.schedule', { spaceId: s.id, communeId: s.communeId })),
  };
}

const NOTICES = ['scheduled', 'updated', 'cancelled', 'registered', 'unregistered', 'minutes', 'minutesRecorded'] as const;
export type MeetingNotice = (typeof NOTICES)[number];

export type MeetingPageView = {
  meeting: {
    id: number;
    title: string;
    startsAt: string;
    place: string;
    agenda: string;
    registrationCount: number;
    minutes: string | null;
    minutesPublishedAt: string | null;
  };
  space: { name: string; slug: string; commune: string };
  organiser: string;
  /** what it is about, when the public may see it */
  about: { kind: 'topic' | 'project'; id: number; title: string } | null;
  started: boolean;
  cancelled: boolean;
  /** registration: signed in and not registered / registered; anonymous readers are asked to sign in */
  registration: { signedIn: boolean; registered: boolean };
  attendance: PublicAttendance;
  mayEdit: boolean;
  mayPublishMinutes: boolean;
  /** issue 13: the minutes read aloud, when recorded */
  minutesRecording: { id: number; durationMs: number; transcript: string | null } | null;
  notice: MeetingNotice | null;
  error: 'forbidden' | 'notFound' | 'invalid' | null;
};

/** /meetings/[id]: public; null when there is no such meeting. */
export function meetingPage(ctx: ViewContext, input: { id: string; sp?: Search }): MeetingPageView | null {
  const id = idParam.safeParse(input.id);
  if (!id.success) return null;
  const view = getMeetingView(ctx.db, id.data);
  if (!view) return null;
  const { meeting } = view;
  const { actor } = ctx;
  const timing = meetingTiming(meeting, ctx.now);
  const subject = { spaceId: meeting.spaceId, communeId: view.communeId, ...timing };
  const sp = input.sp ?? {};
  const about =
    meeting.topicId && view.topic && isPublicTopic(view.topic)
      ? { kind: 'topic' as const, id: meeting.topicId, title: view.topic.title }
      : meeting.projectId && view.project && isPublicProject(view.project)
        ? { kind: 'project' as const, id: meeting.projectId, title: view.project.title }
        : null;
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      place: meeting.place,
      agenda: meeting.agenda,
      registrationCount: meeting.registrationCount,
      minutes: meeting.minutes,
      minutesPublishedAt: meeting.minutesPublishedAt,
    },
    space: { name: view.spaceName, slug: view.spaceSlug, commune: view.commune },
    organiser: view.organiser,
    about,
    started: timing.started,
    cancelled: timing.cancelled,
    registration: { signedIn: !!actor, registered: actor ? isRegistered(ctx.db, meeting.id, actor.id) : false },
    attendance: publicAttendance(attendanceOf(ctx.db, meeting.id)),
    mayEdit: can(actor, 'meeting.edit', subject),
    mayPublishMinutes: can(actor, 'meeting.publishMinutes', subject),
    minutesRecording: minutesRecordingOf(ctx.db, meeting.id),
    notice: NOTICES.find((n) => sp[n]) ?? null,
    error: sp.error === 'forbidden' ? 'forbidden' : sp.error === 'not_found' ? 'notFound' : sp.error ? 'invalid' : null,
  };
}

/** The meeting's title for the page's metadata (meetings are public). */
export function meetingMetadata(ctx: ViewContext, input: { id: string }): { title: string } | null {
  const id = idParam.safeParse(input.id);
  const meeting = id.success ? findMeeting(ctx.db, id.data) : undefined;
  return meeting ? { title: meeting.title } : null;
}

/** What the meeting form shows of a meeting being changed, and of its space. */
export type MeetingFormValues = { id: number; title: string; startsAt: string; place: string; agenda: string; topicId: number | null; projectId: number | null };
export type MeetingFormSpace = { id: number; name: string; address: string };
export type LinkableSubjects = ReturnType<typeof linkableSubjects>;

export type NewMeetingView =
  | { step: 'chooseSpace'; spaces: { id: number; slug: string; name: string; commune: string }[]; carry: string }
  | { step: 'form'; space: MeetingFormSpace & { commune: string }; subjects: LinkableSubjects; defaults: { topicId?: number; projectId?: number } };

/**
 * /meetings/new: first the space (among those where this person runs meetings), then the form, whose
 * topics and projects are those of the space's commune. ?topic= / ?project= preselect.
 */
export function newMeetingPage(ctx: ViewContext, sp: Search): NewMeetingView | Refusal {
  if (!ctx.actor) return { refused: 'signIn' };
  const spaces = spaceList(ctx).filter((s) => can(ctx.actor, 'meeting.schedule', { spaceId: s.id, communeId: s.communeId }));
  if (spaces.length === 0) return { refused: 'forbidden' };
  const keep = (name: 'topic' | 'project') => {
    const v = idParam.safeParse(one(sp[name]));
    return v.success ? v.data : undefined;
  };
  const space = spaces.find((s) => s.slug === one(sp.space)) ?? (spaces.length === 1 ? spaces[0] : undefined);
  if (!space) {
    const carry = (['topic', 'project'] as const).flatMap((k) => (keep(k) ? [`${k}=${keep(k)}`] : [])).join('&');
    return { step: 'chooseSpace', spaces: spaces.map((s) => ({ id: s.id, slug: s.slug, name: s.name, commune: s.commune })), carry };
  }
  return {
    step: 'form',
    space: { id: space.id, name: space.name, address: space.address, commune: space.commune },
    subjects: linkableSubjects(ctx.db, space.communeId),
    defaults: { topicId: keep('topic'), projectId: keep('project') },
  };
}

export type EditMeetingView = { meeting: MeetingFormValues; space: MeetingFormSpace; subjects: LinkableSubjects };

/** /meetings/[id]/edit: those who run it, before it starts. null: no such meeting. */
export function editMeetingPage(ctx: ViewContext, input: { id: string }): EditMeetingView | Refusal | null {
  const id = idParam.safeParse(input.id);
  const meeting = id.success ? findMeeting(ctx.db, id.data) : undefined;
  const space = meeting ? findSpace(ctx.db, meeting.spaceId) : undefined;
  if (!meeting || !space) return null;
  if (!ctx.actor) return { refused: 'signIn' };
  if (!can(ctx.actor, 'meeting.edit', { ...meetingSubject(meeting), ...meetingTiming(meeting, ctx.now) })) return { refused: 'forbidden' };
  const { title, startsAt, place, agenda, topicId, projectId } = meeting;
  return {
    meeting: { id: meeting.id, title, startsAt, place, agenda, topicId, projectId },
    space: { id: space.id, name: space.name, address: space.address },
    subjects: linkableSubjects(ctx.db, space.communeId),
  };
}

export type MinutesPageView = { meetingId: number; title: string; minutes: string | null; attendance: ReturnType<typeof attendanceOf> };

/** /meetings/[id]/minutes: those who ran it, once it has started. null: no such meeting. */
export function minutesPage(ctx: ViewContext, input: { id: string }): MinutesPageView | Refusal | null {
  const id = idParam.safeParse(input.id);
  const meeting = id.success ? findMeeting(ctx.db, id.data) : undefined;
  if (!meeting) return null;
  if (!ctx.actor) return { refused: 'signIn' };
  if (!can(ctx.actor, 'meeting.publishMinutes', { ...meetingSubject(meeting), ...meetingTiming(meeting, ctx.now) })) return { refused: 'forbidden' };
  return { meetingId: meeting.id, title: meeting.title, minutes: meeting.minutes, attendance: attendanceOf(ctx.db, meeting.id) };
}

/**
 * Who may do what. The only place roles are interpreted. Pure and deny-by-default:
 * an action not named here, or a subject that does not match, is refused.
 */
import type { ProjectStatus } from './projects/statuses';

import type { GrantedRole } from '@/lib/roles/names';

export { ROLE_NAMES, type RoleName } from '@/lib/roles/names';
import type { Phase } from '@/lib/topics/phases';

export type Grant = {
  role: GrantedRole;
  /** official: the commune; moderator: the commune, or null for all communes */
  communeId: number | null;
  /** facilitator: the connected space */
  spaceId: number | null;
};

export type Actor = {
  id: number;
  communeId: number;
  suspended: boolean;
  /**
   * The account proved its phone or e-mail (or was verified in person). Until then it may sign in, read,
   * finish verification, look after its own security and take back what it gave; nothing else.
   */
  verified: boolean;
  grants: readonly Grant[];
};

/** Subjects by action. Anonymous visitors are `null` actors. */
export type Subjects = {
  'account.register': undefined;
  'profile.update': { userId: number };
  'password.change': { userId: number };
  'session.revokeAll': { userId: number };
  /** ending one of one's own sessions (another device), from /account */
  'session.end': { userId: number };
  /** lifting the 24-hour sign-in lock of an account, in person */
  'account.unlock': { userId: number };
  /** entering the code that verifies one's own phone or e-mail, or asking for a new one */
  'account.verify': { userId: number };
  /**
   * resetting someone's access in person after checking an identity document: at a connected space
   * (spaceId), or by an admin (null); targetRoles: the roles the account holds (staff: admins only)
   */
  'account.resetInPerson': { userId: number; spaceId: number | null; targetRoles: readonly Grant['role'][] };
  'admin.access': undefined;
  'role.grant': { userId: number; role: Grant['role'] };
  'role.revoke': { userId: number; role: Grant['role'] };
  'audit.read': undefined;
  'topic.create': { communeId: number };
  'topic.update': { communeId: number };
  'topic.changePhase': { communeId: number };
  /** drafts, and the demographic split of the tally */
  'topic.viewInternal': { communeId: number };
  /** reading a topic: public once out of draft and not held or hidden; else only those who run the commune */
  'topic.read': { communeId: number; phase: PhaseName; visibility: string };
  'vote.cast': { phase: PhaseName };
  'comment.create': { phase: DiscussionPhase };
  /** hidden: a comment hidden by moderation stays as it was judged (no edit until restored) */
  'comment.edit': { authorId: number; createdAt: string; deleted: boolean; phase: DiscussionPhase; now: Date; hidden?: boolean };
  'comment.delete': { authorId: number; deleted: boolean };
  'comment.support': { authorId: number; phase: DiscussionPhase };
  /**
   * a comment held for review (the comment itself) or hidden by moderation (its text): its author and the
   * moderators of its subject's commune; everyone else sees no held comment and a hidden one's placeholder.
   * The same rule in SQL is lib/comments/visibility.ts's (a test holds them together).
   */
  'comment.readWithheld': { authorId: number; communeId: number };
  'project.create': undefined;
  'project.view': ProjectSubject & { visibility: 'visible' | 'held' | 'hidden'; invitedIds: readonly number[] };
  'project.edit': ProjectSubject;
  'project.submit': ProjectSubject;
  'project.invite': ProjectSubject;
  'project.withdraw': ProjectSubject;
  'project.support': ProjectSubject;
  'project.unsupport': ProjectSubject;
  'project.answer': ProjectSubject;
  'project.postProgress': ProjectSubject;
  /** supporters by gender and age */
  'project.viewInternal': { communeId: number };
  'project.respondInvitation': { invitedUserId: number; invitation: 'invited' | 'accepted' | 'declined' };
  /** the support threshold and collection window of a commune */
  'project.configure': { communeId: number };
  'notifications.read': { userId: number };
  /** mark one's notifications read, choose which ones one receives */
  'notifications.manage': { userId: number };
  /** the moderation area (queue, appeals, log, terms): its content is then filtered by `moderationScope` */
  'moderation.access': undefined;
  /**
   * what moderators know about a commune: its people's histories, appeals and log entries; null = what
   * belongs to no single commune (a sanction given without naming content, before migration 0011)
   */
  'moderation.read': { communeId: number | null };
  'moderation.configure': undefined;
  /** add or remove a screening term of a commune, or of the whole region (null) */
  'moderation.manageTerm': { communeId: number | null };
  /** isPublic: the item and what it belongs to are public (no draft, nothing held or hidden, not deleted) */
  'content.report': { authorId: number; isPublic: boolean };
  'content.moderate': ModerationSubject;
  /**
   * communeId: where the content the sanction is about was posted (null: no content named);
   * targetRoles: the roles the person holds; lastActiveAdmin: they are the only admin not suspended
   */
  'user.sanction': { userId: number; communeId: number | null; kind: 'warning' | 'suspension'; targetRoles: readonly Grant['role'][]; lastActiveAdmin: boolean };
  'appeal.create': { appellantId: number; concernedUserId: number };
  /** a suspension's appeal: communeId is the sanction's (null when none), appellantRoles the suspended person's roles */
  'appeal.decide': Omit<ModerationSubject, 'communeId'> & {
    communeId: number | null;
    originalModeratorId: number | null;
    appellantId: number;
    sanction: boolean;
    appellantRoles: readonly Grant['role'][];
  };
  /** create and edit connected spaces (name, commune, address, hours) */
  'space.manage': undefined;
  /** the facilitator area: a facilitator of any space, or an admin */
  'facilitator.access': undefined;
  /** register a participant (no phone, no email) at this space */
  'participant.register': { spaceId: number };
  /** the list of participants registered at this space */
  'participant.view': { spaceId: number };
  /**
   * give a participant a new PIN, in person: registeredAtSpaceId null = not a participant registered at a
   * space; holdsRole: the participant has since been given a role (then only an admin)
   */
  'participant.resetPin': { participantId: number; registeredAtSpaceId: number | null; hasCode: boolean; holdsRole: boolean };
  /** enter contributions for people at this space (the assist pages) */
  'assist.access': { spaceId: number };
  /**
   * enter a contribution for this person, present and consenting, at this space: registeredAtSpaceId is
   * where a facilitator registered them (null: they registered themselves); presenceProven: they typed their
   * own PIN or password on the facilitator's screen for this very submission; holdsRole: any role at all
   */
  'assist.contribute': {
    spaceId: number;
    participantId: number;
    participantSuspended: boolean;
    participantHoldsRole: boolean;
    registeredAtSpaceId: number | null;
    presenceProven: boolean;
  };
  /** take back a contribution entered on one's behalf */
  'assisted.withdraw': { participantId: number; withdrawn: boolean };
  /** take one's vote back while the consultation is open */
  'vote.withdraw': { phase: PhaseName };
  /** mark a browser as a shared computer of this space, unmark it, list the space's shared computers */
  'device.manageShared': { spaceId: number };
  /** schedule a public meeting at this space */
  'meeting.schedule': MeetingSubject;
  /** change or cancel a meeting before it starts */
  'meeting.edit': MeetingSubject & MeetingTiming;
  /** publish or correct the minutes and attendance, once the meeting has started */
  'meeting.publishMinutes': MeetingSubject & MeetingTiming;
  'meeting.register': MeetingTiming;
  'meeting.unregister': MeetingTiming;
  // media (lib/media): uploading a recording, and hearing one
  'media.upload': undefined;
  'media.read': MediaSubject;
  /** add or correct the transcript of a recording (a voice comment, a spoken summary…): its moderators */
  'media.transcribe': ModerationSubject;
  /**
   * record a spoken summary of a topic or of its decision (issue 13 §5): the commune's officials, the
   * facilitators of its connected spaces (communeSpaceIds), and admins
   */
  'topic.recordSummary': { communeId: number; communeSpaceIds: readonly number[] };
  // civic learning (lib/learn)
  /** the authoring area: write courses and lessons, record training sessions */
  'learn.author': undefined;
  /** create, edit, publish or unpublish a course (communeId null: region-wide) and its lessons, narrations and images */
  'course.edit': CourseScope;
  /** read a course or lesson: published (course and lesson) and visible (neither held nor hidden), else its authors only */
  'learn.read': CourseScope & { published: boolean; visible: boolean };
  /** record one's own quiz answers and progress */
  'learn.progress': { userId: number };
  /** see and print one's own certificate (its public page, by code, shows only what is printed on it) */
  'certificate.view': { userId: number };
  /** record a training session at this space, and see the space's sessions */
  'training.manage': { spaceId: number };
  /** the delivery status of SMS and e-mails (recipients masked, texts never shown) */
  'messages.viewStatus': undefined;
  // interface translations (lib/translations): a translator (a grant admins give, usually to facilitators) or an admin
  /** the translation area (/admin/translations) and its JSON export */
  'translation.access': undefined;
  /** propose a text for a message key, or import a file of proposals */
  'translation.propose': undefined;
  /** approve or refuse someone else's proposal (proposerId null: a machine draft nobody proposed) */
  'translation.review': { proposerId: number | null };
  /** take a live translation down (the one approved before it, if any, comes back) */
  'translation.revert': undefined;
};

/**
 * Where a course belongs: a commune (and the connected spaces in it, whose facilitators write its courses),
 * or the whole region (communeId null, no spaces: every facilitator writes region-wide courses).
 */
export type CourseScope = { communeId: number | null; communeSpaceIds: readonly number[] };

/** A recording (lib/media): public once published; until then its owner's, and its commune's moderators'. */
export type MediaSubject = { ownerId: number; communeId: number; state: 'pending' | 'held' | 'published' | 'rejected' };

/** A meeting's place: the connected space, and the commune it is in. */
export type MeetingSubject = { spaceId: number; communeId: number };
/** started: its start time has passed (Mali is UTC+0) */
export type MeetingTiming = { started: boolean; cancelled: boolean };

/** A topic's phase (the list is lib/topics/phases.ts's). */
export type PhaseName = Phase;

/** Where comments are allowed: a topic's phase, or for a citizen project 'open' / 'closed' (see lib/comments/subject.ts). */
export type DiscussionPhase = PhaseName | 'closed';

/** The statuses of a citizen project (the list is lib/projects/statuses.ts's). */
export type ProjectStatusName = ProjectStatus;

export type ProjectSubject = {
  communeId: number;
  /** the effective status (an expired collection counts as expired before the sweep writes it) */
  status: ProjectStatusName;
  proposerId: number;
  /** the proposer and the co-proposers who accepted */
  authorIds: readonly number[];
};

/** How long an author may edit their comment. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
export type Action = keyof Subjects;


export function hasRole(actor: Actor | null, role: Grant['role']): boolean {
  return !!actor && actor.grants.some((g) => g.role === role);
}

export const isAdmin = (actor: Actor | null) => hasRole(actor, 'admin');

/** Official of this commune? */
export function isOfficialOf(actor: Actor | null, communeId: number): boolean {
  return !!actor && actor.grants.some((g) => g.role === 'official' && g.communeId === communeId);
}

/** Moderator for this commune (or for all)? */
export function moderates(actor: Actor | null, communeId: number): boolean {
  return (
    !!actor &&
    actor.grants.some((g) => g.role === 'moderator' && (g.communeId === null || g.communeId === communeId))
  );
}

/** Moderator of every commune (a region moderator)? */
export function moderatesAll(actor: Actor | null): boolean {
  return !!actor && actor.grants.some((g) => g.role === 'moderator' && g.communeId === null);
}

/**
 * Within this moderator's scope? A commune: its moderators, region moderators and admins; null (what
 * belongs to no single commune): region moderators and admins only.
 */
function inModerationScope(actor: Actor | null, communeId: number | null): boolean {
  if (isAdmin(actor) || moderatesAll(actor)) return true;
  return communeId !== null && moderates(actor, communeId);
}

/**
 * The communes whose moderation records (queue, histories, appeals, log) this person sees: 'all' for
 * region moderators and admins, else the communes they moderate (none when suspended or no moderator).
 */
export function moderationScope(actor: Actor | null): number[] | 'all' {
  if (!participant(actor)) return [];
  if (isAdmin(actor) || moderatesAll(actor)) return 'all';
  return actor!.grants.filter((g) => g.role === 'moderator' && g.communeId !== null).map((g) => g.communeId!);
}

/** Roles that only admins may sanction: those who moderate, speak for a commune, or administer. */
const ADMIN_SANCTIONED: readonly Grant['role'][] = ['moderator', 'official', 'admin'];
const sanctionedByAdminsOnly = (roles: readonly Grant['role'][]) => roles.some((r) => ADMIN_SANCTIONED.includes(r));

/** Facilitator of this connected space? */
export function facilitates(actor: Actor | null, spaceId: number): boolean {
  return !!actor && actor.grants.some((g) => g.role === 'facilitator' && g.spaceId === spaceId);
}

export type ModerationSubject = {
  communeId: number;
  authorId: number;
  /** e.g. the official who published the topic a comment is on */
  conflictedUserIds: readonly number[];
  /** a project's commune: its officials must answer it, so they do not moderate it */
  conflictedOfficialsOf: number | null;
};

/**
 * Moderators of the commune (or of all communes) and admins moderate, except where they have a
 * conflict of interest: their own content, a topic they published, a project they must answer.
 */
function mayModerate(actor: Actor | null, s: Omit<ModerationSubject, 'communeId'> & { communeId: number | null }): boolean {
  if (!participant(actor) || !inModerationScope(actor, s.communeId)) return false;
  if (actor!.id === s.authorId || s.conflictedUserIds.includes(actor!.id)) return false;
  if (s.conflictedOfficialsOf !== null && isOfficialOf(actor, s.conflictedOfficialsOf)) return false;
  return true;
}

/**
 * Out of draft and neither held nor hidden: anyone may read it, signed in or not. The same rule in SQL,
 * for lists and searches, is lib/topics/visibility.ts's `publicTopicSql` (a test holds them together).
 */
export function isPublicTopic(t: { phase: string; visibility: string }): boolean {
  return t.phase !== 'draft' && t.visibility === 'visible';
}

/**
 * A citizen project anyone may read, signed in or not: submitted (no draft) and neither held nor hidden.
 * Its SQL twin is lib/projects/visibility.ts (publicProjectSql), tested to agree.
 */
export function isPublicProject(p: { status: string; visibility: string }): boolean {
  return p.status !== 'draft' && p.visibility === 'visible';
}

/**
 * The communes whose consultations this person runs (`runsCommune`: drafts, held topics, the internal
 * split): 'all' for admins, the communes they are an official of, none when suspended or signed out.
 * Lists use it with lib/topics/visibility.ts to show what `topic.read` allows, in one query.
 */
export function communesRunBy(actor: Actor | null): number[] | 'all' {
  if (!participant(actor)) return [];
  if (isAdmin(actor)) return 'all';
  return actor!.grants.filter((g) => g.role === 'official' && g.communeId !== null).map((g) => g.communeId!);
}

/**
 * Holding any role (facilitator, official, moderator, admin) vouches for a person: screening trusts
 * their links (lib/moderation/pipeline.ts).
 */
export function isTrusted(actor: Actor | null): boolean {
  return !!actor && actor.grants.length > 0;
}

/** A signed-in account that is not suspended, verified or not: what it may do concerns only itself. */
function activeAccount(actor: Actor | null): boolean {
  return !!actor && !actor.suspended;
}

/**
 * A signed-in account that is not suspended and is verified: everything that others see or that counts
 * (voting, commenting, supporting, reporting, proposing, and every staff role) needs it.
 */
function participant(actor: Actor | null): boolean {
  return activeAccount(actor) && actor!.verified === true;
}

/** Officials of the commune, and admins, run its consultations. */
function runsCommune(actor: Actor | null, communeId: number): boolean {
  return participant(actor) && (isOfficialOf(actor, communeId) || isAdmin(actor));
}

const PROJECT_EDITABLE: readonly ProjectStatusName[] = ['draft', 'submitted', 'collecting'];
/** Statuses from which an official may move a project on (see lib/projects/status.ts for the moves). */
const PROJECT_ANSWERABLE: readonly ProjectStatusName[] = ['threshold_reached', 'under_review', 'accepted', 'in_progress'];

function isProjectAuthor(actor: Actor | null, s: { authorIds: readonly number[] }): boolean {
  return !!actor && s.authorIds.includes(actor.id);
}

type Rule<A extends Action> = (actor: Actor | null, subject: Subjects[A]) => boolean;

const self = (actor: Actor | null, s: { userId: number }) => !!actor && actor.id === s.userId;

const rules: { [A in Action]: Rule<A> } = {
  'account.register': (actor) => actor === null,
  // A suspended person keeps control of their security (password, sessions) but cannot change what others see.
  // An unverified one may fix their profile (a mistyped phone number is how they finish verification).
  'profile.update': (actor, s) => self(actor, s) && activeAccount(actor),
  'password.change': (actor, s) => self(actor, s),
  'session.revokeAll': (actor, s) => self(actor, s),
  'session.end': (actor, s) => self(actor, s),
  // Participants are unlocked by their space's facilitator with a new PIN (participant.resetPin).
  'account.unlock': (actor) => participant(actor) && isAdmin(actor),
  // Finishing one's own verification: the one thing an unverified account is there to do.
  'account.verify': (actor, s) => self(actor, s),
  // Any connected space may do it, having checked a document (recorded by kind, never its number); an
  // account holding a role is an admin's (a facilitator would take the role over). Never one's own.
  'account.resetInPerson': (actor, s) =>
    participant(actor) &&
    actor!.id !== s.userId &&
    ((s.spaceId !== null && facilitates(actor, s.spaceId) && s.targetRoles.length === 0) || isAdmin(actor)),
  'admin.access': (actor) => participant(actor) && isAdmin(actor),
  // An admin never changes their own roles: no self-promotion, no locking the last admin out by mistake.
  'role.grant': (actor, s) => participant(actor) && isAdmin(actor) && actor!.id !== s.userId,
  'role.revoke': (actor, s) => participant(actor) && isAdmin(actor) && actor!.id !== s.userId,
  'audit.read': (actor) => participant(actor) && isAdmin(actor),
  'topic.create': (actor, s) => runsCommune(actor, s.communeId),
  'topic.update': (actor, s) => runsCommune(actor, s.communeId),
  'topic.changePhase': (actor, s) => runsCommune(actor, s.communeId),
  'topic.viewInternal': (actor, s) => runsCommune(actor, s.communeId),
  'topic.read': (actor, s) => isPublicTopic(s) || runsCommune(actor, s.communeId),
  'vote.cast': (actor, s) => participant(actor) && s.phase === 'open',
  'comment.create': (actor, s) => participant(actor) && s.phase === 'open',
  'comment.edit': (actor, s) =>
    participant(actor) &&
    actor!.id === s.authorId &&
    !s.deleted &&
    !s.hidden &&
    s.phase === 'open' &&
    s.now.getTime() - Date.parse(s.createdAt) <= COMMENT_EDIT_WINDOW_MS,
  // Withdrawing one's own words is always allowed, even when suspended or after the consultation.
  'comment.delete': (actor, s) => !!actor && actor.id === s.authorId && !s.deleted,
  'comment.support': (actor, s) => participant(actor) && actor!.id !== s.authorId && s.phase === 'open',
  // One's own words stay one's own, even when suspended; a suspended moderator reads like anyone else.
  'comment.readWithheld': (actor, s) => (!!actor && actor.id === s.authorId) || (participant(actor) && inModerationScope(actor, s.communeId)),
  'project.create': (actor) => participant(actor),
  // Drafts: their authors and invited co-proposers. Held or hidden: also moderators and the commune's officials.
  'project.view': (actor, s) =>
    isPublicProject(s) ||
    isProjectAuthor(actor, s) ||
    (!!actor && s.invitedIds.includes(actor.id)) ||
    (s.status !== 'draft' && ((participant(actor) && moderates(actor, s.communeId)) || runsCommune(actor, s.communeId))),
  // Until the threshold is reached: after that, supporters must know what they supported.
  'project.edit': (actor, s) => participant(actor) && isProjectAuthor(actor, s) && PROJECT_EDITABLE.includes(s.status),
  'project.submit': (actor, s) => participant(actor) && isProjectAuthor(actor, s) && s.status === 'draft',
  'project.invite': (actor, s) => participant(actor) && actor!.id === s.proposerId && PROJECT_EDITABLE.includes(s.status),
  // Taking one's own project back needs no verification (it removes, it adds nothing).
  'project.withdraw': (actor, s) => activeAccount(actor) && isProjectAuthor(actor, s) && s.status === 'collecting',
  'project.support': (actor, s) => participant(actor) && !s.authorIds.includes(actor!.id) && s.status === 'collecting',
  // Taking one's support back is always allowed while the collection runs, even when suspended.
  'project.unsupport': (actor, s) => !!actor && s.status === 'collecting',
  'project.answer': (actor, s) => runsCommune(actor, s.communeId) && PROJECT_ANSWERABLE.includes(s.status),
  'project.postProgress': (actor, s) => runsCommune(actor, s.communeId) && (s.status === 'accepted' || s.status === 'in_progress'),
  'project.viewInternal': (actor, s) => runsCommune(actor, s.communeId),
  'project.respondInvitation': (actor, s) => participant(actor) && actor!.id === s.invitedUserId && s.invitation === 'invited',
  'project.configure': (actor) => participant(actor) && isAdmin(actor),
  'notifications.read': (actor, s) => self(actor, s),
  // One's own inbox, even when suspended: reading and sorting it changes nothing anyone else sees.
  'notifications.manage': (actor, s) => self(actor, s),
  'moderation.access': (actor) => participant(actor) && (hasRole(actor, 'moderator') || isAdmin(actor)),
  'moderation.read': (actor, s) => participant(actor) && inModerationScope(actor, s.communeId),
  'moderation.configure': (actor) => participant(actor) && isAdmin(actor),
  // A commune's moderators keep its own list; words meant for the whole region are region moderators' and admins'.
  'moderation.manageTerm': (actor, s) => participant(actor) && inModerationScope(actor, s.communeId),
  // Only what the reporter can read: no reporting drafts, held or hidden items (and no learning they exist).
  'content.report': (actor, s) => participant(actor) && actor!.id !== s.authorId && s.isPublic === true,
  'content.moderate': (actor, s) => mayModerate(actor, s),
  // In the scope of the content's commune; only admins sanction moderators, officials and admins; the
  // last admin who is not suspended stays so (administration is never locked out).
  'user.sanction': (actor, s) =>
    participant(actor) &&
    actor!.id !== s.userId &&
    inModerationScope(actor, s.communeId) &&
    (!sanctionedByAdminsOnly(s.targetRoles) || isAdmin(actor)) &&
    !(s.kind === 'suspension' && s.lastActiveAdmin),
  'appeal.create': (actor, s) => !!actor && actor.id === s.appellantId && s.appellantId === s.concernedUserId,
  // Settled by someone else than the moderator who decided, and never by the appellant; a suspension of
  // someone only admins may sanction is settled by an admin.
  'appeal.decide': (actor, s) =>
    mayModerate(actor, s) &&
    actor!.id !== s.originalModeratorId &&
    actor!.id !== s.appellantId &&
    (!s.sanction || !sanctionedByAdminsOnly(s.appellantRoles) || isAdmin(actor)),
  'space.manage': (actor) => participant(actor) && isAdmin(actor),
  'facilitator.access': (actor) => participant(actor) && (hasRole(actor, 'facilitator') || isAdmin(actor)),
  'participant.register': (actor, s) => participant(actor) && (facilitates(actor, s.spaceId) || isAdmin(actor)),
  'participant.view': (actor, s) => participant(actor) && (facilitates(actor, s.spaceId) || isAdmin(actor)),
  // Only the space that registered the participant knows them in person (or an admin): a PIN handed to
  // the wrong person is an account taken over. Accounts with a phone or email keep their own password; an
  // account that has since been given a role is an admin's to reset (a facilitator would take the role over).
  'participant.resetPin': (actor, s) =>
    participant(actor) &&
    actor!.id !== s.participantId &&
    s.hasCode &&
    ((s.registeredAtSpaceId !== null && facilitates(actor, s.registeredAtSpaceId) && s.holdsRole === false) || isAdmin(actor)),
  'assist.access': (actor, s) => participant(actor) && facilitates(actor, s.spaceId),
  // Never for oneself: a facilitator's own voice goes through their own account. Never for anyone holding
  // a role: they act from their own account. Only for people the facilitator's spaces registered (they
  // know them in person), or who prove they are here by typing their own secret for this submission.
  'assist.contribute': (actor, s) =>
    participant(actor) &&
    facilitates(actor, s.spaceId) &&
    actor!.id !== s.participantId &&
    !s.participantSuspended &&
    s.participantHoldsRole === false &&
    ((s.registeredAtSpaceId !== null && facilitates(actor, s.registeredAtSpaceId)) || s.presenceProven === true),
  // Only the participant: what was entered in their name is theirs to take back, even when suspended.
  'assisted.withdraw': (actor, s) => !!actor && actor.id === s.participantId && !s.withdrawn,
  'vote.withdraw': (actor, s) => !!actor && s.phase === 'open',
  'device.manageShared': (actor, s) => participant(actor) && (facilitates(actor, s.spaceId) || isAdmin(actor)),
  'meeting.schedule': (actor, s) => runsMeeting(actor, s),
  'meeting.edit': (actor, s) => runsMeeting(actor, s) && !s.started && !s.cancelled,
  'meeting.publishMinutes': (actor, s) => runsMeeting(actor, s) && s.started && !s.cancelled,
  'meeting.register': (actor, s) => participant(actor) && !s.started && !s.cancelled,
  // Taking one's place back is always allowed before the meeting, even when suspended or cancelled.
  'meeting.unregister': (actor, s) => !!actor && !s.started,
  // media: anyone hears what is published; what is not yet (or no longer) is its owner's, even when suspended,
  // and its commune's moderators' and admins' (to judge it)
  'media.upload': (actor) => participant(actor),
  'media.read': (actor, s) =>
    s.state === 'published' ||
    (!!actor && actor.id === s.ownerId) ||
    (participant(actor) && (moderates(actor, s.communeId) || isAdmin(actor))),
  // A transcript says what the recording says: written by those who listened to judge it, never its author.
  'media.transcribe': (actor, s) => mayModerate(actor, s),
  'topic.recordSummary': (actor, s) =>
    participant(actor) && (isOfficialOf(actor, s.communeId) || isAdmin(actor) || s.communeSpaceIds.some((id) => facilitates(actor, id))),
  // learning: facilitators and admins write; a commune's course is its spaces' facilitators' (and admins')
  'learn.author': (actor) => participant(actor) && (hasRole(actor, 'facilitator') || isAdmin(actor)),
  'course.edit': (actor, s) => writesCourse(actor, s),
  'learn.read': (actor, s) => (s.published === true && s.visible === true) || writesCourse(actor, s),
  // One's own learning, even when suspended: it changes nothing anyone else reads.
  'learn.progress': (actor, s) => self(actor, s),
  'certificate.view': (actor, s) => self(actor, s),
  'training.manage': (actor, s) => participant(actor) && (facilitates(actor, s.spaceId) || isAdmin(actor)),
  'messages.viewStatus': (actor) => participant(actor) && isAdmin(actor),
  'translation.access': (actor) => translates(actor),
  'translation.propose': (actor) => translates(actor),
  // Two people: a proposal goes live only when someone other than its proposer approves it (a machine
  // draft, proposed by nobody, needs two approvals: lib/translations/review.ts counts them).
  'translation.review': (actor, s) => translates(actor) && actor!.id !== s.proposerId,
  // Taking a wrong or offensive text down must be quick: any translator; it is audited and can be approved again.
  'translation.revert': (actor) => translates(actor),
};

/** Translators and admins, not suspended, work on the interface's translations. */
function translates(actor: Actor | null): boolean {
  return participant(actor) && (hasRole(actor, 'translator') || isAdmin(actor));
}

/** Admins write every course; facilitators write region-wide courses and those of their space's commune. */
function writesCourse(actor: Actor | null, s: CourseScope): boolean {
  if (!participant(actor)) return false;
  if (isAdmin(actor)) return true;
  if (!hasRole(actor, 'facilitator')) return false;
  return s.communeId === null || s.communeSpaceIds.some((id) => facilitates(actor, id));
}

/** The space's facilitators, the commune's officials, and admins run the space's public meetings. */
function runsMeeting(actor: Actor | null, s: MeetingSubject): boolean {
  return participant(actor) && (facilitates(actor, s.spaceId) || isOfficialOf(actor, s.communeId) || isAdmin(actor));
}

/** Every action, in the order of the rules: derived from them, so an action cannot exist without its rule. */
export const ACTIONS = Object.keys(rules) as Action[];

export function can<A extends Action>(actor: Actor | null, action: A, subject: Subjects[A]): boolean {
  const rule = rules[action] as Rule<A> | undefined;
  if (!rule) return false;
  try {
    return rule(actor, subject) === true;
  } catch {
    return false;
  }
}

/**
 * Refused only because the account is not verified yet: the same question, asked as if it were. Pages
 * then say "verify your account to vote" where the form would be, instead of nothing (issue 12 §2).
 */
export function allowedOnceVerified<A extends Action>(actor: Actor | null, action: A, subject: Subjects[A]): boolean {
  return !!actor && !actor.verified && !can(actor, action, subject) && can({ ...actor, verified: true }, action, subject);
}

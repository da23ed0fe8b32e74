/**
 * Who may do what. The only place roles are interpreted. Pure and deny-by-default:
 * an action not named here, or a subject that does not match, is refused.
 */

export const ROLE_NAMES = ['citizen', 'facilitator', 'official', 'moderator', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export type Grant = {
  role: Exclude<RoleName, 'citizen'>;
  /** official: the commune; moderator: the commune, or null for all communes */
  communeId: number | null;
  /** facilitator: the connected space */
  spaceId: number | null;
};

export type Actor = {
  id: number;
  communeId: number;
  suspended: boolean;
  grants: readonly Grant[];
};

/** Subjects by action. Anonymous visitors are `null` actors. */
export type Subjects = {
  'account.register': undefined;
  'profile.update': { userId: number };
  'password.change': { userId: number };
  'session.revokeAll': { userId: number };
  'admin.access': undefined;
  'role.grant': { userId: number; role: Grant['role'] };
  'role.revoke': { userId: number; role: Grant['role'] };
  'audit.read': undefined;
  'topic.create': { communeId: number };
  'topic.update': { communeId: number };
  'topic.changePhase': { communeId: number };
  /** drafts, and the demographic split of the tally */
  'topic.viewInternal': { communeId: number };
  'vote.cast': { phase: PhaseName };
  'comment.create': { phase: PhaseName };
  'comment.edit': { authorId: number; createdAt: string; deleted: boolean; phase: PhaseName; now: Date };
  'comment.delete': { authorId: number; deleted: boolean };
  'comment.support': { authorId: number; phase: PhaseName };
  'notifications.read': { userId: number };
};

export type PhaseName = 'draft' | 'information' | 'open' | 'deliberation' | 'decided' | 'archived';

/** How long an author may edit their comment. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
export type Action = keyof Subjects;
export const ACTIONS = Object.keys({
  'account.register': 1,
  'profile.update': 1,
  'password.change': 1,
  'session.revokeAll': 1,
  'admin.access': 1,
  'role.grant': 1,
  'role.revoke': 1,
  'audit.read': 1,
  'topic.create': 1,
  'topic.update': 1,
  'topic.changePhase': 1,
  'topic.viewInternal': 1,
  'vote.cast': 1,
  'comment.create': 1,
  'comment.edit': 1,
  'comment.delete': 1,
  'comment.support': 1,
  'notifications.read': 1,
} satisfies Record<Action, 1>) as Action[];

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

/** A signed-in account that is not suspended. */
function participant(actor: Actor | null): boolean {
  return !!actor && !actor.suspended;
}

/** Officials of the commune, and admins, run its consultations. */
function runsCommune(actor: Actor | null, communeId: number): boolean {
  return participant(actor) && (isOfficialOf(actor, communeId) || isAdmin(actor));
}

type Rule<A extends Action> = (actor: Actor | null, subject: Subjects[A]) => boolean;

const self = (actor: Actor | null, s: { userId: number }) => !!actor && actor.id === s.userId;

const rules: { [A in Action]: Rule<A> } = {
  'account.register': (actor) => actor === null,
  // A suspended person keeps control of their security (password, sessions) but cannot change what others see.
  'profile.update': (actor, s) => self(actor, s) && !actor!.suspended,
  'password.change': (actor, s) => self(actor, s),
  'session.revokeAll': (actor, s) => self(actor, s),
  'admin.access': (actor) => isAdmin(actor) && !actor!.suspended,
  // An admin never changes their own roles: no self-promotion, no locking the last admin out by mistake.
  'role.grant': (actor, s) => isAdmin(actor) && !actor!.suspended && actor!.id !== s.userId,
  'role.revoke': (actor, s) => isAdmin(actor) && !actor!.suspended && actor!.id !== s.userId,
  'audit.read': (actor) => isAdmin(actor) && !actor!.suspended,
  'topic.create': (actor, s) => runsCommune(actor, s.communeId),
  'topic.update': (actor, s) => runsCommune(actor, s.communeId),
  'topic.changePhase': (actor, s) => runsCommune(actor, s.communeId),
  'topic.viewInternal': (actor, s) => runsCommune(actor, s.communeId),
  'vote.cast': (actor, s) => participant(actor) && s.phase === 'open',
  'comment.create': (actor, s) => participant(actor) && s.phase === 'open',
  'comment.edit': (actor, s) =>
    participant(actor) &&
    actor!.id === s.authorId &&
    !s.deleted &&
    s.phase === 'open' &&
    s.now.getTime() - Date.parse(s.createdAt) <= COMMENT_EDIT_WINDOW_MS,
  // Withdrawing one's own words is always allowed, even when suspended or after the consultation.
  'comment.delete': (actor, s) => !!actor && actor.id === s.authorId && !s.deleted,
  'comment.support': (actor, s) => participant(actor) && actor!.id !== s.authorId && s.phase === 'open',
  'notifications.read': (actor, s) => self(actor, s),
};

export function can<A extends Action>(actor: Actor | null, action: A, subject: Subjects[A]): boolean {
  const rule = rules[action] as Rule<A> | undefined;
  if (!rule) return false;
  try {
    return rule(actor, subject) === true;
  } catch {
    return false;
  }
}

import { describe, expect, it } from 'vitest';
import { ACTIONS, can, isOfficialOf, moderates, type Action, type Actor, type Subjects } from '@/lib/permissions';

const OTHER_USER = 99;

/** Frozen, so a rule that mutated the actor would throw: `can` must be pure. */
function actor(id: number, grants: Actor['grants'] = [], suspended = false): Actor {
  return Object.freeze({ id, communeId: 1, suspended, verified: true, grants: Object.freeze(grants.map((g) => Object.freeze({ ...g }))) });
}

const PEOPLE: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor(10),
  'suspended citizen': actor(11, [], true),
  facilitator: actor(12, [{ role: 'facilitator', communeId: null, spaceId: 1 }]),
  'official of commune 1': actor(13, [{ role: 'official', communeId: 1, spaceId: null }]),
  'moderator of commune 1': actor(14, [{ role: 'moderator', communeId: 1, spaceId: null }]),
  'moderator of all communes': actor(15, [{ role: 'moderator', communeId: null, spaceId: null }]),
  admin: actor(16, [{ role: 'admin', communeId: null, spaceId: null }]),
  'suspended admin': actor(17, [{ role: 'admin', communeId: null, spaceId: null }], true),
};

/**
 * The subject each action is asked about: the person's own account for self-service actions,
 * someone else's account for role changes.
 */
function subjectFor<A extends FoundationAction>(who: Actor | null, action: A): Pick<Subjects, FoundationAction>[A] {
  const own = who?.id ?? OTHER_USER;
  const subjects: Pick<Subjects, FoundationAction> = {
    'account.register': undefined,
    'profile.update': { userId: own },
    'password.change': { userId: own },
    'session.revokeAll': { userId: own },
    'admin.access': undefined,
    'role.grant': { userId: OTHER_USER, role: 'official' },
    'role.revoke': { userId: OTHER_USER, role: 'official' },
    'audit.read': undefined,
  };
  return subjects[action];
}

// Written out by hand on purpose: this table is the specification, not a copy of the rules.
// Columns, in order: register, update own profile, change own password, end own sessions,
// open the admin area, grant a role to someone else, revoke someone else's role, read the audit log.
type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
const EXPECTED: Record<string, Row> = {
  anonymous:                   [true,  false, false, false, false, false, false, false],
  citizen:                     [false, true,  true,  true,  false, false, false, false],
  'suspended citizen':         [false, false, true,  true,  false, false, false, false],
  facilitator:                 [false, true,  true,  true,  false, false, false, false],
  'official of commune 1':     [false, true,  true,  true,  false, false, false, false],
  'moderator of commune 1':    [false, true,  true,  true,  false, false, false, false],
  'moderator of all communes': [false, true,  true,  true,  false, false, false, false],
  admin:                       [false, true,  true,  true,  true,  true,  true,  true ],
  'suspended admin':           [false, false, true,  true,  false, false, false, false],
};
/** The actions of the foundation (accounts, roles, administration); consultation features test their own. */
type FoundationAction =
  | 'account.register'
  | 'profile.update'
  | 'password.change'
  | 'session.revokeAll'
  | 'admin.access'
  | 'role.grant'
  | 'role.revoke'
  | 'audit.read';
const COLUMNS: FoundationAction[] = [
  'account.register',
  'profile.update',
  'password.change',
  'session.revokeAll',
  'admin.access',
  'role.grant',
  'role.revoke',
  'audit.read',
];

describe('who may do what', () => {
  it('every action in the table exists', () => {
    expect(ACTIONS).toEqual(expect.arrayContaining(COLUMNS));
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PEOPLE).sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([person, row]) =>
    COLUMNS.map((action, i) => ({ person, action, expected: row[i]!, verb: row[i] ? 'may' : 'may not' })),
  );

  it.each(cases)('$person $verb $action', ({ person, action, expected }) => {
    const who = PEOPLE[person]!;
    expect(can(who, action, subjectFor(who, action))).toBe(expected);
  });
});

describe('deny by default', () => {
  const admin = PEOPLE.admin!;

  it.each(['topic.delete', '', 'ADMIN.ACCESS', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'])(
    'an unknown action "%s" is refused, even to an admin',
    (action) => {
      expect(can(admin, action as Action, undefined as never)).toBe(false);
      expect(can(null, action as Action, undefined as never)).toBe(false);
    },
  );

  it('a missing or malformed subject is refused rather than crashing', () => {
    expect(can(admin, 'role.grant', undefined as never)).toBe(false);
    expect(can(admin, 'profile.update', null as never)).toBe(false);
    expect(can(PEOPLE.citizen!, 'profile.update', {} as never)).toBe(false);
  });
});

describe('self and others', () => {
  it('an admin cannot grant or revoke roles on their own account', () => {
    const admin = PEOPLE.admin!;
    expect(can(admin, 'role.grant', { userId: admin.id, role: 'moderator' })).toBe(false);
    expect(can(admin, 'role.revoke', { userId: admin.id, role: 'admin' })).toBe(false);
  });

  it('a person may update only their own profile, not even an admin someone else’s', () => {
    const citizen = PEOPLE.citizen!;
    expect(can(citizen, 'profile.update', { userId: citizen.id })).toBe(true);
    expect(can(citizen, 'profile.update', { userId: OTHER_USER })).toBe(false);
    expect(can(PEOPLE.admin!, 'profile.update', { userId: OTHER_USER })).toBe(false);
  });

  it('a person may change the password and end the sessions of their own account only', () => {
    const citizen = PEOPLE.citizen!;
    expect(can(citizen, 'password.change', { userId: OTHER_USER })).toBe(false);
    expect(can(citizen, 'session.revokeAll', { userId: OTHER_USER })).toBe(false);
    expect(can(PEOPLE.admin!, 'password.change', { userId: OTHER_USER })).toBe(false);
  });

  it('an admin may grant every kind of role to someone else', () => {
    for (const role of ['facilitator', 'official', 'moderator', 'admin'] as const) {
      expect(can(PEOPLE.admin!, 'role.grant', { userId: OTHER_USER, role })).toBe(true);
    }
  });
});

describe('scopes', () => {
  it('an official speaks for their own commune only', () => {
    expect(isOfficialOf(PEOPLE['official of commune 1']!, 1)).toBe(true);
    expect(isOfficialOf(PEOPLE['official of commune 1']!, 2)).toBe(false);
    expect(isOfficialOf(PEOPLE.admin!, 1)).toBe(false);
    expect(isOfficialOf(null, 1)).toBe(false);
  });

  it('a commune moderator moderates that commune; a moderator of all communes moderates every one', () => {
    expect(moderates(PEOPLE['moderator of commune 1']!, 1)).toBe(true);
    expect(moderates(PEOPLE['moderator of commune 1']!, 2)).toBe(false);
    expect(moderates(PEOPLE['moderator of all communes']!, 2)).toBe(true);
    expect(moderates(PEOPLE['official of commune 1']!, 1)).toBe(false);
    expect(moderates(null, 1)).toBe(false);
  });
});

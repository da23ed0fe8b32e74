import { describe, expect, it } from 'vitest';
import { ACTIONS, can, COMMENT_EDIT_WINDOW_MS, type Action, type Actor, type PhaseName, type Subjects } from '@/lib/permissions';

const COMMUNE_1 = 1;
const COMMUNE_2 = 2;
const SOMEONE_ELSE = 99;

/** Frozen, so a rule that mutated the actor would throw: `can` must be pure. */
function actor(id: number, grants: Actor['grants'] = [], suspended = false): Actor {
  return Object.freeze({ id, communeId: COMMUNE_1, suspended, verified: true, grants: Object.freeze(grants.map((g) => Object.freeze({ ...g }))) });
}

const PEOPLE: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor(10),
  'suspended citizen': actor(11, [], true),
  facilitator: actor(12, [{ role: 'facilitator', communeId: null, spaceId: 1 }]),
  'official of commune 1': actor(13, [{ role: 'official', communeId: COMMUNE_1, spaceId: null }]),
  'official of commune 2': actor(14, [{ role: 'official', communeId: COMMUNE_2, spaceId: null }]),
  'moderator of commune 1': actor(15, [{ role: 'moderator', communeId: COMMUNE_1, spaceId: null }]),
  'moderator of all communes': actor(16, [{ role: 'moderator', communeId: null, spaceId: null }]),
  admin: actor(17, [{ role: 'admin', communeId: null, spaceId: null }]),
};

/** A question put to `can`: an action about a subject, which may depend on who asks (their own comment…). */
type Question = { [A in Action]: { action: A; subject: (who: Actor | null) => Subjects[A] } }[Action];
const ask = (who: Actor | null, q: Question) => can(who, q.action, q.subject(who) as never);
const ownId = (who: Actor | null) => who?.id ?? SOMEONE_ELSE;

const POSTED_AT = '2027-03-10T10:00:00.000Z';
const minutesAfterPosting = (m: number) => new Date(Date.parse(POSTED_AT) + m * 60_000);
const commentEdit = (author: 'own' | 'other', minutes: number, deleted = false, phase: PhaseName = 'open') => ({
  action: 'comment.edit' as const,
  subject: (who: Actor | null) => ({
    authorId: author === 'own' ? ownId(who) : SOMEONE_ELSE,
    createdAt: POSTED_AT,
    deleted,
    phase,
    now: minutesAfterPosting(minutes),
  }),
});

/** Runs one table: every person × every column, each expectation written out by hand. */
function table<K extends string>(title: string, columns: Record<K, Question>, expected: Record<string, boolean[]>) {
  describe(title, () => {
    const names = Object.keys(columns) as K[];
    it('covers every person, and every row has one answer per column', () => {
      expect(Object.keys(expected).sort()).toEqual(Object.keys(PEOPLE).sort());
      for (const row of Object.values(expected)) expect(row).toHaveLength(names.length);
    });
    const cases = Object.entries(expected).flatMap(([person, row]) =>
      names.map((column, i) => ({ person, column, expected: row[i]!, verb: row[i] ? 'may' : 'may not' })),
    );
    it.each(cases)('$person $verb $column', ({ person, column, expected }) => {
      expect(ask(PEOPLE[person]!, columns[column])).toBe(expected);
    });
  });
}

// The tables are the specification, written by hand: not a copy of the rules.

table(
  'running a consultation',
  {
    'create a topic for commune 1': { action: 'topic.create', subject: () => ({ communeId: COMMUNE_1 }) },
    'create a topic for commune 2': { action: 'topic.create', subject: () => ({ communeId: COMMUNE_2 }) },
    'edit a topic of commune 1': { action: 'topic.update', subject: () => ({ communeId: COMMUNE_1 }) },
    'edit a topic of commune 2': { action: 'topic.update', subject: () => ({ communeId: COMMUNE_2 }) },
    'move a topic of commune 1 to another phase': { action: 'topic.changePhase', subject: () => ({ communeId: COMMUNE_1 }) },
    'move a topic of commune 2 to another phase': { action: 'topic.changePhase', subject: () => ({ communeId: COMMUNE_2 }) },
    'see the drafts and vote demographics of commune 1': { action: 'topic.viewInternal', subject: () => ({ communeId: COMMUNE_1 }) },
    'see the drafts and vote demographics of commune 2': { action: 'topic.viewInternal', subject: () => ({ communeId: COMMUNE_2 }) },
  },
  {
    //                            create 1  create 2  edit 1  edit 2  phase 1 phase 2 intern 1 intern 2
    anonymous:                   [false,   false,    false,  false,  false,  false,  false,   false],
    citizen:                     [false,   false,    false,  false,  false,  false,  false,   false],
    'suspended citizen':         [false,   false,    false,  false,  false,  false,  false,   false],
    facilitator:                 [false,   false,    false,  false,  false,  false,  false,   false],
    'official of commune 1':     [true,    false,    true,   false,  true,   false,  true,    false],
    'official of commune 2':     [false,   true,     false,  true,   false,  true,   false,   true ],
    'moderator of commune 1':    [false,   false,    false,  false,  false,  false,  false,   false],
    'moderator of all communes': [false,   false,    false,  false,  false,  false,  false,   false],
    admin:                       [true,    true,     true,   true,   true,   true,   true,    true ],
  },
);

table(
  'taking part',
  {
    'vote while the consultation is open': { action: 'vote.cast', subject: () => ({ phase: 'open' }) },
    'vote once it is closed (deliberation)': { action: 'vote.cast', subject: () => ({ phase: 'deliberation' }) },
    'comment while the consultation is open': { action: 'comment.create', subject: () => ({ phase: 'open' }) },
    'comment once it is closed (deliberation)': { action: 'comment.create', subject: () => ({ phase: 'deliberation' }) },
    "support someone else's comment while open": {
      action: 'comment.support',
      subject: () => ({ authorId: SOMEONE_ELSE, phase: 'open' }),
    },
    'support their own comment': { action: 'comment.support', subject: (who) => ({ authorId: ownId(who), phase: 'open' }) },
    "support someone else's comment once closed": {
      action: 'comment.support',
      subject: () => ({ authorId: SOMEONE_ELSE, phase: 'deliberation' }),
    },
    'read their own notifications': { action: 'notifications.read', subject: (who) => ({ userId: ownId(who) }) },
    "read someone else's notifications": { action: 'notifications.read', subject: () => ({ userId: SOMEONE_ELSE }) },
  },
  {
    //                            vote    vote    comment comment support support support notif   notif
    //                            open    closed  open    closed  other   own     closed  own     other
    anonymous:                   [false,  false,  false,  false,  false,  false,  false,  false,  false],
    citizen:                     [true,   false,  true,   false,  true,   false,  false,  true,   false],
    'suspended citizen':         [false,  false,  false,  false,  false,  false,  false,  true,   false],
    facilitator:                 [true,   false,  true,   false,  true,   false,  false,  true,   false],
    'official of commune 1':     [true,   false,  true,   false,  true,   false,  false,  true,   false],
    'official of commune 2':     [true,   false,  true,   false,  true,   false,  false,  true,   false],
    'moderator of commune 1':    [true,   false,  true,   false,  true,   false,  false,  true,   false],
    'moderator of all communes': [true,   false,  true,   false,  true,   false,  false,  true,   false],
    admin:                       [true,   false,  true,   false,  true,   false,  false,  true,   false],
  },
);

table(
  'editing and withdrawing one’s own words',
  {
    'edit their comment 14 minutes after posting it': commentEdit('own', 14),
    'edit their comment 16 minutes after posting it': commentEdit('own', 16),
    "edit someone else's comment 14 minutes after it was posted": commentEdit('other', 14),
    'edit their comment once they have deleted it': commentEdit('own', 5, true),
    'edit their comment once the consultation has closed': commentEdit('own', 5, false, 'deliberation'),
    'delete their comment': { action: 'comment.delete', subject: (who) => ({ authorId: ownId(who), deleted: false }) },
    "delete someone else's comment": { action: 'comment.delete', subject: () => ({ authorId: SOMEONE_ELSE, deleted: false }) },
    'delete their comment a second time': { action: 'comment.delete', subject: (who) => ({ authorId: ownId(who), deleted: true }) },
  },
  {
    //                            edit    edit    edit    edit    edit    delete  delete  delete
    //                            +14     +16     other   deleted closed  own     other   again
    anonymous:                   [false,  false,  false,  false,  false,  false,  false,  false],
    citizen:                     [true,   false,  false,  false,  false,  true,   false,  false],
    'suspended citizen':         [false,  false,  false,  false,  false,  true,   false,  false],
    facilitator:                 [true,   false,  false,  false,  false,  true,   false,  false],
    'official of commune 1':     [true,   false,  false,  false,  false,  true,   false,  false],
    'official of commune 2':     [true,   false,  false,  false,  false,  true,   false,  false],
    'moderator of commune 1':    [true,   false,  false,  false,  false,  true,   false,  false],
    'moderator of all communes': [true,   false,  false,  false,  false,  true,   false,  false],
    admin:                       [true,   false,  false,  false,  false,  true,   false,  false],
  },
);

describe('edges of the consultation rules', () => {
  const citizen = PEOPLE.citizen!;

  it('the consultation actions are all known to the permission rules', () => {
    expect(ACTIONS).toEqual(
      expect.arrayContaining([
        'topic.create',
        'topic.update',
        'topic.changePhase',
        'topic.viewInternal',
        'vote.cast',
        'comment.create',
        'comment.edit',
        'comment.delete',
        'comment.support',
        'notifications.read',
      ]),
    );
  });

  it.each<PhaseName>(['draft', 'information', 'deliberation', 'decided', 'archived'])(
    'nobody votes, comments or supports while a topic is in %s, not even an admin',
    (phase) => {
      for (const who of [citizen, PEOPLE.admin!, PEOPLE['official of commune 1']!]) {
        expect(can(who, 'vote.cast', { phase })).toBe(false);
        expect(can(who, 'comment.create', { phase })).toBe(false);
        expect(can(who, 'comment.support', { authorId: SOMEONE_ELSE, phase })).toBe(false);
      }
    },
  );

  it('the edit window is 15 minutes, its last millisecond included', () => {
    expect(COMMENT_EDIT_WINDOW_MS).toBe(15 * 60 * 1000);
    const edit = (ms: number) =>
      can(citizen, 'comment.edit', { authorId: citizen.id, createdAt: POSTED_AT, deleted: false, phase: 'open', now: new Date(Date.parse(POSTED_AT) + ms) });
    expect(edit(15 * 60 * 1000)).toBe(true);
    expect(edit(15 * 60 * 1000 + 1)).toBe(false);
  });

  it('a suspended official no longer runs the commune’s consultations', () => {
    const suspendedOfficial = actor(20, [{ role: 'official', communeId: COMMUNE_1, spaceId: null }], true);
    expect(can(suspendedOfficial, 'topic.create', { communeId: COMMUNE_1 })).toBe(false);
    expect(can(suspendedOfficial, 'topic.changePhase', { communeId: COMMUNE_1 })).toBe(false);
    expect(can(suspendedOfficial, 'topic.viewInternal', { communeId: COMMUNE_1 })).toBe(false);
  });

  it('a malformed subject is refused rather than crashing', () => {
    expect(can(citizen, 'comment.edit', undefined as never)).toBe(false);
    expect(can(PEOPLE.admin!, 'topic.create', null as never)).toBe(false);
    expect(can(citizen, 'comment.edit', { authorId: citizen.id, createdAt: 'not a date', deleted: false, phase: 'open', now: new Date() })).toBe(false);
  });
});

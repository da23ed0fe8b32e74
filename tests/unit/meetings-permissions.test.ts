import { describe, expect, it } from 'vitest';
import { can, type Action, type Actor, type Subjects } from '@/lib/permissions';

// Space 1 is in commune 1; space 2 in commune 2.
const SPACE_1 = { spaceId: 1, communeId: 1 };
const SPACE_2 = { spaceId: 2, communeId: 2 };
const UPCOMING = { started: false, cancelled: false };
const STARTED = { started: true, cancelled: false };
const CANCELLED = { started: false, cancelled: true };

/** Frozen, so a rule that mutated the actor would throw: `can` must be pure. */
function actor(id: number, grants: Actor['grants'] = [], suspended = false): Actor {
  return Object.freeze({ id, communeId: 1, suspended, verified: true, grants: Object.freeze(grants.map((g) => Object.freeze({ ...g }))) });
}

const PEOPLE: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor(10),
  'suspended citizen': actor(11, [], true),
  'facilitator of space 1': actor(12, [{ role: 'facilitator', communeId: null, spaceId: 1 }]),
  'suspended facilitator of space 1': actor(18, [{ role: 'facilitator', communeId: null, spaceId: 1 }], true),
  'facilitator of space 2': actor(19, [{ role: 'facilitator', communeId: null, spaceId: 2 }]),
  'official of commune 1': actor(13, [{ role: 'official', communeId: 1, spaceId: null }]),
  'official of commune 2': actor(14, [{ role: 'official', communeId: 2, spaceId: null }]),
  'moderator of all communes': actor(16, [{ role: 'moderator', communeId: null, spaceId: null }]),
  admin: actor(17, [{ role: 'admin', communeId: null, spaceId: null }]),
};

type Question = { [A in Action]: { action: A; subject: Subjects[A] } }[Action];

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
      const q = columns[column];
      expect(can(PEOPLE[person]!, q.action, q.subject as never)).toBe(expected);
    });
  });
}

// The tables are the specification, written by hand: not a copy of the rules.

table(
  'shared computers',
  {
    'mark or unmark a computer of space 1': { action: 'device.manageShared', subject: { spaceId: 1 } },
    'mark or unmark a computer of space 2': { action: 'device.manageShared', subject: { spaceId: 2 } },
  },
  {
    //                                   space 1  space 2
    anonymous:                          [false,   false],
    citizen:                            [false,   false],
    'suspended citizen':                [false,   false],
    'facilitator of space 1':           [true,    false],
    'suspended facilitator of space 1': [false,   false],
    'facilitator of space 2':           [false,   true ],
    'official of commune 1':            [false,   false],
    'official of commune 2':            [false,   false],
    'moderator of all communes':        [false,   false],
    admin:                              [true,    true ],
  },
);

table(
  'running public meetings',
  {
    'schedule at space 1': { action: 'meeting.schedule', subject: SPACE_1 },
    'schedule at space 2': { action: 'meeting.schedule', subject: SPACE_2 },
    'change an upcoming meeting at space 1': { action: 'meeting.edit', subject: { ...SPACE_1, ...UPCOMING } },
    'change a meeting at space 1 once started': { action: 'meeting.edit', subject: { ...SPACE_1, ...STARTED } },
    'change a cancelled meeting at space 1': { action: 'meeting.edit', subject: { ...SPACE_1, ...CANCELLED } },
    'publish minutes of a started meeting at space 1': { action: 'meeting.publishMinutes', subject: { ...SPACE_1, ...STARTED } },
    'publish minutes before the meeting at space 1': { action: 'meeting.publishMinutes', subject: { ...SPACE_1, ...UPCOMING } },
    'publish minutes of a started meeting at space 2': { action: 'meeting.publishMinutes', subject: { ...SPACE_2, ...STARTED } },
  },
  {
    //                                   sched 1 sched 2 edit up edit st edit ca min st  min up  min 2
    anonymous:                          [false,  false,  false,  false,  false,  false,  false,  false],
    citizen:                            [false,  false,  false,  false,  false,  false,  false,  false],
    'suspended citizen':                [false,  false,  false,  false,  false,  false,  false,  false],
    'facilitator of space 1':           [true,   false,  true,   false,  false,  true,   false,  false],
    'suspended facilitator of space 1': [false,  false,  false,  false,  false,  false,  false,  false],
    'facilitator of space 2':           [false,  true,   false,  false,  false,  false,  false,  true ],
    'official of commune 1':            [true,   false,  true,   false,  false,  true,   false,  false],
    'official of commune 2':            [false,  true,   false,  false,  false,  false,  false,  true ],
    'moderator of all communes':        [false,  false,  false,  false,  false,  false,  false,  false],
    admin:                              [true,   true,   true,   false,  false,  true,   false,  true ],
  },
);

table(
  'registering for a meeting',
  {
    'register for an upcoming meeting': { action: 'meeting.register', subject: UPCOMING },
    'register once it has started': { action: 'meeting.register', subject: STARTED },
    'register for a cancelled meeting': { action: 'meeting.register', subject: CANCELLED },
    'unregister before it starts': { action: 'meeting.unregister', subject: UPCOMING },
    'unregister from a cancelled meeting': { action: 'meeting.unregister', subject: CANCELLED },
    'unregister once it has started': { action: 'meeting.unregister', subject: STARTED },
  },
  {
    //                                   reg up  reg st  reg ca  unr up  unr ca  unr st
    anonymous:                          [false,  false,  false,  false,  false,  false],
    citizen:                            [true,   false,  false,  true,   true,   false],
    'suspended citizen':                [false,  false,  false,  true,   true,   false],
    'facilitator of space 1':           [true,   false,  false,  true,   true,   false],
    'suspended facilitator of space 1': [false,  false,  false,  true,   true,   false],
    'facilitator of space 2':           [true,   false,  false,  true,   true,   false],
    'official of commune 1':            [true,   false,  false,  true,   true,   false],
    'official of commune 2':            [true,   false,  false,  true,   true,   false],
    'moderator of all communes':        [true,   false,  false,  true,   true,   false],
    admin:                              [true,   false,  false,  true,   true,   false],
  },
);

import { describe, expect, it } from 'vitest';
import { ACTIONS, can, type Actor, type Subjects } from '@/lib/permissions';

const SPACE = 1;
const OTHER_SPACE = 2;
const PARTICIPANT = 50;

function actor(id: number, grants: Actor['grants'] = [], suspended = false): Actor {
  return Object.freeze({ id, communeId: 1, suspended, verified: true, grants: Object.freeze(grants.map((g) => Object.freeze({ ...g }))) });
}

const PEOPLE: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor(10),
  'suspended citizen': actor(11, [], true),
  'facilitator of the space': actor(12, [{ role: 'facilitator', communeId: null, spaceId: SPACE }]),
  'facilitator of another space': actor(13, [{ role: 'facilitator', communeId: null, spaceId: OTHER_SPACE }]),
  'suspended facilitator of the space': actor(14, [{ role: 'facilitator', communeId: null, spaceId: SPACE }], true),
  'official of commune 1': actor(15, [{ role: 'official', communeId: 1, spaceId: null }]),
  'moderator of all communes': actor(16, [{ role: 'moderator', communeId: null, spaceId: null }]),
  admin: actor(17, [{ role: 'admin', communeId: null, spaceId: null }]),
  'suspended admin': actor(18, [{ role: 'admin', communeId: null, spaceId: null }], true),
  'the participant': actor(PARTICIPANT),
};

/** A participant registered at the space, not suspended, with no role, who typed no secret. */
function assistOf(o: Partial<Subjects['assist.contribute']>): Subjects['assist.contribute'] {
  return { spaceId: SPACE, participantId: PARTICIPANT, participantSuspended: false, participantHoldsRole: false, registeredAtSpaceId: SPACE, presenceProven: false, ...o };
}

/** Each column: an action and its subject. */
const COLUMNS = [
  ['facilitator.access', undefined],
  ['participant.register', { spaceId: SPACE }],
  ['participant.view', { spaceId: SPACE }],
  ['participant.resetPin', { participantId: PARTICIPANT, registeredAtSpaceId: SPACE, hasCode: true, holdsRole: false }],
  // an account with a phone or e-mail keeps its own password: nobody resets it as a PIN
  ['participant.resetPin', { participantId: PARTICIPANT, registeredAtSpaceId: null, hasCode: false, holdsRole: false }],
  ['assist.contribute', assistOf({})],
  ['assist.contribute', assistOf({ participantSuspended: true })],
  ['assisted.withdraw', { participantId: PARTICIPANT, withdrawn: false }],
  ['assisted.withdraw', { participantId: PARTICIPANT, withdrawn: true }],
  ['vote.withdraw', { phase: 'open' }],
  ['vote.withdraw', { phase: 'deliberation' }],
  ['assist.access', { spaceId: SPACE }],
] as const;

// Written out by hand on purpose: this table is the specification, not a copy of the rules.
// Columns: facilitator area, register here, see participants here, reset a participant's PIN, reset a
// phone account's password as a PIN, assist a participant, assist a suspended participant, withdraw what
// was entered for the participant, withdraw it twice, withdraw one's vote while open, after the close,
// open the assist pages of the space.
type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
const EXPECTED: Record<string, Row> = {
  anonymous:                            [false, false, false, false, false, false, false, false, false, false, false, false],
  citizen:                              [false, false, false, false, false, false, false, false, false, true,  false, false],
  'suspended citizen':                  [false, false, false, false, false, false, false, false, false, true,  false, false],
  'facilitator of the space':           [true,  true,  true,  true,  false, true,  false, false, false, true,  false, true],
  'facilitator of another space':       [true,  false, false, false, false, false, false, false, false, true,  false, false],
  'suspended facilitator of the space': [false, false, false, false, false, false, false, false, false, true,  false, false],
  'official of commune 1':              [false, false, false, false, false, false, false, false, false, true,  false, false],
  'moderator of all communes':          [false, false, false, false, false, false, false, false, false, true,  false, false],
  admin:                                [true,  true,  true,  true,  false, false, false, false, false, true,  false, false],
  'suspended admin':                    [false, false, false, false, false, false, false, false, false, true,  false, false],
  'the participant':                    [false, false, false, false, false, false, false, true,  false, true,  false, false],
};

describe('facilitator tools and assisted participation: who may do what', () => {
  it('every action in the table exists', () => {
    expect(ACTIONS).toEqual(expect.arrayContaining(COLUMNS.map(([a]) => a)));
  });

  for (const [who, expected] of Object.entries(EXPECTED)) {
    it(who, () => {
      const got = COLUMNS.map(([action, subject]) => can(PEOPLE[who]!, action, subject as never));
      expect(got).toEqual(expected);
    });
  }

  it('a facilitator never assists themselves, nor resets their own PIN', () => {
    const fanta = actor(PARTICIPANT, [{ role: 'facilitator', communeId: null, spaceId: SPACE }]);
    expect(can(fanta, 'assist.contribute', assistOf({}))).toBe(false);
    expect(can(fanta, 'participant.resetPin', { participantId: PARTICIPANT, registeredAtSpaceId: SPACE, hasCode: true, holdsRole: false })).toBe(false);
  });

  it('a PIN is reset by the space that registered the participant, not by another space', () => {
    expect(can(PEOPLE['facilitator of another space']!, 'participant.resetPin', { participantId: PARTICIPANT, registeredAtSpaceId: OTHER_SPACE, hasCode: true, holdsRole: false })).toBe(true);
    expect(can(PEOPLE['facilitator of the space']!, 'participant.resetPin', { participantId: PARTICIPANT, registeredAtSpaceId: OTHER_SPACE, hasCode: true, holdsRole: false })).toBe(false);
  });
});

describe('who a facilitator may assist', () => {
  const fanta = PEOPLE['facilitator of the space']!;
  it('a participant registered at one of their spaces, without a secret', () => {
    expect(can(fanta, 'assist.contribute', assistOf({}))).toBe(true);
  });
  it('someone registered elsewhere, or on their own, only after typing their own PIN or password', () => {
    expect(can(fanta, 'assist.contribute', assistOf({ registeredAtSpaceId: OTHER_SPACE }))).toBe(false);
    expect(can(fanta, 'assist.contribute', assistOf({ registeredAtSpaceId: null }))).toBe(false);
    expect(can(fanta, 'assist.contribute', assistOf({ registeredAtSpaceId: null, presenceProven: true }))).toBe(true);
  });
  it('never anyone holding a role, even present and proven', () => {
    expect(can(fanta, 'assist.contribute', assistOf({ participantHoldsRole: true }))).toBe(false);
    expect(can(fanta, 'assist.contribute', assistOf({ registeredAtSpaceId: null, presenceProven: true, participantHoldsRole: true }))).toBe(false);
  });
  it('the space where the contribution is entered must be theirs', () => {
    expect(can(fanta, 'assist.contribute', assistOf({ spaceId: OTHER_SPACE, registeredAtSpaceId: null, presenceProven: true }))).toBe(false);
  });
});

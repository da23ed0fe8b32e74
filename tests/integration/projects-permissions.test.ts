import { describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action, type Actor, type ProjectStatusName, type ProjectSubject, type Subjects } from '@/lib/permissions';

// Who may do what with citizen projects: every person × every project action, written out by hand.

const COMMUNE_1 = 1;
const COMMUNE_2 = 2;
const PROPOSER = 20;
const CO_PROPOSER = 21;
const SOMEONE_ELSE = 99;

function actor(id: number, grants: Actor['grants'] = [], suspended = false): Actor {
  return Object.freeze({ id, communeId: COMMUNE_1, suspended, verified: true, grants: Object.freeze(grants.map((g) => Object.freeze({ ...g }))) });
}

const PEOPLE: Record<string, Actor | null> = {
  anonymous: null,
  citizen: actor(10),
  'suspended citizen': actor(11, [], true),
  proposer: actor(PROPOSER),
  'co-proposer': actor(CO_PROPOSER),
  facilitator: actor(12, [{ role: 'facilitator', communeId: null, spaceId: 1 }]),
  'official of the commune': actor(13, [{ role: 'official', communeId: COMMUNE_1, spaceId: null }]),
  'official of another commune': actor(14, [{ role: 'official', communeId: COMMUNE_2, spaceId: null }]),
  'moderator of the commune': actor(15, [{ role: 'moderator', communeId: COMMUNE_1, spaceId: null }]),
  'moderator of all communes': actor(16, [{ role: 'moderator', communeId: null, spaceId: null }]),
  admin: actor(17, [{ role: 'admin', communeId: null, spaceId: null }]),
  'suspended official of the commune': actor(18, [{ role: 'official', communeId: COMMUNE_1, spaceId: null }], true),
};

const project = (status: ProjectStatusName): ProjectSubject => ({ communeId: COMMUNE_1, status, proposerId: PROPOSER, authorIds: [PROPOSER, CO_PROPOSER] });

type Question = { [A in Action]: { action: A; subject: (who: Actor | null) => Subjects[A] } }[Action];
const q = <A extends Action>(action: A, subject: (who: Actor | null) => Subjects[A]): Question => ({ action, subject }) as Question;

const COLUMNS = {
  propose: q('project.create', () => undefined),
  'see a draft': q('project.view', () => ({ ...project('draft'), visibility: 'visible', invitedIds: [] })),
  'see a held project': q('project.view', () => ({ ...project('submitted'), visibility: 'held', invitedIds: [] })),
  'edit a draft': q('project.edit', () => project('draft')),
  'edit while collecting': q('project.edit', () => project('collecting')),
  'edit once the threshold is reached': q('project.edit', () => project('threshold_reached')),
  'submit a draft': q('project.submit', () => project('draft')),
  'invite co-proposers': q('project.invite', () => project('collecting')),
  'withdraw while collecting': q('project.withdraw', () => project('collecting')),
  'withdraw under review': q('project.withdraw', () => project('under_review')),
  'support while collecting': q('project.support', () => project('collecting')),
  'support once expired': q('project.support', () => project('expired')),
  'take back a support while collecting': q('project.unsupport', () => project('collecting')),
  'answer once the threshold is reached': q('project.answer', () => project('threshold_reached')),
  'answer while collecting': q('project.answer', () => project('collecting')),
  'post progress when accepted': q('project.postProgress', () => project('accepted')),
  'post progress before acceptance': q('project.postProgress', () => project('threshold_reached')),
  'see supporters by gender and age': q('project.viewInternal', () => ({ communeId: COMMUNE_1 })),
  'set the threshold and window': q('project.configure', () => ({ communeId: COMMUNE_1 })),
  'answer their own invitation': q('project.respondInvitation', (who) => ({ invitedUserId: who?.id ?? SOMEONE_ELSE, invitation: 'invited' })),
};
type Column = keyof typeof COLUMNS;
const NAMES = Object.keys(COLUMNS) as Column[];

const F = false;
const T = true;
// prettier-ignore
const EXPECTED: Record<string, boolean[]> = {
  //                                  prop drft held eDrf eCol eThr subm invt wCol wRev sCol sExp unsp aThr aCol pAcc pThr demo conf resp
  anonymous:                           [F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F],
  citizen:                             [T,   F,   F,   F,   F,   F,   F,   F,   F,   F,   T,   F,   T,   F,   F,   F,   F,   F,   F,   T],
  'suspended citizen':                 [F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   T,   F,   F,   F,   F,   F,   F,   F],
  proposer:                            [T,   T,   T,   T,   T,   F,   T,   T,   T,   F,   F,   F,   T,   F,   F,   F,   F,   F,   F,   T],
  'co-proposer':                       [T,   T,   T,   T,   T,   F,   T,   F,   T,   F,   F,   F,   T,   F,   F,   F,   F,   F,   F,   T],
  facilitator:                         [T,   F,   F,   F,   F,   F,   F,   F,   F,   F,   T,   F,   T,   F,   F,   F,   F,   F,   F,   T],
  'official of the commune':           [T,   F,   T,   F,   F,   F,   F,   F,   F,   F,   T,   F,   T,   T,   F,   T,   F,   T,   F,   T],
  'official of another commune':       [T,   F,   F,   F,   F,   F,   F,   F,   F,   F,   T,   F,   T,   F,   F,   F,   F,   F,   F,   T],
  'moderator of the commune':          [T,   F,   T,   F,   F,   F,   F,   F,   F,   F,   T,   F,   T,   F,   F,   F,   F,   F,   F,   T],
  'moderator of all communes':         [T,   F,   T,   F,   F,   F,   F,   F,   F,   F,   T,   F,   T,   F,   F,   F,   F,   F,   F,   T],
  admin:                               [T,   F,   T,   F,   F,   F,   F,   F,   F,   F,   T,   F,   T,   T,   F,   T,   F,   T,   T,   T],
  'suspended official of the commune': [F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   T,   F,   F,   F,   F,   F,   F,   F],
};

describe('who may do what with a citizen project', () => {
  it('the table covers every person, every project action, and one answer per column', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PEOPLE).sort());
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(NAMES.length);
    const asked = new Set(Object.values(COLUMNS).map((c) => c.action));
    expect(ACTIONS.filter((a) => a.startsWith('project.') && !asked.has(a))).toEqual([]);
  });

  const cases = Object.entries(EXPECTED).flatMap(([person, row]) =>
    NAMES.map((column, i) => ({ person, column, expected: row[i]!, verb: row[i] ? 'may' : 'may not' })),
  );
  it.each(cases)('$person $verb $column', ({ person, column, expected }) => {
    const who = PEOPLE[person]!;
    const question = COLUMNS[column];
    expect(can(who, question.action, question.subject(who) as never)).toBe(expected);
  });

  it('a malformed subject is refused, never a crash', () => {
    expect(can(PEOPLE.citizen!, 'project.support', undefined as never)).toBe(false);
    expect(can(PEOPLE.proposer!, 'project.edit', { communeId: 1 } as never)).toBe(false);
  });
});

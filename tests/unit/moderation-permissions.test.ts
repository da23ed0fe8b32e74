import { describe, expect, it } from 'vitest';
import { can, type Action, type Actor, type Subjects } from '@/lib/permissions';

const COMMUNE_1 = 1;
const COMMUNE_2 = 2;
const SOMEONE_ELSE = 99;
const ANOTHER_MODERATOR = 98;

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
  'suspended moderator of all communes': actor(17, [{ role: 'moderator', communeId: null, spaceId: null }], true),
  'official and moderator of commune 1': actor(18, [
    { role: 'official', communeId: COMMUNE_1, spaceId: null },
    { role: 'moderator', communeId: COMMUNE_1, spaceId: null },
  ]),
  admin: actor(19, [{ role: 'admin', communeId: null, spaceId: null }]),
};

type Question = { [A in Action]: { action: A; subject: (who: Actor | null) => Subjects[A] } }[Action];
const ask = (who: Actor | null, q: Question) => can(who, q.action, q.subject(who) as never);
const ownId = (who: Actor | null) => who?.id ?? SOMEONE_ELSE;

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

/** A sanction of someone else (no role) about content of this commune; null: no content named. */
const sanction = (communeId: number | null, o: Partial<Subjects['user.sanction']> = {}): Subjects['user.sanction'] => ({
  userId: SOMEONE_ELSE,
  communeId,
  kind: 'suspension',
  targetRoles: [],
  lastActiveAdmin: false,
  ...o,
});

/** A comment of commune 1 or 2, by someone else unless `own`; `onOwnTopic`: on a topic the asker published. */
const content =
  (communeId: number, o: { own?: boolean; onOwnTopic?: boolean; projectOf?: number } = {}) =>
  (who: Actor | null): Subjects['content.moderate'] => ({
    communeId,
    authorId: o.own ? ownId(who) : SOMEONE_ELSE,
    conflictedUserIds: o.onOwnTopic ? [ownId(who)] : [],
    conflictedOfficialsOf: o.projectOf ?? null,
  });

// The tables are the specification, written by hand: not a copy of the rules.

table(
  'the moderation space, reports, sanctions and appeals',
  {
    'open the moderation queue': { action: 'moderation.access', subject: () => undefined },
    'change a commune’s moderation rules': { action: 'moderation.configure', subject: () => undefined },
    'report someone else’s content': { action: 'content.report', subject: () => ({ authorId: SOMEONE_ELSE, isPublic: true }) },
    'report their own content': { action: 'content.report', subject: (who) => ({ authorId: ownId(who), isPublic: true }) },
    'sanction a person for content of commune 1': { action: 'user.sanction', subject: () => sanction(COMMUNE_1) },
    'sanction a person for content of commune 2': { action: 'user.sanction', subject: () => sanction(COMMUNE_2) },
    'sanction themself': { action: 'user.sanction', subject: (who) => ({ ...sanction(COMMUNE_1), userId: ownId(who) }) },
    'appeal a decision about them': { action: 'appeal.create', subject: (who) => ({ appellantId: ownId(who), concernedUserId: ownId(who) }) },
    'appeal a decision about someone else': { action: 'appeal.create', subject: (who) => ({ appellantId: ownId(who), concernedUserId: SOMEONE_ELSE }) },
  },
  {
    //                                     queue  config report  rep.own sanct1 sanct2 self   appeal appeal other
    anonymous:                            [false, false, false,  false,  false, false, false, false, false],
    citizen:                              [false, false, true,   false,  false, false, false, true,  false],
    'suspended citizen':                  [false, false, false,  false,  false, false, false, true,  false],
    facilitator:                          [false, false, true,   false,  false, false, false, true,  false],
    'official of commune 1':              [false, false, true,   false,  false, false, false, true,  false],
    'official of commune 2':              [false, false, true,   false,  false, false, false, true,  false],
    'moderator of commune 1':             [true,  false, true,   false,  true,  false, false, true,  false],
    'moderator of all communes':          [true,  false, true,   false,  true,  true,  false, true,  false],
    'suspended moderator of all communes':[false, false, false,  false,  false, false, false, true,  false],
    'official and moderator of commune 1':[true,  false, true,   false,  true,  false, false, true,  false],
    admin:                                [true,  true,  true,   false,  true,  true,  false, true,  false],
  },
);

table(
  'moderating content, and conflicts of interest',
  {
    'moderate a comment of commune 1': { action: 'content.moderate', subject: content(COMMUNE_1) },
    'moderate a comment of commune 2': { action: 'content.moderate', subject: content(COMMUNE_2) },
    'moderate their own comment': { action: 'content.moderate', subject: content(COMMUNE_1, { own: true }) },
    'moderate a comment on a topic they published': { action: 'content.moderate', subject: content(COMMUNE_1, { onOwnTopic: true }) },
    'moderate a citizen project of commune 1': { action: 'content.moderate', subject: content(COMMUNE_1, { projectOf: COMMUNE_1 }) },
  },
  {
    //                                     comment1 comment2 own    on own topic project1
    anonymous:                            [false,   false,   false, false,       false],
    citizen:                              [false,   false,   false, false,       false],
    'suspended citizen':                  [false,   false,   false, false,       false],
    facilitator:                          [false,   false,   false, false,       false],
    'official of commune 1':              [false,   false,   false, false,       false],
    'official of commune 2':              [false,   false,   false, false,       false],
    'moderator of commune 1':             [true,    false,   false, false,       true],
    'moderator of all communes':          [true,    true,    false, false,       true],
    'suspended moderator of all communes':[false,   false,   false, false,       false],
    'official and moderator of commune 1':[true,    false,   false, false,       false],
    admin:                                [true,    true,    false, false,       true],
  },
);

const appealOn = (communeId: number, extra: { original?: 'own' | 'other' | 'none'; appellant?: 'own' | 'other' } = {}) => (who: Actor | null) => ({
  communeId,
  authorId: extra.appellant === 'own' ? ownId(who) : SOMEONE_ELSE,
  conflictedUserIds: [],
  conflictedOfficialsOf: null,
  originalModeratorId: extra.original === 'own' ? ownId(who) : extra.original === 'none' ? null : ANOTHER_MODERATOR,
  appellantId: extra.appellant === 'own' ? ownId(who) : SOMEONE_ELSE,
  sanction: false,
  appellantRoles: [],
});

table(
  'settling appeals',
  {
    'settle an appeal (commune 1) against another moderator’s decision': { action: 'appeal.decide', subject: appealOn(COMMUNE_1) },
    'settle an appeal (commune 1) against their own decision': { action: 'appeal.decide', subject: appealOn(COMMUNE_1, { original: 'own' }) },
    'settle an appeal (commune 1) against an automatic hiding': { action: 'appeal.decide', subject: appealOn(COMMUNE_1, { original: 'none' }) },
    'settle an appeal of commune 2': { action: 'appeal.decide', subject: appealOn(COMMUNE_2) },
    'settle their own appeal': { action: 'appeal.decide', subject: appealOn(COMMUNE_1, { appellant: 'own' }) },
  },
  {
    //                                     other  own dec. auto   commune2 own appeal
    anonymous:                            [false, false,   false, false,   false],
    citizen:                              [false, false,   false, false,   false],
    'suspended citizen':                  [false, false,   false, false,   false],
    facilitator:                          [false, false,   false, false,   false],
    'official of commune 1':              [false, false,   false, false,   false],
    'official of commune 2':              [false, false,   false, false,   false],
    'moderator of commune 1':             [true,  false,   true,  false,   false],
    'moderator of all communes':          [true,  false,   true,  true,    false],
    'suspended moderator of all communes':[false, false,   false, false,   false],
    'official and moderator of commune 1':[true,  false,   true,  false,   false],
    admin:                                [true,  false,   true,  true,    false],
  },
);

describe('an appeal about a topic is settled by someone other than its publisher', () => {
  it('the official who published the topic may not settle an appeal about a comment on it', () => {
    const official = PEOPLE['official and moderator of commune 1']!;
    expect(
      can(official, 'appeal.decide', {
        communeId: COMMUNE_1,
        authorId: SOMEONE_ELSE,
        conflictedUserIds: [official.id],
        conflictedOfficialsOf: null,
        originalModeratorId: ANOTHER_MODERATOR,
        appellantId: SOMEONE_ELSE,
        sanction: false,
        appellantRoles: [],
      }),
    ).toBe(false);
  });
});

table(
  'sanctions: scope of the content, people with roles, the last admin',
  {
    'sanction without naming content': { action: 'user.sanction', subject: () => sanction(null) },
    'warn a moderator for content of commune 1': { action: 'user.sanction', subject: () => sanction(COMMUNE_1, { kind: 'warning', targetRoles: ['moderator'] }) },
    'suspend an official for content of commune 1': { action: 'user.sanction', subject: () => sanction(COMMUNE_1, { targetRoles: ['official'] }) },
    'suspend an admin': { action: 'user.sanction', subject: () => sanction(null, { targetRoles: ['admin'] }) },
    'suspend the last active admin': { action: 'user.sanction', subject: () => sanction(null, { targetRoles: ['admin'], lastActiveAdmin: true }) },
    'warn the last active admin': { action: 'user.sanction', subject: () => sanction(null, { kind: 'warning', targetRoles: ['admin'], lastActiveAdmin: true }) },
    'suspend a facilitator for content of commune 1': { action: 'user.sanction', subject: () => sanction(COMMUNE_1, { targetRoles: ['facilitator'] }) },
    'report content nobody may read': { action: 'content.report', subject: () => ({ authorId: SOMEONE_ELSE, isPublic: false }) },
  },
  {
    //                                     no content warn mod sus. off sus. adm last adm warn last facilit. unreadable
    anonymous:                            [false,     false,   false,   false,   false,   false,    false,   false],
    citizen:                              [false,     false,   false,   false,   false,   false,    false,   false],
    'suspended citizen':                  [false,     false,   false,   false,   false,   false,    false,   false],
    facilitator:                          [false,     false,   false,   false,   false,   false,    false,   false],
    'official of commune 1':              [false,     false,   false,   false,   false,   false,    false,   false],
    'official of commune 2':              [false,     false,   false,   false,   false,   false,    false,   false],
    'moderator of commune 1':             [false,     false,   false,   false,   false,   false,    true,    false],
    'moderator of all communes':          [true,      false,   false,   false,   false,   false,    true,    false],
    'suspended moderator of all communes':[false,     false,   false,   false,   false,   false,    false,   false],
    'official and moderator of commune 1':[false,     false,   false,   false,   false,   false,    true,    false],
    admin:                                [true,      true,    true,    true,    false,   true,     true,    false],
  },
);

const sanctionAppeal = (communeId: number | null, appellantRoles: Subjects['appeal.decide']['appellantRoles']) => (): Subjects['appeal.decide'] => ({
  communeId,
  authorId: SOMEONE_ELSE,
  conflictedUserIds: [],
  conflictedOfficialsOf: null,
  originalModeratorId: ANOTHER_MODERATOR,
  appellantId: SOMEONE_ELSE,
  sanction: true,
  appellantRoles,
});

table(
  'settling appeals against suspensions',
  {
    'a suspension given for content of commune 1': { action: 'appeal.decide', subject: sanctionAppeal(COMMUNE_1, []) },
    'a suspension given without naming content': { action: 'appeal.decide', subject: sanctionAppeal(null, []) },
    'a moderator’s suspension': { action: 'appeal.decide', subject: sanctionAppeal(COMMUNE_1, ['moderator']) },
  },
  {
    //                                     commune1 no content moderator
    anonymous:                            [false,   false,     false],
    citizen:                              [false,   false,     false],
    'suspended citizen':                  [false,   false,     false],
    facilitator:                          [false,   false,     false],
    'official of commune 1':              [false,   false,     false],
    'official of commune 2':              [false,   false,     false],
    'moderator of commune 1':             [true,    false,     false],
    'moderator of all communes':          [true,    true,      false],
    'suspended moderator of all communes':[false,   false,     false],
    'official and moderator of commune 1':[true,    false,     false],
    admin:                                [true,    true,      true],
  },
);

import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedOnceVerified, can, COMMENT_EDIT_WINDOW_MS, moderationScope, type Action, type Actor, type ProjectSubject, type Subjects } from '@/lib/permissions';

/**
 * The authorisation matrix (issue 11): every action, asked by every kind of person, about a subject of
 * "this" commune (1) and connected space (1, in commune 1), and again about subjects of another commune
 * (2) or space (2, in commune 2): the IDOR cases, where an id of someone else's object is sent.
 *
 * Each row is written out by hand, one letter per person: Y = allowed, . = refused. It is the
 * specification, not a copy of the rules: change a rule, and a row here must change with it.
 */

const C1 = 1;
const C2 = 2;
const SPACE1 = 1;
const SPACE2 = 2;
/** someone else: the author, the proposer, the person sanctioned... */
const OTHER = 99;
const ANOTHER_MODERATOR = 98;
const PARTICIPANT_ID = 12;
const NOW = new Date('2027-03-10T10:00:00.000Z');

/** Frozen, so a rule that mutated the actor would throw: `can` must be pure. */
function person(id: number, grants: Actor['grants'] = [], suspended = false, verified = true): Actor {
  return Object.freeze({ id, communeId: C1, suspended, verified, grants: Object.freeze(grants.map((g) => Object.freeze({ ...g }))) });
}

/** The columns of every row, in this order. */
const PEOPLE = [
  ['anonymous', null],
  ['citizen', person(10)],
  ['suspended citizen', person(11, [], true)],
  // registered, but has not entered the code sent to their phone or e-mail (issue 12 §2)
  ['unverified citizen', person(21, [], false, false)],
  ['participant (registered at space 1)', person(PARTICIPANT_ID)],
  ['facilitator of space 1', person(13, [{ role: 'facilitator', communeId: null, spaceId: SPACE1 }])],
  ['facilitator of space 2', person(14, [{ role: 'facilitator', communeId: null, spaceId: SPACE2 }])],
  ['official of commune 1', person(15, [{ role: 'official', communeId: C1, spaceId: null }])],
  ['official of commune 2', person(16, [{ role: 'official', communeId: C2, spaceId: null }])],
  ['moderator of commune 1', person(17, [{ role: 'moderator', communeId: C1, spaceId: null }])],
  ['moderator of commune 2', person(18, [{ role: 'moderator', communeId: C2, spaceId: null }])],
  ['region moderator', person(19, [{ role: 'moderator', communeId: null, spaceId: null }])],
  ['admin', person(20, [{ role: 'admin', communeId: null, spaceId: null }])],
  // an admin of a database that existed before verification, who has not verified yet: no staff power either
  ['unverified admin', person(22, [{ role: 'admin', communeId: null, spaceId: null }], false, false)],
] as const satisfies readonly (readonly [string, Actor | null])[];

/** The person's own id (the anonymous visitor has none: 0 matches nobody). */
const own = (who: Actor | null) => who?.id ?? 0;

type Case = { [A in Action]: readonly [A, string, (who: Actor | null) => Subjects[A], string] }[Action];
const row = <A extends Action>(action: A, what: string, subject: (who: Actor | null) => Subjects[A], expected: string): Case =>
  [action, what, subject, expected] as unknown as Case;

const project = (o: Partial<ProjectSubject> = {}): ProjectSubject => ({ communeId: C1, status: 'collecting', proposerId: OTHER, authorIds: [OTHER], ...o });
const mine = (who: Actor | null, o: Partial<ProjectSubject> = {}) => project({ proposerId: own(who), authorIds: [own(who)], ...o });
const content = (o: Partial<Subjects['content.moderate']> = {}): Subjects['content.moderate'] => ({ communeId: C1, authorId: OTHER, conflictedUserIds: [], conflictedOfficialsOf: null, ...o });
const sanction = (o: Partial<Subjects['user.sanction']> = {}): Subjects['user.sanction'] => ({ userId: OTHER, communeId: C1, kind: 'suspension', targetRoles: [], lastActiveAdmin: false, ...o });
const appeal = (o: Partial<Subjects['appeal.decide']> = {}): Subjects['appeal.decide'] => ({
  communeId: C1,
  authorId: OTHER,
  conflictedUserIds: [],
  conflictedOfficialsOf: null,
  originalModeratorId: ANOTHER_MODERATOR,
  appellantId: OTHER,
  sanction: false,
  appellantRoles: [],
  ...o,
});
const assist = (o: Partial<Subjects['assist.contribute']> = {}): Subjects['assist.contribute'] => ({
  spaceId: SPACE1,
  participantId: PARTICIPANT_ID,
  participantSuspended: false,
  participantHoldsRole: false,
  registeredAtSpaceId: SPACE1,
  presenceProven: false,
  ...o,
});
const edit = (who: Actor | null, o: Partial<Subjects['comment.edit']> = {}): Subjects['comment.edit'] => ({
  authorId: own(who),
  createdAt: new Date(NOW.getTime() - 5 * 60_000).toISOString(),
  deleted: false,
  phase: 'open',
  now: NOW,
  hidden: false,
  ...o,
});

// prettier-ignore
const MATRIX: Case[] = [
  //                                                                                                               anon, citizen, suspended, unverified, participant, facilitator 1,
  //                                                                                                               facilitator 2, official 1, official 2, moderator 1, moderator 2,
  //                                                                                                               region moderator, admin, unverified admin
  //                                                                                                                  ACSUPFFOOMMRAX
  // accounts and administration
  row('account.register', 'open an account', () => undefined,                                                        'Y.............'),
  row('profile.update', 'their own profile', (w) => ({ userId: own(w) }),                                            '.Y.YYYYYYYYYYY'),
  row('profile.update', 'someone else’s profile', () => ({ userId: OTHER }),                                         '..............'),
  row('password.change', 'their own password', (w) => ({ userId: own(w) }),                                         '.YYYYYYYYYYYYY'),
  row('password.change', 'someone else’s password', () => ({ userId: OTHER }),                                      '..............'),
  row('session.revokeAll', 'their own sessions', (w) => ({ userId: own(w) }),                                       '.YYYYYYYYYYYYY'),
  row('session.revokeAll', 'someone else’s sessions', () => ({ userId: OTHER }),                                    '..............'),
  row('session.end', 'one of their own sessions', (w) => ({ userId: own(w) }),                                      '.YYYYYYYYYYYYY'),
  row('session.end', 'someone else’s session', () => ({ userId: OTHER }),                                           '..............'),
  row('account.verify', 'their own account', (w) => ({ userId: own(w) }),                                            '.YYYYYYYYYYYYY'),
  row('account.verify', 'someone else’s account', () => ({ userId: OTHER }),                                        '..............'),
  row('account.resetInPerson', 'a citizen, at space 1', () => ({ userId: OTHER, spaceId: SPACE1, targetRoles: [] }), '.....Y......Y.'),
  row('account.resetInPerson', 'a citizen, at space 2', () => ({ userId: OTHER, spaceId: SPACE2, targetRoles: [] }), '......Y.....Y.'),
  row('account.resetInPerson', 'a facilitator, at space 1', () => ({ userId: OTHER, spaceId: SPACE1, targetRoles: ['facilitator'] }), '............Y.'),
  row('account.resetInPerson', 'an official, by an admin', () => ({ userId: OTHER, spaceId: null, targetRoles: ['official'] }), '............Y.'),
  row('account.resetInPerson', 'a citizen, by an admin', () => ({ userId: OTHER, spaceId: null, targetRoles: [] }), '............Y.'),
  row('account.resetInPerson', 'themself, at space 1', (w) => ({ userId: own(w), spaceId: SPACE1, targetRoles: [] }), '..............'),
  row('account.unlock', 'a locked account', () => ({ userId: OTHER }),                                              '............Y.'),
  row('media.upload', 'a recording', () => undefined,                                                                '.Y..YYYYYYYYY.'),
  row('media.read', 'a published recording', () => ({ ownerId: OTHER, communeId: C1, state: 'published' }),      'YYYYYYYYYYYYYY'),
  row('media.read', 'their own held recording', (w) => ({ ownerId: own(w), communeId: C1, state: 'held' }),      '.YYYYYYYYYYYYY'),
  row('media.read', 'someone else’s held recording', () => ({ ownerId: OTHER, communeId: C1, state: 'held' }),   '.........Y.YY.'),
  row('media.read', 'a held recording of commune 2', () => ({ ownerId: OTHER, communeId: C2, state: 'pending' }), '..........YYY.'),
  row('media.transcribe', 'a voice comment of commune 1', () => content(),                                            '.........Y.YY.'),
  row('media.transcribe', 'a voice comment of commune 2', () => content({ communeId: C2 }),                           '..........YYY.'),
  row('media.transcribe', 'their own voice comment', (w) => content({ authorId: own(w) }),                           '..............'),
  row('topic.recordSummary', 'a topic of commune 1', () => ({ communeId: C1, communeSpaceIds: [SPACE1] }),          '.....Y.Y....Y.'),
  row('topic.recordSummary', 'a topic of commune 2', () => ({ communeId: C2, communeSpaceIds: [SPACE2] }),          '......Y.Y...Y.'),
  row('topic.recordSummary', 'a topic of a commune with no space', () => ({ communeId: C1, communeSpaceIds: [] }),  '.......Y....Y.'),
  row('messages.viewStatus', 'the delivery status of messages', () => undefined,                                    '............Y.'),
  row('admin.access', 'the admin area', () => undefined,                                                             '............Y.'),
  row('role.grant', 'a role to someone else', () => ({ userId: OTHER, role: 'official' }),                          '............Y.'),
  row('role.grant', 'a role to themself', (w) => ({ userId: own(w), role: 'moderator' }),                           '..............'),
  row('role.revoke', 'someone else’s admin role', () => ({ userId: OTHER, role: 'admin' }),                         '............Y.'),
  row('role.revoke', 'their own admin role', (w) => ({ userId: own(w), role: 'admin' }),                            '..............'),
  row('audit.read', 'the audit log', () => undefined,                                                                '............Y.'),
  // consultations
  row('topic.create', 'in commune 1', () => ({ communeId: C1 }),                                                     '.......Y....Y.'),
  row('topic.create', 'in commune 2', () => ({ communeId: C2 }),                                                     '........Y...Y.'),
  row('topic.update', 'of commune 1', () => ({ communeId: C1 }),                                                     '.......Y....Y.'),
  row('topic.update', 'of commune 2', () => ({ communeId: C2 }),                                                     '........Y...Y.'),
  row('topic.changePhase', 'of commune 1', () => ({ communeId: C1 }),                                                '.......Y....Y.'),
  row('topic.changePhase', 'of commune 2', () => ({ communeId: C2 }),                                                '........Y...Y.'),
  row('topic.viewInternal', 'of commune 1', () => ({ communeId: C1 }),                                               '.......Y....Y.'),
  row('topic.viewInternal', 'of commune 2', () => ({ communeId: C2 }),                                               '........Y...Y.'),
  row('topic.read', 'an open topic', () => ({ communeId: C1, phase: 'open', visibility: 'visible' }),               'YYYYYYYYYYYYYY'),
  row('topic.read', 'a draft of commune 1', () => ({ communeId: C1, phase: 'draft', visibility: 'visible' }),       '.......Y....Y.'),
  row('topic.read', 'a held topic of commune 2', () => ({ communeId: C2, phase: 'open', visibility: 'held' }),      '........Y...Y.'),
  row('vote.cast', 'while open', () => ({ phase: 'open' }),                                                          '.Y..YYYYYYYYY.'),
  row('vote.cast', 'in deliberation', () => ({ phase: 'deliberation' }),                                             '..............'),
  row('vote.withdraw', 'while open', () => ({ phase: 'open' }),                                                      '.YYYYYYYYYYYYY'),
  row('vote.withdraw', 'after the close', () => ({ phase: 'deliberation' }),                                         '..............'),
  row('comment.create', 'while open', () => ({ phase: 'open' }),                                                     '.Y..YYYYYYYYY.'),
  row('comment.create', 'once closed', () => ({ phase: 'closed' }),                                                  '..............'),
  row('comment.edit', 'their own, within 15 minutes', (w) => edit(w),                                                '.Y..YYYYYYYYY.'),
  row('comment.edit', 'their own, after 15 minutes', (w) => edit(w, { createdAt: new Date(NOW.getTime() - COMMENT_EDIT_WINDOW_MS - 1000).toISOString() }), '..............'),
  row('comment.edit', 'their own, hidden by moderation', (w) => edit(w, { hidden: true }),                          '..............'),
  row('comment.edit', 'someone else’s', (w) => edit(w, { authorId: OTHER }),                                         '..............'),
  row('comment.delete', 'their own', (w) => ({ authorId: own(w), deleted: false }),                                 '.YYYYYYYYYYYYY'),
  row('comment.delete', 'someone else’s', () => ({ authorId: OTHER, deleted: false }),                              '..............'),
  row('comment.support', 'someone else’s', () => ({ authorId: OTHER, phase: 'open' }),                              '.Y..YYYYYYYYY.'),
  row('comment.support', 'their own', (w) => ({ authorId: own(w), phase: 'open' }),                                 '..............'),
  row('comment.readWithheld', 'their own held comment', (w) => ({ authorId: own(w), communeId: C1 }),              '.YYYYYYYYYYYYY'),
  row('comment.readWithheld', 'someone else’s, in commune 1', () => ({ authorId: OTHER, communeId: C1 }),           '.........Y.YY.'),
  row('comment.readWithheld', 'someone else’s, in commune 2', () => ({ authorId: OTHER, communeId: C2 }),           '..........YYY.'),
  // citizen projects
  row('project.create', 'a project', () => undefined,                                                                '.Y..YYYYYYYYY.'),
  row('project.view', 'a public project', () => ({ ...project(), visibility: 'visible', invitedIds: [] }),          'YYYYYYYYYYYYYY'),
  row('project.view', 'a draft they are invited to', () => ({ ...project({ status: 'draft' }), visibility: 'visible', invitedIds: [PARTICIPANT_ID] }), '....Y.........'),
  row('project.view', 'a held project of commune 1', () => ({ ...project(), visibility: 'held', invitedIds: [] }),  '.......Y.Y.YY.'),
  row('project.view', 'a held project of commune 2', () => ({ ...project({ communeId: C2 }), visibility: 'held', invitedIds: [] }), '........Y.YYY.'),
  row('project.edit', 'their own, collecting', (w) => mine(w),                                                       '.Y..YYYYYYYYY.'),
  row('project.edit', 'someone else’s', () => project(),                                                             '..............'),
  row('project.submit', 'their own draft', (w) => mine(w, { status: 'draft' }),                                     '.Y..YYYYYYYYY.'),
  row('project.submit', 'their own, already collecting', (w) => mine(w),                                            '..............'),
  row('project.invite', 'to their own, collecting', (w) => mine(w),                                                 '.Y..YYYYYYYYY.'),
  row('project.invite', 'to their own, past the threshold', (w) => mine(w, { status: 'threshold_reached' }),       '..............'),
  row('project.withdraw', 'their own, collecting', (w) => mine(w),                                                  '.Y.YYYYYYYYYYY'),
  row('project.withdraw', 'someone else’s', () => project(),                                                         '..............'),
  row('project.support', 'someone else’s, collecting', () => project(),                                             '.Y..YYYYYYYYY.'),
  row('project.support', 'their own', (w) => mine(w),                                                               '..............'),
  row('project.unsupport', 'while collecting', () => project(),                                                      '.YYYYYYYYYYYYY'),
  row('project.unsupport', 'once accepted', () => project({ status: 'accepted' }),                                   '..............'),
  row('project.answer', 'of commune 1, threshold reached', () => project({ status: 'threshold_reached' }),           '.......Y....Y.'),
  row('project.answer', 'of commune 2, threshold reached', () => project({ communeId: C2, status: 'threshold_reached' }), '........Y...Y.'),
  row('project.answer', 'of commune 1, still collecting', () => project(),                                           '..............'),
  row('project.postProgress', 'of commune 1, accepted', () => project({ status: 'accepted' }),                       '.......Y....Y.'),
  row('project.postProgress', 'of commune 2, accepted', () => project({ communeId: C2, status: 'accepted' }),       '........Y...Y.'),
  row('project.viewInternal', 'of commune 1', () => ({ communeId: C1 }),                                             '.......Y....Y.'),
  row('project.viewInternal', 'of commune 2', () => ({ communeId: C2 }),                                             '........Y...Y.'),
  row('project.respondInvitation', 'their own invitation', (w) => ({ invitedUserId: own(w), invitation: 'invited' }), '.Y..YYYYYYYYY.'),
  row('project.respondInvitation', 'an invitation already accepted', (w) => ({ invitedUserId: own(w), invitation: 'accepted' }), '..............'),
  row('project.respondInvitation', 'someone else’s invitation', () => ({ invitedUserId: OTHER, invitation: 'invited' }), '..............'),
  row('project.configure', 'commune 1’s rules', () => ({ communeId: C1 }),                                          '............Y.'),
  // notifications
  row('notifications.read', 'their own', (w) => ({ userId: own(w) }),                                              '.YYYYYYYYYYYYY'),
  row('notifications.read', 'someone else’s', () => ({ userId: OTHER }),                                            '..............'),
  row('notifications.manage', 'their own', (w) => ({ userId: own(w) }),                                            '.YYYYYYYYYYYYY'),
  row('notifications.manage', 'someone else’s', () => ({ userId: OTHER }),                                          '..............'),
  // moderation
  row('moderation.access', 'the moderation area', () => undefined,                                                   '.........YYYY.'),
  row('moderation.read', 'commune 1’s histories, appeals, log', () => ({ communeId: C1 }),                          '.........Y.YY.'),
  row('moderation.read', 'commune 2’s', () => ({ communeId: C2 }),                                                   '..........YYY.'),
  row('moderation.read', 'what belongs to no commune', () => ({ communeId: null }),                                 '...........YY.'),
  row('moderation.configure', 'a commune’s rules', () => undefined,                                                  '............Y.'),
  row('moderation.manageTerm', 'a term of commune 1', () => ({ communeId: C1 }),                                    '.........Y.YY.'),
  row('moderation.manageTerm', 'a term of commune 2', () => ({ communeId: C2 }),                                    '..........YYY.'),
  row('moderation.manageTerm', 'a term of the whole region', () => ({ communeId: null }),                           '...........YY.'),
  row('content.report', 'someone else’s public content', () => ({ authorId: OTHER, isPublic: true }),               '.Y..YYYYYYYYY.'),
  row('content.report', 'a draft, held or hidden item', () => ({ authorId: OTHER, isPublic: false }),               '..............'),
  row('content.report', 'their own content', (w) => ({ authorId: own(w), isPublic: true }),                         '..............'),
  row('content.moderate', 'a comment of commune 1', () => content(),                                                 '.........Y.YY.'),
  row('content.moderate', 'a comment of commune 2', () => content({ communeId: C2 }),                               '..........YYY.'),
  row('content.moderate', 'their own comment', (w) => content({ authorId: own(w) }),                                '..............'),
  row('content.moderate', 'a comment on a topic they published', (w) => content({ conflictedUserIds: [own(w)] }),   '..............'),
  row('content.moderate', 'a project of commune 1', () => content({ conflictedOfficialsOf: C1 }),                   '.........Y.YY.'),
  row('user.sanction', 'a citizen, for content of commune 1', () => sanction(),                                     '.........Y.YY.'),
  row('user.sanction', 'a citizen, for content of commune 2', () => sanction({ communeId: C2 }),                    '..........YYY.'),
  row('user.sanction', 'a citizen, naming no content', () => sanction({ communeId: null }),                         '...........YY.'),
  row('user.sanction', 'a warning to a citizen, commune 1', () => sanction({ kind: 'warning' }),                    '.........Y.YY.'),
  row('user.sanction', 'a facilitator, for content of commune 1', () => sanction({ targetRoles: ['facilitator'] }), '.........Y.YY.'),
  row('user.sanction', 'an official, for content of commune 1', () => sanction({ targetRoles: ['official'] }),     '............Y.'),
  row('user.sanction', 'a moderator, for content of commune 1', () => sanction({ targetRoles: ['moderator'] }),    '............Y.'),
  row('user.sanction', 'an admin', () => sanction({ communeId: null, targetRoles: ['admin'] }),                     '............Y.'),
  row('user.sanction', 'suspend the last active admin', () => sanction({ communeId: null, targetRoles: ['admin'], lastActiveAdmin: true }), '..............'),
  row('user.sanction', 'warn the last active admin', () => sanction({ kind: 'warning', communeId: null, targetRoles: ['admin'], lastActiveAdmin: true }), '............Y.'),
  row('user.sanction', 'themself', (w) => sanction({ userId: own(w) }),                                             '..............'),
  row('appeal.create', 'against a decision about them', (w) => ({ appellantId: own(w), concernedUserId: own(w) }), '.YYYYYYYYYYYYY'),
  row('appeal.create', 'for someone else', (w) => ({ appellantId: own(w), concernedUserId: OTHER }),               '..............'),
  row('appeal.decide', 'about content of commune 1', () => appeal(),                                                 '.........Y.YY.'),
  row('appeal.decide', 'about content of commune 2', () => appeal({ communeId: C2 }),                               '..........YYY.'),
  row('appeal.decide', 'against their own decision', (w) => appeal({ originalModeratorId: own(w) }),                '..............'),
  row('appeal.decide', 'their own appeal', (w) => appeal({ authorId: own(w), appellantId: own(w) }),                '..............'),
  row('appeal.decide', 'a suspension given in commune 1', () => appeal({ sanction: true }),                         '.........Y.YY.'),
  row('appeal.decide', 'a suspension naming no content', () => appeal({ sanction: true, communeId: null }),         '...........YY.'),
  row('appeal.decide', 'a moderator’s suspension', () => appeal({ sanction: true, appellantRoles: ['moderator'] }), '............Y.'),
  // connected spaces
  row('space.manage', 'connected spaces', () => undefined,                                                           '............Y.'),
  row('facilitator.access', 'the facilitator area', () => undefined,                                                 '.....YY.....Y.'),
  row('participant.register', 'at space 1', () => ({ spaceId: SPACE1 }),                                            '.....Y......Y.'),
  row('participant.register', 'at space 2', () => ({ spaceId: SPACE2 }),                                            '......Y.....Y.'),
  row('participant.view', 'space 1’s participants', () => ({ spaceId: SPACE1 }),                                   '.....Y......Y.'),
  row('participant.view', 'space 2’s participants', () => ({ spaceId: SPACE2 }),                                   '......Y.....Y.'),
  row('participant.resetPin', 'of space 1’s participant', () => ({ participantId: PARTICIPANT_ID, registeredAtSpaceId: SPACE1, hasCode: true, holdsRole: false }), '.....Y......Y.'),
  row('participant.resetPin', 'of space 2’s participant', () => ({ participantId: PARTICIPANT_ID, registeredAtSpaceId: SPACE2, hasCode: true, holdsRole: false }), '......Y.....Y.'),
  row('participant.resetPin', 'of space 1’s participant since given a role', () => ({ participantId: PARTICIPANT_ID, registeredAtSpaceId: SPACE1, hasCode: true, holdsRole: true }), '............Y.'),
  row('participant.resetPin', 'of an account with a phone', () => ({ participantId: OTHER, registeredAtSpaceId: null, hasCode: false, holdsRole: false }), '..............'),
  row('assist.access', 'at space 1', () => ({ spaceId: SPACE1 }),                                                   '.....Y........'),
  row('assist.access', 'at space 2', () => ({ spaceId: SPACE2 }),                                                   '......Y.......'),
  row('assist.contribute', 'for space 1’s participant, at space 1', () => assist(),                                 '.....Y........'),
  row('assist.contribute', 'for space 1’s participant, at space 2', () => assist({ spaceId: SPACE2 }),             '..............'),
  row('assist.contribute', 'for space 2’s participant, without proof', () => assist({ registeredAtSpaceId: SPACE2 }), '..............'),
  row('assist.contribute', 'for space 2’s participant who typed their PIN', () => assist({ registeredAtSpaceId: SPACE2, presenceProven: true }), '.....Y........'),
  row('assist.contribute', 'for a self-registered citizen, without proof', () => assist({ registeredAtSpaceId: null }), '..............'),
  row('assist.contribute', 'for the mayor who typed his password', () => assist({ registeredAtSpaceId: null, presenceProven: true, participantHoldsRole: true }), '..............'),
  row('assist.contribute', 'for a suspended participant', () => assist({ participantSuspended: true }),             '..............'),
  row('assisted.withdraw', 'what was entered for them', (w) => ({ participantId: own(w), withdrawn: false }),      '.YYYYYYYYYYYYY'),
  row('assisted.withdraw', 'what was entered for someone else', () => ({ participantId: OTHER, withdrawn: false }), '..............'),
  row('assisted.withdraw', 'twice', (w) => ({ participantId: own(w), withdrawn: true }),                           '..............'),
  row('device.manageShared', 'space 1’s computers', () => ({ spaceId: SPACE1 }),                                   '.....Y......Y.'),
  row('device.manageShared', 'space 2’s computers', () => ({ spaceId: SPACE2 }),                                   '......Y.....Y.'),
  row('meeting.schedule', 'at space 1', () => ({ spaceId: SPACE1, communeId: C1 }),                                 '.....Y.Y....Y.'),
  row('meeting.schedule', 'at space 2', () => ({ spaceId: SPACE2, communeId: C2 }),                                 '......Y.Y...Y.'),
  row('meeting.edit', 'at space 1, before it starts', () => ({ spaceId: SPACE1, communeId: C1, started: false, cancelled: false }), '.....Y.Y....Y.'),
  row('meeting.edit', 'at space 2, before it starts', () => ({ spaceId: SPACE2, communeId: C2, started: false, cancelled: false }), '......Y.Y...Y.'),
  row('meeting.edit', 'once started', () => ({ spaceId: SPACE1, communeId: C1, started: true, cancelled: false }), '..............'),
  row('meeting.publishMinutes', 'at space 1, once started', () => ({ spaceId: SPACE1, communeId: C1, started: true, cancelled: false }), '.....Y.Y....Y.'),
  row('meeting.publishMinutes', 'at space 2, once started', () => ({ spaceId: SPACE2, communeId: C2, started: true, cancelled: false }), '......Y.Y...Y.'),
  row('meeting.publishMinutes', 'before it starts', () => ({ spaceId: SPACE1, communeId: C1, started: false, cancelled: false }), '..............'),
  row('meeting.register', 'before it starts', () => ({ started: false, cancelled: false }),                         '.Y..YYYYYYYYY.'),
  row('meeting.register', 'once cancelled', () => ({ started: false, cancelled: true }),                            '..............'),
  row('meeting.unregister', 'before it starts, even cancelled', () => ({ started: false, cancelled: true }),       '.YYYYYYYYYYYYY'),
  row('meeting.unregister', 'once started', () => ({ started: true, cancelled: false }),                            '..............'),
  // interface translations: translators (tests/unit/translation-permissions.test.ts) and admins
  row('translation.access', 'the translation area', () => undefined,                                                 '............Y.'),
  row('translation.propose', 'a translation', () => undefined,                                                       '............Y.'),
  row('translation.review', 'someone else’s proposal', () => ({ proposerId: OTHER }),                                '............Y.'),
  row('translation.review', 'a machine draft', () => ({ proposerId: null }),                                         '............Y.'),
  row('translation.review', 'their own proposal', (w) => ({ proposerId: own(w) }),                                   '..............'),
  row('translation.revert', 'a live translation', () => undefined,                                                   '............Y.'),
  // civic learning (reading lessons and one's own progress are reading: no verification needed)
  row('learn.author', 'the authoring area', () => undefined,                                                         '.....YY.....Y.'),
  row('course.edit', 'a region-wide course', () => ({ communeId: null, communeSpaceIds: [] }),                       '.....YY.....Y.'),
  row('course.edit', 'a course of commune 1', () => ({ communeId: C1, communeSpaceIds: [SPACE1] }),                  '.....Y......Y.'),
  row('course.edit', 'a course of commune 2', () => ({ communeId: C2, communeSpaceIds: [SPACE2] }),                  '......Y.....Y.'),
  row('course.edit', 'a course of a commune without a space', () => ({ communeId: C2, communeSpaceIds: [] }),        '............Y.'),
  row('learn.read', 'a published lesson', () => ({ communeId: C1, communeSpaceIds: [SPACE1], published: true, visible: true }), 'YYYYYYYYYYYYYY'),
  row('learn.read', 'a draft of commune 1', () => ({ communeId: C1, communeSpaceIds: [SPACE1], published: false, visible: true }), '.....Y......Y.'),
  row('learn.read', 'a held region-wide lesson', () => ({ communeId: null, communeSpaceIds: [], published: true, visible: false }), '.....YY.....Y.'),
  row('learn.progress', 'their own progress', (w) => ({ userId: own(w) }),                                        '.YYYYYYYYYYYYY'),
  row('learn.progress', 'someone else’s progress', () => ({ userId: OTHER }),                                      '..............'),
  row('certificate.view', 'their own certificate', (w) => ({ userId: own(w) }),                                    '.YYYYYYYYYYYYY'),
  row('certificate.view', 'someone else’s certificate', () => ({ userId: OTHER }),                                 '..............'),
  row('training.manage', 'at space 1', () => ({ spaceId: SPACE1 }),                                                 '.....Y......Y.'),
  row('training.manage', 'at space 2', () => ({ spaceId: SPACE2 }),                                                 '......Y.....Y.'),
];

describe('the authorisation matrix', () => {
  it('asks about every action, and every row has one answer per person', () => {
    expect([...new Set(MATRIX.map(([action]) => action))].sort()).toEqual([...ACTIONS].sort());
    for (const [action, what, , expected] of MATRIX) expect(expected, `${action} ${what}`).toMatch(new RegExp(`^[Y.]{${PEOPLE.length}}$`));
  });

  const cells = MATRIX.flatMap(([action, what, subject, expected]) =>
    PEOPLE.map(([name, who], i) => ({ action, what, name, who, subject, allowed: expected[i] === 'Y' })),
  );
  it.each(cells)('$action ($what): $name → $allowed', ({ action, who, subject, allowed }) => {
    expect(can(who, action, subject(who) as never)).toBe(allowed);
  });
});

describe('pages say "verify your account first" exactly where verification is what is missing', () => {
  const column = (name: string) => PEOPLE.findIndex(([n]) => n === name);
  const [citizen, unverified, admin, unverifiedAdmin] = ['citizen', 'unverified citizen', 'admin', 'unverified admin'].map(column) as [number, number, number, number];
  it.each(MATRIX.map(([action, what, subject, expected]) => ({ action, what, subject, expected })))('$action ($what)', ({ action, subject, expected }) => {
    for (const [verified, pending] of [
      [citizen, unverified],
      [admin, unverifiedAdmin],
    ] as const) {
      const who = PEOPLE[pending]![1];
      expect(allowedOnceVerified(who, action, subject(who) as never)).toBe(expected[verified] === 'Y' && expected[pending] === '.');
    }
    // Never said to anyone verified, nor to visitors who are not signed in.
    for (const [, who] of PEOPLE) if (!who || who.verified) expect(allowedOnceVerified(who, action, subject(who) as never)).toBe(false);
  });
});

describe('what a moderator sees follows the same scope as what they may read', () => {
  it.each(PEOPLE)('%s', (_name, who) => {
    const scope = moderationScope(who);
    expect(scope === 'all').toBe(can(who, 'moderation.read', { communeId: null }));
    for (const communeId of [C1, C2]) expect(scope === 'all' || scope.includes(communeId)).toBe(can(who, 'moderation.read', { communeId }));
  });
});

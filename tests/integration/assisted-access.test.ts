import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assistedVoteCount } from '@/db/queries/assisted';
import { assistedContributions, auditLog, comments, commentSupports, notifications, projectSupports, users, votes, type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { contributeForParticipant } from '@/lib/assisted/contribute';
import { withdrawAssisted } from '@/lib/assisted/withdraw';
import { createComment } from '@/lib/comments/create-comment';
import { tallyExport } from '@/lib/open-data/exports';
import { registerParticipant } from '@/lib/participants/register-participant';
import { resetParticipantPin } from '@/lib/participants/reset-pin';
import type { ParticipantSlip } from '@/lib/participants/slip';
import { saveProject } from '@/lib/projects/save-project';
import { findTopic } from '@/lib/topics/load';
import { castVote } from '@/lib/votes/cast-vote';
import { withdrawVote } from '@/lib/votes/withdraw-vote';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, TEST_PASSWORD, type TestDb } from '../helpers/db';
import { projectForm, setProjectRules } from '../helpers/projects';

const T0 = CONSULTATION.during;

let t: TestDb;
let nioro: number;
let nioroSpace: number;
let kayesSpace: number;
let fanta: User; // facilitator of the Nioro space
let ousmane: User; // facilitator of the Kayes space
let admin: User;
let mayor: User; // official of Nioro, with a phone: the account the attacker tried
let awa: User; // a citizen who registered on her own
let kadi: ParticipantSlip; // registered by Fanta at the Nioro space
let mariam: ParticipantSlip; // registered by Ousmane at the Kayes space
let topicId: number;

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  nioroSpace = t.spaceId('nioro');
  kayesSpace = t.spaceId('kayes-ville');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
  ousmane = await addUser(t, { displayName: 'Ousmane Keïta', grants: [{ role: 'facilitator', spaceId: kayesSpace }] });
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  mayor = await addUser(t, { displayName: 'Bakary Diallo', phone: '+22376000004', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro du Sahel' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001', communeId: nioro });
  kadi = await register(fanta, nioroSpace, 'Kadiatou Dembélé', '482916');
  mariam = await register(ousmane, kayesSpace, 'Mariam Sow', '135791');
  topicId = addTopic(t, { authorId: mayor.id, communeId: nioro }).id;
});
afterEach(() => t.cleanup());

const as = (u: User | number) => actorOf(t.db, typeof u === 'number' ? u : u.id);

async function register(by: User, spaceId: number, displayName: string, pin: string): Promise<ParticipantSlip> {
  const r = await registerParticipant(
    t.db,
    as(by),
    { spaceId: String(spaceId), displayName, communeId: String(nioro), gender: 'woman', birthYear: '2001', language: 'fr', consent: 'yes', consentDate: T0.toISOString().slice(0, 10) },
    { now: T0, pin: () => pin },
  );
  if (!r.ok) throw new Error(`registration refused: ${JSON.stringify(r)}`);
  return r.value;
}

const comment = { topicId: '', stance: 'for', body: 'Le forage doit être près de l’école.' };
/** Fanta, at the Nioro space, enters a comment for whoever `participant` names; `secret` is what that person typed. */
function assistComment(participant: string, secret?: string, by = fanta, spaceId = nioroSpace) {
  return contributeForParticipant(
    t.db,
    as(by),
    { spaceId: String(spaceId), participant, consent: 'yes', kind: 'comment', ...comment, topicId: String(topicId), ...(secret === undefined ? {} : { participantPassword: secret }) },
    T0,
  );
}
const rows = (table: typeof comments | typeof assistedContributions | typeof votes) => t.db.select({ n: count() }).from(table).get()?.n ?? 0;
const written = () => ({ comments: rows(comments), assisted: rows(assistedContributions), votes: rows(votes) });
const notified = (userId: number) => t.db.select({ kind: notifications.kind, topicId: notifications.topicId, projectId: notifications.projectId, commentId: notifications.commentId, actorId: notifications.actorId }).from(notifications).where(eq(notifications.userId, userId)).all();

describe('a facilitator may not act for the mayor, nor for anyone holding a role', () => {
  it('the mayor’s phone number is refused, with or without the consent box, and nothing is recorded in his name', async () => {
    const before = written();
    for (const typed of ['76000004', '76 00 00 04', '+22376000004']) {
      expect(await assistComment(typed)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    }
    expect(written()).toEqual(before);
    expect(t.db.select().from(comments).where(eq(comments.authorId, mayor.id)).all()).toEqual([]);
  });

  it('even when the mayor types his own password on the facilitator’s screen: accounts with a role are never assisted', async () => {
    const before = written();
    expect(await assistComment('76000004', TEST_PASSWORD)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantHoldsRole' } });
    expect(written()).toEqual(before);
  });

  it('the same for a moderator, another space’s facilitator and an admin', async () => {
    const moderator = await addUser(t, { displayName: 'Sira Camara', phone: '+22376000007', grants: [{ role: 'moderator', communeId: nioro }] });
    await addUser(t, { displayName: 'Admin 2', phone: '+22376000008', grants: [{ role: 'admin' }] });
    await addUser(t, { displayName: 'Ousmane', phone: '+22376000006', grants: [{ role: 'facilitator', spaceId: kayesSpace }] });
    for (const phone of ['76000007', '76000008', '76000006']) {
      expect(await assistComment(phone, TEST_PASSWORD)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantHoldsRole' } });
    }
    // A revoked role no longer counts: the person is an ordinary citizen again (and must still prove presence).
    t.db.$client.prepare('UPDATE role_grants SET revoked_at = ? WHERE user_id = ?').run(T0.toISOString(), moderator.id);
    expect(await assistComment('76000007', TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a participant of the space later given a role is no longer assisted either, nor given a new PIN by a facilitator', async () => {
    t.db.$client.prepare("INSERT INTO role_grants (user_id, role, space_id) VALUES (?, 'facilitator', ?)").run(kadi.userId, nioroSpace);
    expect(await assistComment(kadi.code)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantHoldsRole' } });
    // A new PIN would hand the role to whoever holds the slip: that is an admin's call.
    const input = { participantId: String(kadi.userId), present: 'yes' };
    expect(await resetParticipantPin(t.db, as(fanta), input, { now: T0 })).toEqual({ ok: false, error: 'forbidden' });
    expect(auditRows(t.db, 'participant.pin_reset')).toEqual([]);
    expect(await resetParticipantPin(t.db, as(admin), input, { now: T0 })).toMatchObject({ ok: true });
  });
});

describe('who a facilitator may assist', () => {
  it('a participant registered at their own space, on their word and the consent box', async () => {
    const r = await assistComment(kadi.code);
    expect(r).toMatchObject({ ok: true, value: { participantId: kadi.userId } });
    expect(auditRows(t.db, 'assisted.comment')).toMatchObject([{ actorId: fanta.id, details: { participantId: kadi.userId, presence: 'registeredHere' } }]);
  });

  it('a participant of another space, or a citizen registered on their own, only after typing their own PIN or password', async () => {
    const before = written();
    expect(await assistComment(mariam.code)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    expect(await assistComment('76000001')).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    expect(written()).toEqual(before);

    expect(await assistComment(mariam.code, mariam.pin)).toMatchObject({ ok: true, value: { participantId: mariam.userId } });
    expect(await assistComment('76 00 00 01', TEST_PASSWORD)).toMatchObject({ ok: true, value: { participantId: awa.id } });
    expect(auditRows(t.db, 'assisted.comment').map((r) => r.details)).toMatchObject([
      { participantId: mariam.userId, presence: 'proven' },
      { participantId: awa.id, presence: 'proven' },
    ]);
    // The secret is in no row and no log.
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain(mariam.pin);
  });

  it('a citizen who never verified her account is not assisted, even present: she verifies first (issue 12 §2)', async () => {
    t.db.update(users).set({ verifiedAt: null, verifiedVia: null }).where(eq(users.id, awa.id)).run();
    const before = written();
    expect(await assistComment('76 00 00 01', TEST_PASSWORD)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantUnverified' } });
    expect(written()).toEqual(before);
  });

  it('an unknown number and a wrong secret get the same answer, and nothing is written', async () => {
    const before = written();
    expect(await assistComment('76000099', '000000')).toEqual({ ok: false, error: 'invalid', fieldErrors: { participantPassword: 'presenceFailed' } });
    expect(await assistComment(mariam.code, '000000')).toEqual({ ok: false, error: 'invalid', fieldErrors: { participantPassword: 'presenceFailed' } });
    expect(await assistComment('76000099')).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    expect(written()).toEqual(before);
    // The wrong PIN is a failed sign-in of Mariam's account, audited as such.
    expect(auditRows(t.db, 'user.signin_failed')).toMatchObject([{ subjectId: mariam.userId }]);
  });

  it('the proof lasts one submission for one person: it is not kept, and a PIN proves nothing for someone else', async () => {
    expect(await assistComment(mariam.code, mariam.pin)).toMatchObject({ ok: true });
    // The next submission for Mariam needs her PIN again.
    expect(await assistComment(mariam.code)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    // Mariam's PIN typed with Awa's number proves nothing.
    expect(await assistComment('76000001', mariam.pin)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participantPassword: 'presenceFailed' } });
    expect(rows(assistedContributions)).toBe(1);
  });

  it('is throttled like sign-in: five wrong PINs lock the code, at the facilitator’s screen and at the sign-in page alike', async () => {
    for (let i = 0; i < 4; i++) expect(await assistComment(mariam.code, `00000${i}`)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await assistComment(mariam.code, '000004')).toMatchObject({ ok: false, error: 'rate_limited' });
    // Now even the right PIN waits, here and on the sign-in page.
    expect(await assistComment(mariam.code, mariam.pin)).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await authenticate(t.db, { identifier: mariam.code, password: mariam.pin }, { ip: '10.9.9.9' })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(rows(assistedContributions)).toBe(0);
  });

  it('a facilitator at a space that is not theirs is refused before anything is checked', async () => {
    expect(await assistComment(mariam.code, mariam.pin, fanta, kayesSpace)).toEqual({ ok: false, error: 'forbidden' });
    expect(await assistComment(kadi.code, undefined, admin)).toEqual({ ok: false, error: 'forbidden' });
    expect(auditRows(t.db, 'user.signin_failed')).toEqual([]);
  });
});

describe('assisted votes and supports are told to the person, and counted in the public tally', () => {
  let projectId: number;
  let awaComment: number;
  beforeEach(() => {
    setProjectRules(t, admin.id, nioro, 10, 90);
    const p = saveProject(t.db, as(awa), projectForm(nioro), T0);
    if (!p.ok) throw new Error('project');
    projectId = p.value.projectId;
    const c = createComment(t.db, as(awa), { topicId: String(topicId), stance: 'for', body: 'Le forage doit être près de l’école.' }, T0);
    if (!c.ok) throw new Error('comment');
    awaComment = c.value.commentId;
  });
  const assist = (kind: string, payload: Record<string, string>, who = kadi) =>
    contributeForParticipant(t.db, as(fanta), { spaceId: String(nioroSpace), participant: who.code, consent: 'yes', kind, ...payload }, T0);

  it('a vote, a comment support and a project support each leave the participant a notification naming the facilitator', async () => {
    expect(await assist('vote', { topicId: String(topicId), choice: 'for' })).toMatchObject({ ok: true });
    expect(await assist('comment_support', { commentId: String(awaComment) })).toMatchObject({ ok: true });
    expect(await assist('project_support', { projectId: String(projectId) })).toMatchObject({ ok: true });
    expect(await assist('comment', { topicId: String(topicId), stance: 'for', body: 'Un banc près du forage.' })).toMatchObject({ ok: true });
    expect(notified(kadi.userId)).toEqual([
      { kind: 'assisted.vote', topicId, projectId: null, commentId: null, actorId: fanta.id },
      { kind: 'assisted.comment_support', topicId, projectId: null, commentId: awaComment, actorId: fanta.id },
      { kind: 'assisted.project_support', topicId: null, projectId, commentId: null, actorId: fanta.id },
    ]);
    expect(t.db.select().from(commentSupports).where(eq(commentSupports.userId, kadi.userId)).all()).toHaveLength(1);
    expect(t.db.select().from(projectSupports).where(eq(projectSupports.userId, kadi.userId)).all()).toHaveLength(1);
  });

  it('the tally says how many votes were entered with a space’s help, on the page and in the export', async () => {
    const topic = () => findTopic(t.db, topicId)!;
    expect(castVote(t.db, as(awa), { topicId: String(topicId), choice: 'against' }, T0)).toMatchObject({ ok: true });
    expect(assistedVoteCount(t.db, topicId)).toBe(0);
    expect(await assist('vote', { topicId: String(topicId), choice: 'for' })).toMatchObject({ ok: true });
    const aminata = await register(fanta, nioroSpace, 'Aminata Konaté', '246802');
    expect(await assist('vote', { topicId: String(topicId), choice: 'against' }, aminata)).toMatchObject({ ok: true });
    expect(assistedVoteCount(t.db, topicId)).toBe(2);
    expect(tallyExport(t.db, topic())).toEqual([
      { choice: 'for', label: 'for', residents: 1, others: 0, total: 1, assisted_total: 2 },
      { choice: 'against', label: 'against', residents: 2, others: 0, total: 2, assisted_total: 2 },
      { choice: 'abstain', label: 'abstain', residents: 0, others: 0, total: 0, assisted_total: 2 },
    ]);
    // Taken back from "Entered for me", or withdrawn by the voter herself: no longer counted.
    const kadiVote = t.db.select().from(assistedContributions).where(eq(assistedContributions.participantId, kadi.userId)).get()!;
    expect(withdrawAssisted(t.db, as(kadi.userId), { assistedId: String(kadiVote.id) }, T0)).toMatchObject({ ok: true });
    expect(assistedVoteCount(t.db, topicId)).toBe(1);
    expect(withdrawVote(t.db, as(aminata.userId), { topicId: String(topicId) }, T0)).toMatchObject({ ok: true });
    expect(assistedVoteCount(t.db, topicId)).toBe(0);
    expect(tallyExport(t.db, topic())[0]).toMatchObject({ assisted_total: 0 });
  });
});

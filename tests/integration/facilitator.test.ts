import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assistedFor, assistedSpaceOf, participantsOf } from '@/db/queries/assisted';
import { moderationQueue } from '@/db/queries/moderation';
import { commentsPage } from '@/lib/comments/queries';
import {
  assistedContributions,
  auditLog,
  comments,
  commentSupports,
  projectSupports,
  projects,
  topics,
  users,
  votes,
  type User,
} from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { loadActor } from '@/lib/accounts/load-actor';
import { verifyPassword } from '@/lib/accounts/password';
import { contributeForParticipant } from '@/lib/assisted/contribute';
import { withdrawAssisted } from '@/lib/assisted/withdraw';
import { createComment } from '@/lib/comments/create-comment';
import { updateModerationRules } from '@/lib/moderation/settings';
import { CODE_ALPHABET, normalizeParticipantCode } from '@/lib/participants/code';
import { registerParticipant } from '@/lib/participants/register-participant';
import { resetParticipantPin } from '@/lib/participants/reset-pin';
import type { ParticipantSlip } from '@/lib/participants/slip';
import { saveProject } from '@/lib/projects/save-project';
import { hit, LIMITS } from '@/lib/rate-limit';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, TEST_PASSWORD, type TestDb } from '../helpers/db';
import { projectForm, setProjectRules } from '../helpers/projects';

const T0 = CONSULTATION.during;
const TODAY = T0.toISOString().slice(0, 10);
const ROOM = { ip: '41.73.100.7' };
const CODE_SHAPE = new RegExp(`^NIO-[${CODE_ALPHABET}]{5}$`);

let t: TestDb;
let nioroSpace: number;
let kayesSpace: number;
let nioro: number;
let fanta: User; // facilitator of the Nioro space
let ousmane: User; // facilitator of the Kayes space
let admin: User;
let awa: User; // citizen with a phone
let bakary: User; // official of Nioro
let topicId: number;

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  nioroSpace = t.spaceId('nioro');
  kayesSpace = t.spaceId('kayes-ville');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
  ousmane = await addUser(t, { displayName: 'Ousmane Keïta', grants: [{ role: 'facilitator', spaceId: kayesSpace }] });
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001', communeId: nioro });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro' }] });
  topicId = addTopic(t, { authorId: bakary.id, communeId: nioro }).id;
});
afterEach(() => t.cleanup());

const as = (u: User | number) => actorOf(t.db, typeof u === 'number' ? u : u.id);

const registration = (fields: Record<string, string> = {}) => ({
  spaceId: String(nioroSpace),
  displayName: 'Kadiatou Dembélé',
  communeId: String(nioro),
  gender: 'woman',
  birthYear: '2004',
  language: 'fr',
  consent: 'yes',
  consentDate: TODAY,
  ...fields,
});

/** Registers through the use case; the PIN is drawn at random unless given. */
async function register(fields: Record<string, string> = {}, by: User = fanta, pin?: string): Promise<ParticipantSlip> {
  const r = await registerParticipant(t.db, as(by), registration(fields), { now: T0, ...(pin ? { pin: () => pin } : {}) });
  if (!r.ok) throw new Error(`registration refused: ${JSON.stringify(r)}`);
  return r.value;
}

const userRow = (id: number) => t.db.select().from(users).where(eq(users.id, id)).get()!;
const rows = (table: typeof users | typeof comments | typeof votes | typeof commentSupports | typeof projectSupports | typeof projects | typeof assistedContributions | typeof auditLog) =>
  t.db.select({ n: count() }).from(table).get()?.n ?? 0;
/** Every table an assisted contribution could write to. */
const snapshot = () => ({
  comments: rows(comments),
  votes: rows(votes),
  commentSupports: rows(commentSupports),
  projectSupports: rows(projectSupports),
  projects: rows(projects),
  assisted: rows(assistedContributions),
  audit: rows(auditLog),
  users: rows(users),
});

function assist(by: User, participant: string, kind: string, payload: Record<string, string>, extra: Record<string, string> = {}, now = T0) {
  return contributeForParticipant(t.db, as(by), { spaceId: String(nioroSpace), participant, consent: 'yes', kind, ...payload, ...extra }, now);
}
async function assisted(by: User, participant: string, kind: string, payload: Record<string, string>) {
  const r = await assist(by, participant, kind, payload);
  if (!r.ok) throw new Error(`assisted ${kind} refused: ${JSON.stringify(r)}`);
  return r.value;
}
const signIn = (identifier: string, password: string, meta = ROOM) => authenticate(t.db, { identifier, password }, meta);

describe('a facilitator registers a participant with no phone or email', () => {
  it('issues a readable code with the space prefix and a 6-digit PIN, stored hashed, with the consent dated and the act audited', async () => {
    const slip = await register();
    expect(slip.code).toMatch(CODE_SHAPE);
    expect(slip.pin).toMatch(/^\d{6}$/);
    expect(slip).toMatchObject({ displayName: 'Kadiatou Dembélé', language: 'fr', spaceName: 'Espace connecté de Nioro', spaceAddress: 'Près de la mairie, Nioro du Sahel' });
    const row = userRow(slip.userId);
    expect(row).toMatchObject({
      participantCode: slip.code,
      phone: null,
      email: null,
      communeId: nioro,
      gender: 'woman',
      birthYear: 2004,
      registeredAtSpaceId: nioroSpace,
      registeredBy: fanta.id,
      consentGivenOn: TODAY,
    });
    // The PIN is stored like a password: an argon2id hash, never the digits.
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(slip.pin);
    expect(await verifyPassword(row.passwordHash, slip.pin)).toBe(true);
    const [audit] = auditRows(t.db, 'participant.register');
    expect(audit).toMatchObject({ actorId: fanta.id, subjectType: 'user', subjectId: slip.userId, details: { spaceId: nioroSpace, code: slip.code, consentGivenOn: TODAY } });
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain(slip.pin);
  });

  it('never gives the same code twice, even when the random draw repeats', async () => {
    const first = await register({}, fanta);
    const draws = [first.code, first.code, 'NIO-7K3PA'];
    const r = await registerParticipant(t.db, as(fanta), registration({ displayName: 'Mariam Sow' }), { now: T0, code: () => draws.shift()! });
    expect(r).toMatchObject({ ok: true, value: { code: 'NIO-7K3PA' } });
    const codes = new Set<string>();
    for (let i = 0; i < 8; i++) codes.add((await register({ displayName: `Participante ${i}` })).code);
    expect(codes.size).toBe(8);
    for (const c of codes) expect(c).toMatch(CODE_SHAPE);
  });

  it('refuses without the consent box, or with a consent date in the future or not a date, and writes nothing', async () => {
    const before = snapshot();
    const noConsent = await registerParticipant(t.db, as(fanta), registration({ consent: '' }), { now: T0 });
    expect(noConsent).toEqual({ ok: false, error: 'invalid', fieldErrors: { consent: 'consentRequired' } });
    const withoutField: Record<string, string> = registration();
    delete withoutField.consent;
    expect(await registerParticipant(t.db, as(fanta), withoutField, { now: T0 })).toEqual({ ok: false, error: 'invalid', fieldErrors: { consent: 'consentRequired' } });
    expect(await registerParticipant(t.db, as(fanta), registration({ consentDate: '2027-03-11' }), { now: T0 })).toEqual({ ok: false, error: 'invalid', fieldErrors: { consentDate: 'consentDateRange' } });
    expect(await registerParticipant(t.db, as(fanta), registration({ consentDate: '2027-02-30' }), { now: T0 })).toMatchObject({ fieldErrors: { consentDate: 'dateInvalid' } });
    expect(await registerParticipant(t.db, as(fanta), registration({ consentDate: '' }), { now: T0 })).toMatchObject({ fieldErrors: { consentDate: 'consentDateRequired' } });
    expect(snapshot()).toEqual(before);
    // Yesterday's consent, recorded today, is fine.
    expect((await register({ consentDate: '2027-03-09' })).userId).toBeGreaterThan(0);
  });

  it('screens the name like any display name', async () => {
    const r = await registerParticipant(t.db, as(fanta), registration({ displayName: 'Grosse salope' }), { now: T0 });
    expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { displayName: 'nameAbusive' } });
  });

  it('only a facilitator of that space, or an admin, may register there', async () => {
    const citizen = await addUser(t, { displayName: 'Citoyen' });
    const suspended = await addUser(t, { displayName: 'Animatrice suspendue', suspendedUntil: '2999-01-01T00:00:00.000Z', grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
    for (const u of [citizen, ousmane, suspended, bakary]) {
      expect(await registerParticipant(t.db, as(u), registration(), { now: T0 })).toEqual({ ok: false, error: 'forbidden' });
    }
    expect(await registerParticipant(t.db, null, registration(), { now: T0 })).toEqual({ ok: false, error: 'forbidden' });
    expect((await register({}, admin)).code).toMatch(CODE_SHAPE);
    expect(auditRows(t.db, 'participant.register')).toHaveLength(1);
  });

  it('lists the participants of a space, and finds one by code however it is typed', async () => {
    const a = await register({ displayName: 'Kadiatou Dembélé' });
    await register({ displayName: 'Mariam Sow' });
    expect(participantsOf(t.db, [nioroSpace], { code: null, text: '' }).map((p) => p.displayName)).toEqual(['Mariam Sow', 'Kadiatou Dembélé']);
    const typed = a.code.toLowerCase().replace('-', '');
    expect(participantsOf(t.db, [nioroSpace], { code: normalizeParticipantCode(typed), text: typed })).toMatchObject([{ id: a.userId, code: a.code, consentGivenOn: TODAY }]);
    expect(participantsOf(t.db, [kayesSpace], { code: null, text: '' })).toEqual([]);
  });
});

describe('a participant signs in with code and PIN', () => {
  it('accepts the code in capitals or lower case, with or without the dash or spaces', async () => {
    const slip = await register({}, fanta, '052716');
    const [prefix, suffix] = slip.code.split('-') as [string, string];
    for (const typed of [slip.code, slip.code.toLowerCase(), `${prefix}${suffix}`, `${prefix.toLowerCase()}${suffix.toLowerCase()}`, ` ${prefix} ${suffix} `]) {
      expect(await signIn(typed, slip.pin)).toEqual({ ok: true, value: { userId: slip.userId, sessionVersion: 1 } });
    }
    expect(slip.pin).toBe('052716');
    expect(await signIn(slip.code, '052717')).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: 'badCredentials' } });
  });

  it('locks the code after 5 wrong PINs in 15 minutes, however the code is typed and from whatever address', async () => {
    expect(LIMITS.signInPerIdentifier).toEqual({ points: 5, duration: 900 });
    const slip = await register({}, fanta, '314159');
    const other = await register({ displayName: 'Mariam Sow' });
    const wrong = '123456';
    const spellings = [slip.code, slip.code.toLowerCase(), slip.code.replace('-', ''), slip.code.toLowerCase().replace('-', ''), slip.code];
    const results = [];
    for (const [i, typed] of spellings.entries()) results.push(await signIn(typed, wrong, { ip: `10.0.0.${i + 1}` }));
    expect(results.slice(0, 4).every((r) => !r.ok && r.error === 'invalid')).toBe(true);
    // The fifth failure already says to wait, and the right PIN is refused now, from anywhere.
    expect(results[4]).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await signIn(slip.code.toLowerCase(), slip.pin, { ip: '192.168.9.9' })).toMatchObject({ ok: false, error: 'rate_limited' });
    // Per code, not per address: another participant in the same room signs in.
    expect(await signIn(other.code, other.pin)).toMatchObject({ ok: true, value: { userId: other.userId } });
  });
});

describe('a facilitator resets a participant’s PIN in person', () => {
  it('the old PIN stops working, the new one works, other sessions end and the act is audited', async () => {
    const slip = await register({}, fanta, '111111');
    const before = userRow(slip.userId).sessionVersion;
    const r = await resetParticipantPin(t.db, as(fanta), { participantId: String(slip.userId), present: 'yes' }, { now: T0, pin: () => '222222' });
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ userId: slip.userId, code: slip.code, pin: '222222', spaceName: 'Espace connecté de Nioro' }),
    });
    expect(userRow(slip.userId).sessionVersion).toBe(before + 1);
    // A session opened with the old PIN ends at its next request.
    expect(loadActor(t.db, { userId: slip.userId, sessionVersion: before })).toBeNull();
    expect(await signIn(slip.code, '111111')).toMatchObject({ ok: false, error: 'invalid' });
    expect(await signIn(slip.code, '222222')).toEqual({ ok: true, value: { userId: slip.userId, sessionVersion: before + 1 } });
    expect(auditRows(t.db, 'participant.pin_reset')).toMatchObject([{ actorId: fanta.id, subjectType: 'user', subjectId: slip.userId, details: { spaceId: nioroSpace, code: slip.code } }]);
    expect(JSON.stringify(auditRows(t.db, 'participant.pin_reset'))).not.toContain('222222');
  });

  it('lifts the lock on the code, since the facilitator has just seen who the participant is', async () => {
    const slip = await register({}, fanta, '999999');
    for (let i = 0; i < 5; i++) await signIn(slip.code, '888888');
    expect(await signIn(slip.code, slip.pin)).toMatchObject({ error: 'rate_limited' });
    const r = await resetParticipantPin(t.db, as(fanta), { participantId: String(slip.userId), present: 'yes' }, { now: T0, pin: () => '246810' });
    expect(r.ok).toBe(true);
    expect(await signIn(slip.code, '246810')).toMatchObject({ ok: true });
  });

  it('only a facilitator of the space that registered them, or an admin; never for a phone or email account; only in person', async () => {
    const slip = await register();
    const input = { participantId: String(slip.userId), present: 'yes' };
    expect(await resetParticipantPin(t.db, as(ousmane), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(await resetParticipantPin(t.db, as(awa), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(await resetParticipantPin(t.db, as(slip.userId), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(await resetParticipantPin(t.db, as(fanta), { participantId: String(awa.id), present: 'yes' })).toEqual({ ok: false, error: 'forbidden' });
    expect(await resetParticipantPin(t.db, as(fanta), { participantId: String(slip.userId), present: '' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { present: 'presenceRequired' } });
    expect(await resetParticipantPin(t.db, as(fanta), { participantId: '99999', present: 'yes' })).toEqual({ ok: false, error: 'not_found' });
    expect(auditRows(t.db, 'participant.pin_reset')).toEqual([]);
    expect((await resetParticipantPin(t.db, as(admin), input)).ok).toBe(true);
  });
});

describe('assisted contributions', () => {
  let kadi: ParticipantSlip;
  let projectId: number;
  let awaComment: number;
  beforeEach(async () => {
    kadi = await register();
    setProjectRules(t, admin.id, nioro, 10, 90);
    const p = saveProject(t.db, as(awa), projectForm(nioro), T0);
    if (!p.ok) throw new Error('project');
    projectId = p.value.projectId;
    const c = createComment(t.db, as(awa), { topicId: String(topicId), stance: 'for', body: 'Le forage doit être près de l’école.' }, T0);
    if (!c.ok) throw new Error('comment');
    awaComment = c.value.commentId;
  });

  const assistedRow = (id: number) => t.db.select().from(assistedContributions).where(eq(assistedContributions.id, id)).get()!;

  it('a comment belongs to the participant, with its assisted row and an audit row naming the facilitator', async () => {
    const out = await assisted(fanta, kadi.code.toLowerCase(), 'comment', { topicId: String(topicId), stance: 'question', body: 'Qui gardera la clé du forage ?' });
    expect(out).toMatchObject({ kind: 'comment', participantId: kadi.userId, participantName: 'Kadiatou Dembélé', topicId, projectId: null, held: false });
    const comment = t.db.select().from(comments).where(eq(comments.id, out.subjectId)).get()!;
    expect(comment).toMatchObject({ authorId: kadi.userId, topicId, stance: 'question', body: 'Qui gardera la clé du forage ?', visibility: 'visible' });
    expect(assistedRow(out.assistedId)).toMatchObject({
      participantId: kadi.userId,
      facilitatorId: fanta.id,
      spaceId: nioroSpace,
      kind: 'comment',
      subjectId: comment.id,
      consentGivenAt: T0.toISOString(),
      withdrawnAt: null,
    });
    expect(auditRows(t.db, 'assisted.comment')).toMatchObject([
      { actorId: fanta.id, subjectType: 'comment', subjectId: comment.id, details: { participantId: kadi.userId, participantName: 'Kadiatou Dembélé', spaceId: nioroSpace, assistedId: out.assistedId } },
    ]);
    // The comment itself is the participant's, as if she had typed it.
    expect(auditRows(t.db, 'comment.create').at(-1)).toMatchObject({ actorId: kadi.userId, subjectId: comment.id });
  });

  it('a reply on a project, a vote, a comment support, a project support and a project proposal: each the participant’s, each recorded', async () => {
    const reply = await assisted(fanta, kadi.code, 'comment', { projectId: String(projectId), stance: 'for', body: 'Les femmes du marché soutiennent ces lampes.' });
    const projectComment = t.db.select().from(comments).where(eq(comments.id, reply.subjectId)).get()!;
    expect(projectComment).toMatchObject({ authorId: kadi.userId, projectId, topicId: null });

    const vote = await assisted(fanta, kadi.code, 'vote', { topicId: String(topicId), choice: 'for' });
    expect(vote).toMatchObject({ kind: 'vote', subjectId: topicId });
    expect(t.db.select().from(votes).where(eq(votes.userId, kadi.userId)).all()).toMatchObject([{ topicId, choice: 'for' }]);
    expect(t.db.select().from(topics).where(eq(topics.id, topicId)).get()!.voteCount).toBe(1);

    const cs = await assisted(fanta, kadi.code, 'comment_support', { commentId: String(awaComment) });
    expect(cs).toMatchObject({ kind: 'comment_support', subjectId: awaComment, topicId });
    expect(t.db.select().from(commentSupports).where(eq(commentSupports.userId, kadi.userId)).all()).toMatchObject([{ commentId: awaComment }]);
    expect(t.db.select().from(comments).where(eq(comments.id, awaComment)).get()!.supportCount).toBe(1);

    const ps = await assisted(fanta, kadi.code, 'project_support', { projectId: String(projectId) });
    expect(ps).toMatchObject({ kind: 'project_support', subjectId: projectId });
    expect(t.db.select().from(projectSupports).where(eq(projectSupports.userId, kadi.userId)).all()).toMatchObject([{ projectId }]);

    const { communeId, title, problem, solution, sector, location, estimatedCost, beneficiaries, onBehalfOf } = projectForm(nioro, { title: 'Un moulin à karité pour le groupement Benkadi' });
    const proposal = await assisted(fanta, kadi.code, 'project', { communeId, title, problem, solution, sector, location, estimatedCost, beneficiaries, onBehalfOf } as Record<string, string>);
    const newProject = t.db.select().from(projects).where(eq(projects.id, proposal.subjectId)).get()!;
    expect(newProject).toMatchObject({ authorId: kadi.userId, status: 'collecting', title: 'Un moulin à karité pour le groupement Benkadi' });

    const kinds = t.db.select().from(assistedContributions).all();
    expect(kinds.map((k) => [k.kind, k.subjectId, k.participantId, k.facilitatorId, k.spaceId])).toEqual([
      ['comment', reply.subjectId, kadi.userId, fanta.id, nioroSpace],
      ['vote', topicId, kadi.userId, fanta.id, nioroSpace],
      ['comment_support', awaComment, kadi.userId, fanta.id, nioroSpace],
      ['project_support', projectId, kadi.userId, fanta.id, nioroSpace],
      ['project', newProject.id, kadi.userId, fanta.id, nioroSpace],
    ]);
    for (const action of ['assisted.comment', 'assisted.vote', 'assisted.comment_support', 'assisted.project_support', 'assisted.project']) {
      expect(auditRows(t.db, action)).toMatchObject([{ actorId: fanta.id, details: { participantId: kadi.userId } }]);
    }
    // A citizen who registered on her own is helped too, found by phone, once she types her own password.
    expect(await assist(fanta, '76 00 00 01', 'vote', { topicId: String(topicId), choice: 'against' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    expect((await assist(fanta, '76 00 00 01', 'vote', { topicId: String(topicId), choice: 'against' }, { participantPassword: TEST_PASSWORD })) as { value: { participantId: number } }).toMatchObject({ ok: true, value: { participantId: awa.id } });
  });

  it('without the participant’s consent nothing is written, whatever the kind, and the answer names the box', async () => {
    const before = snapshot();
    const payloads: [string, Record<string, string>][] = [
      ['comment', { topicId: String(topicId), stance: 'for', body: 'Un texte écrit sans accord.' }],
      ['vote', { topicId: String(topicId), choice: 'for' }],
      ['comment_support', { commentId: String(awaComment) }],
      ['project_support', { projectId: String(projectId) }],
      ['project', { ...projectForm(nioro), intent: undefined as unknown as string, coProposers: undefined as unknown as string }],
    ];
    for (const [kind, payload] of payloads) {
      const clean = Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined)) as Record<string, string>;
      for (const consent of ['', 'no', undefined]) {
        const input: Record<string, string> = { spaceId: String(nioroSpace), participant: kadi.code, kind, ...clean };
        if (consent !== undefined) input.consent = consent;
        expect(await contributeForParticipant(t.db, as(fanta), input, T0)).toEqual({ ok: false, error: 'invalid', fieldErrors: { consent: 'consentRequired' } });
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('someone who is not a facilitator of that space cannot, nor for themselves, nor for a suspended participant; nothing is written', async () => {
    const suspendedFacilitator = await addUser(t, { displayName: 'Suspendue', suspendedUntil: '2999-01-01T00:00:00.000Z', grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
    await addUser(t, { displayName: 'Citoyenne suspendue', phone: '+22376000009', suspendedUntil: '2999-01-01T00:00:00.000Z' });
    const before = snapshot();
    const comment = { topicId: String(topicId), stance: 'for', body: 'Un texte pour quelqu’un.' };
    for (const who of [ousmane, awa, bakary, admin, suspendedFacilitator]) {
      expect(await assist(who, kadi.code, 'comment', comment)).toEqual({ ok: false, error: 'forbidden' });
    }
    expect(await contributeForParticipant(t.db, null, { spaceId: String(nioroSpace), participant: kadi.code, consent: 'yes', kind: 'comment', ...comment }, T0)).toEqual({ ok: false, error: 'forbidden' });
    // Ousmane at his own space does not know Kadiatou, registered at Nioro: she must type her own PIN there.
    const atKayes = { spaceId: String(kayesSpace), participant: kadi.code, consent: 'yes', kind: 'comment', ...comment };
    expect(await contributeForParticipant(t.db, as(ousmane), atKayes, T0)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    expect(snapshot()).toEqual(before);
    expect(await contributeForParticipant(t.db, as(ousmane), { ...atKayes, participantPassword: kadi.pin }, T0)).toMatchObject({ ok: true });
    const afterOusmane = snapshot();
    expect(await assist(fanta, '+22376000003', 'comment', comment)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    expect(await assist(fanta, 'NIO-22222', 'comment', comment)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    t.db.update(users).set({ phone: '+22376000003' }).where(eq(users.id, fanta.id)).run();
    expect(await assist(fanta, '76000003', 'comment', comment)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantSelf' } });
    expect(await assist(fanta, '76000009', 'comment', comment)).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantNotKnownHere' } });
    expect(await assist(fanta, '76000009', 'comment', comment, { participantPassword: TEST_PASSWORD })).toEqual({ ok: false, error: 'invalid', fieldErrors: { participant: 'participantSuspended' } });
    expect(snapshot()).toEqual(afterOusmane);
    expect(afterOusmane.assisted).toBe(before.assisted + 1);
  });

  it('screening applies to the text exactly as if the participant had written it', async () => {
    const before = snapshot();
    expect(await assist(fanta, kadi.code, 'comment', { topicId: String(topicId), stance: 'against', body: 'espèce de connard' })).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    expect(snapshot()).toEqual(before);
    // The facilitator is trusted, the participant is not: in "everything is reviewed" mode, it is held.
    expect(updateModerationRules(t.db, as(admin), { communeId: String(nioro), mode: 'all', newAccountCount: '2', reportThreshold: '3' }).ok).toBe(true);
    const held = await assisted(fanta, kadi.code, 'comment', { topicId: String(topicId), stance: 'for', body: 'Il faut un comité de gestion avec des femmes.' });
    expect(held.held).toBe(true);
    expect(t.db.select().from(comments).where(eq(comments.id, held.subjectId)).get()!.visibility).toBe('held');
  });

  it('the contribution, its assisted row and its audit row are written together or not at all', async () => {
    // Make the assisted row impossible to write: the comment written just before must be rolled back with it.
    t.db.$client.exec(`CREATE TRIGGER no_assist BEFORE INSERT ON assisted_contributions BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    const before = snapshot();
    await expect(assist(fanta, kadi.code, 'comment', { topicId: String(topicId), stance: 'for', body: 'Ce commentaire ne doit pas rester seul.' })).rejects.toThrow('refused by test');
    expect(snapshot()).toEqual(before);
    expect(t.db.select().from(topics).where(eq(topics.id, topicId)).get()!.commentCount).toBe(1);
  });

  it('the same vote or support twice is refused the second time and recorded once', async () => {
    await assisted(fanta, kadi.code, 'vote', { topicId: String(topicId), choice: 'for' });
    await assisted(fanta, kadi.code, 'comment_support', { commentId: String(awaComment) });
    await assisted(fanta, kadi.code, 'project_support', { projectId: String(projectId) });
    const before = snapshot();
    expect(await assist(fanta, kadi.code, 'vote', { topicId: String(topicId), choice: 'for' })).toEqual({ ok: false, error: 'rejected', reason: 'alreadyVoted' });
    expect(await assist(fanta, kadi.code, 'comment_support', { commentId: String(awaComment) })).toEqual({ ok: false, error: 'rejected', reason: 'alreadySupported' });
    expect(await assist(fanta, kadi.code, 'project_support', { projectId: String(projectId) })).toEqual({ ok: false, error: 'rejected', reason: 'alreadySupported' });
    expect(snapshot()).toEqual(before);
  });

  it('shows the badge on the comment page (one query for the page), in the moderation queue, and to the participant', async () => {
    const out = await assisted(fanta, kadi.code, 'comment', { topicId: String(topicId), stance: 'for', body: 'Un banc à l’ombre près du forage.' });
    const page = commentsPage(t.db, { kind: 'topic', id: topicId }, nioro, 'oldest', 1, null);
    expect(page.top.map((c) => [c.id, c.assistedAt])).toEqual([
      [awaComment, null],
      [out.subjectId, 'Espace connecté de Nioro'],
    ]);
    // Replies carry it too.
    const reply = await assisted(fanta, kadi.code, 'comment', { topicId: String(topicId), parentId: String(awaComment), stance: 'for', body: 'D’accord avec Awa.' });
    expect(commentsPage(t.db, { kind: 'topic', id: topicId }, nioro, 'oldest', 1, null).replies).toMatchObject([{ id: reply.subjectId, assistedAt: 'Espace connecté de Nioro' }]);
    const plan = t.db.$client
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM comments LEFT JOIN assisted_contributions a ON a.kind = 'comment' AND a.subject_id = comments.id WHERE comments.topic_id = ?`)
      .all(topicId) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/assisted_subject_idx/);

    expect(updateModerationRules(t.db, as(admin), { communeId: String(nioro), mode: 'all', newAccountCount: '2', reportThreshold: '3' }).ok).toBe(true);
    const held = await assisted(fanta, kadi.code, 'comment', { topicId: String(topicId), stance: 'for', body: 'Une clôture autour du forage.' });
    const queue = moderationQueue(t.db, { communes: 'all', nowIso: T0.toISOString() });
    expect(queue.find((q) => q.contentId === held.subjectId)).toMatchObject({ contentType: 'comment', assistedAt: 'Espace connecté de Nioro', assistedBy: 'Fanta Sissoko' });

    expect(assistedFor(t.db, kadi.userId).map((a) => [a.kind, a.space, a.facilitator, a.topicTitle])).toEqual([
      ['comment', 'Espace connecté de Nioro', 'Fanta Sissoko', 'Nouveau forage au quartier Plateau'],
      ['comment', 'Espace connecté de Nioro', 'Fanta Sissoko', 'Nouveau forage au quartier Plateau'],
      ['comment', 'Espace connecté de Nioro', 'Fanta Sissoko', 'Nouveau forage au quartier Plateau'],
    ]);
    expect(assistedFor(t.db, awa.id)).toEqual([]);

    // A project proposed with help carries it on its page; one proposed alone does not.
    const { communeId, title, problem, solution, sector, location, estimatedCost, beneficiaries, onBehalfOf } = projectForm(nioro, { title: 'Un jardin maraîcher pour les femmes' });
    const helped = await assisted(fanta, kadi.code, 'project', { communeId, title, problem, solution, sector, location, estimatedCost, beneficiaries, onBehalfOf } as Record<string, string>);
    expect(assistedSpaceOf(t.db, 'project', helped.subjectId)).toBe('Espace connecté de Nioro');
    expect(assistedSpaceOf(t.db, 'project', projectId)).toBeNull();
    expect(assistedSpaceOf(t.db, 'comment', awaComment)).toBeNull();
  });

  describe('the participant withdraws', () => {
    it('each kind: the comment is deleted with its text kept, the vote and supports removed, the project withdrawn', async () => {
      const c = await assisted(fanta, kadi.code, 'comment', { topicId: String(topicId), stance: 'for', body: 'Je retirerai ce commentaire.' });
      const v = await assisted(fanta, kadi.code, 'vote', { topicId: String(topicId), choice: 'against' });
      const cs = await assisted(fanta, kadi.code, 'comment_support', { commentId: String(awaComment) });
      const ps = await assisted(fanta, kadi.code, 'project_support', { projectId: String(projectId) });
      const { communeId, title, problem, solution, sector, location, estimatedCost, beneficiaries, onBehalfOf } = projectForm(nioro);
      const p = await assisted(fanta, kadi.code, 'project', { communeId, title, problem, solution, sector, location, estimatedCost, beneficiaries, onBehalfOf } as Record<string, string>);
      const me = as(kadi.userId);
      const topicBefore = t.db.select().from(topics).where(eq(topics.id, topicId)).get()!;

      for (const a of [c, v, cs, ps, p]) {
        expect(withdrawAssisted(t.db, me, { assistedId: String(a.assistedId) }, T0)).toMatchObject({ ok: true, value: { assistedId: a.assistedId, kind: a.kind } });
        expect(assistedRow(a.assistedId).withdrawnAt).toBe(T0.toISOString());
      }
      const comment = t.db.select().from(comments).where(eq(comments.id, c.subjectId)).get()!;
      expect(comment.deletedAt).toBe(T0.toISOString());
      expect(comment.body).toBe('Je retirerai ce commentaire.');
      const topicAfter = t.db.select().from(topics).where(eq(topics.id, topicId)).get()!;
      expect(topicAfter.commentCount).toBe(topicBefore.commentCount - 1);
      expect(topicAfter.voteCount).toBe(topicBefore.voteCount - 1);
      expect(t.db.select().from(votes).where(eq(votes.userId, kadi.userId)).all()).toEqual([]);
      expect(t.db.select().from(commentSupports).where(eq(commentSupports.userId, kadi.userId)).all()).toEqual([]);
      expect(t.db.select().from(comments).where(eq(comments.id, awaComment)).get()!.supportCount).toBe(0);
      expect(t.db.select().from(projectSupports).where(eq(projectSupports.userId, kadi.userId)).all()).toEqual([]);
      expect(t.db.select().from(projects).where(eq(projects.id, p.subjectId)).get()!.status).toBe('withdrawn');
      expect(auditRows(t.db, 'assisted.withdraw').map((a) => [a.actorId, a.subjectId, (a.details as { kind: string }).kind])).toEqual([
        [kadi.userId, c.assistedId, 'comment'],
        [kadi.userId, v.assistedId, 'vote'],
        [kadi.userId, cs.assistedId, 'comment_support'],
        [kadi.userId, ps.assistedId, 'project_support'],
        [kadi.userId, p.assistedId, 'project'],
      ]);
      // Once is enough.
      expect(withdrawAssisted(t.db, me, { assistedId: String(c.assistedId) }, T0)).toEqual({ ok: false, error: 'forbidden' });
    });

    it('nobody else may withdraw it: not the facilitator, not an admin, not another citizen', async () => {
      const c = await assisted(fanta, kadi.code, 'comment', { topicId: String(topicId), stance: 'for', body: 'Ceci reste à moi.' });
      const before = snapshot();
      for (const who of [fanta, admin, awa, bakary]) {
        expect(withdrawAssisted(t.db, as(who), { assistedId: String(c.assistedId) }, T0)).toEqual({ ok: false, error: 'forbidden' });
      }
      expect(withdrawAssisted(t.db, null, { assistedId: String(c.assistedId) }, T0)).toEqual({ ok: false, error: 'forbidden' });
      expect(withdrawAssisted(t.db, as(kadi.userId), { assistedId: '99999' }, T0)).toEqual({ ok: false, error: 'not_found' });
      expect(snapshot()).toEqual(before);
      expect(assistedRow(c.assistedId).withdrawnAt).toBeNull();
    });

    it('after the consultation closes, a vote stays counted and the answer says why; nothing changes', async () => {
      const v = await assisted(fanta, kadi.code, 'vote', { topicId: String(topicId), choice: 'for' });
      const before = snapshot();
      expect(withdrawAssisted(t.db, as(kadi.userId), { assistedId: String(v.assistedId) }, CONSULTATION.after)).toEqual({ ok: false, error: 'rejected', reason: 'withdrawVoteClosed' });
      expect(snapshot()).toEqual(before);
      expect(assistedRow(v.assistedId).withdrawnAt).toBeNull();
    });
  });

  it('a facilitator may enter at most 300 contributions an hour, counted on their account, not on the room’s address', async () => {
    expect(LIMITS.assistPerAccount).toEqual({ points: 300, duration: 3600 });
    for (let i = 0; i < 299; i++) await hit(t.db, 'assistPerAccount', `u:${fanta.id}`);
    expect((await assist(fanta, kadi.code, 'vote', { topicId: String(topicId), choice: 'for' })).ok).toBe(true);
    const before = snapshot();
    expect(await assist(fanta, kadi.code, 'vote', { topicId: String(topicId), choice: 'against' })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(snapshot()).toEqual(before);
    // Another facilitator of the same room is not held back.
    const aminata = await addUser(t, { displayName: 'Aminata', grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
    expect((await assist(aminata, kadi.code, 'vote', { topicId: String(topicId), choice: 'against' })).ok).toBe(true);
  });
});

describe('limits per facilitator account', () => {
  it('60 registrations an hour per facilitator; the next one is refused and nothing is written', async () => {
    expect(LIMITS.participantRegisterPerAccount).toEqual({ points: 60, duration: 3600 });
    for (let i = 0; i < 59; i++) await hit(t.db, 'participantRegisterPerAccount', `u:${fanta.id}`);
    await register({ displayName: 'La soixantième' });
    const before = snapshot();
    expect(await registerParticipant(t.db, as(fanta), registration({ displayName: 'Une de trop' }), { now: T0 })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(snapshot()).toEqual(before);
    expect((await register({ displayName: 'Inscrite par l’admin' }, admin)).userId).toBeGreaterThan(0);
  });

  it('30 PIN resets an hour per facilitator', async () => {
    expect(LIMITS.pinResetPerAccount).toEqual({ points: 30, duration: 3600 });
    const slip = await register();
    for (let i = 0; i < 30; i++) await hit(t.db, 'pinResetPerAccount', `u:${fanta.id}`);
    expect(await resetParticipantPin(t.db, as(fanta), { participantId: String(slip.userId), present: 'yes' })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await signIn(slip.code, slip.pin)).toMatchObject({ ok: true });
  });
});

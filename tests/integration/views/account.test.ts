import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users, type User } from '@/db/schema';
import { loadSessionActor } from '@/lib/accounts/load-actor';
import { openSession } from '@/lib/accounts/sessions';
import { accountPage, afterSignIn, pinPage } from '@/lib/accounts/views';
import { registerParticipant } from '@/lib/participants/register-participant';
import { createComment } from '@/lib/comments/create-comment';
import { appealDecision } from '@/lib/moderation/appeals';
import { suspendUser } from '@/lib/moderation/sanctions';
import type { ViewContext } from '@/lib/view-context';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../../helpers/db';

/**
 * /account and /account/pin through their view loaders: one's own profile, roles, suspension and
 * sessions; nothing for anyone not signed in.
 */

const T0 = CONSULTATION.during;
const PHONE = { userAgent: 'Mozilla/5.0 (Linux; Android 10; TECNO KC8) Chrome/120 Mobile', ip: '41.73.100.7' };

let t: TestDb;
let nioro: number;
let awa: User;
let bakary: User;
let kadiatou: User; // region moderator

const ctx = (u: User | null, now = T0): ViewContext => ({ db: t.db, actor: u ? actorOf(t.db, u.id) : null, now });
const view = (u: User, now = T0) => {
  const v = accountPage(ctx(u, now));
  if (!v) throw new Error('no view');
  return v;
};

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376123456', communeId: nioro, gender: 'woman', birthYear: 1990 });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro' }] });
  kadiatou = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: null }] });
});
afterEach(() => t.cleanup());

describe('one’s account', () => {
  it('nobody signed in: no account page, no PIN page', () => {
    expect(accountPage(ctx(null))).toBeNull();
    expect(pinPage(ctx(null))).toBeNull();
  });

  it('a citizen sees their profile as the form shows it, the communes to choose from, and no role', () => {
    expect(view(awa)).toMatchObject({
      profile: { displayName: 'Awa Traoré', phone: '+22376123456', email: '', communeId: String(nioro), gender: 'woman', birthYear: '1990', language: 'fr' },
      isParticipant: false,
      pinChoicePending: false,
      grants: [],
      suspension: null,
    });
    expect(view(awa).communes.find((c) => c.id === nioro)).toEqual({ id: nioro, name: 'Nioro du Sahel' });
    expect(pinPage(ctx(awa))).toEqual({ participant: false, pinChoicePending: false });
  });

  it('an official and a region moderator see their roles and where they apply', () => {
    expect(view(bakary).grants).toEqual([{ id: expect.any(Number), role: 'official', title: 'Maire de Nioro', communeId: nioro, commune: 'Nioro du Sahel', space: null }]);
    expect(view(kadiatou).grants).toEqual([{ id: expect.any(Number), role: 'moderator', title: null, communeId: null, commune: null, space: null }]);
  });

  it('a participant registered by a facilitator chooses a PIN rather than a password', async () => {
    const fanta = await addUser(t, { grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
    const slip = await registerParticipant(
      t.db,
      actorOf(t.db, fanta.id),
      { spaceId: String(t.spaceId('nioro')), displayName: 'Kadi Dembélé', communeId: String(nioro), gender: '', birthYear: '', language: 'fr', consent: 'yes', consentDate: '2027-03-10' },
      { now: T0 },
    );
    if (!slip.ok) throw new Error(JSON.stringify(slip));
    const kadi = { id: slip.value.userId } as User;
    expect(view(kadi)).toMatchObject({ isParticipant: true, pinChoicePending: true });
    expect(pinPage(ctx(kadi))).toEqual({ participant: true, pinChoicePending: true });
  });

  it('one’s open sessions, this device marked, the others counted', () => {
    const here = openSession(t.db, { userId: awa.id, sessionVersion: 1, ...PHONE }, T0);
    openSession(t.db, { userId: awa.id, sessionVersion: 1, userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/120', ip: '196.200.1.1' }, minutesAfter(T0, 5));
    openSession(t.db, { userId: bakary.id, sessionVersion: 1, ...PHONE }, T0);
    const actor = loadSessionActor(t.db, { userId: awa.id, sessionId: here.id }, { now: minutesAfter(T0, 10) });
    const v = accountPage({ db: t.db, actor, now: minutesAfter(T0, 10) });
    expect(v?.sessions).toHaveLength(2);
    expect(v?.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(v?.otherSessions).toBe(1);
  });

  it('a suspended citizen sees why and until when, and whether their appeal is pending', async () => {
    const official = bakary;
    const topic = addTopic(t, { authorId: official.id, communeId: nioro }).id;
    const c = createComment(t.db, actorOf(t.db, awa.id), { topicId: String(topic), stance: 'for', body: 'un avis pour le forage' }, T0);
    if (!c.ok) throw new Error('comment refused');
    const s = suspendUser(t.db, actorOf(t.db, kadiatou.id), { userId: String(awa.id), reason: 'Insultes répétées', days: '3', about: `comment:${c.value.commentId}` }, T0);
    if (!s.ok) throw new Error(JSON.stringify(s));
    const later = minutesAfter(T0, 60);
    expect(view(awa, later).suspension).toEqual({ until: expect.stringMatching(/^2027-03-13/), reason: 'Insultes répétées', sanctionId: s.value.sanctionId, appeal: null });
    const a = appealDecision(t.db, actorOf(t.db, awa.id), { moderationId: '', sanctionId: String(s.value.sanctionId), text: 'Je conteste cette suspension.' }, later);
    expect(a.ok).toBe(true);
    expect(view(awa, later).suspension?.appeal).toBe('pending');
    expect(view(bakary, later).suspension).toBeNull();
  });

  it('a permanent suspension has no end date', async () => {
    const s = suspendUser(t.db, actorOf(t.db, kadiatou.id), { userId: String(awa.id), reason: 'Menaces', days: '', about: '' }, T0);
    if (!s.ok) throw new Error(JSON.stringify(s));
    expect(view(awa, minutesAfter(T0, 1)).suspension).toMatchObject({ until: null, reason: 'Menaces' });
  });
});

describe('where a sign-in leads (issue 12 §2: existing accounts are asked to verify at their next sign-in)', () => {
  it('a verified account to the open consultations of its commune, in its language (issue 17 §8); one not verified yet to /verify; an unknown identifier to all open consultations, in French', async () => {
    const oumou = await addUser(t, { displayName: 'Oumou', phone: '+22377001122', language: 'bm', verifiedAt: null });
    expect(afterSignIn({ db: t.db }, '76 12 34 56')).toEqual({ locale: 'fr', path: `/topics?commune=${nioro}&phase=open&signedin=1` });
    expect(afterSignIn({ db: t.db }, '77 00 11 22')).toEqual({ locale: 'bm', path: '/verify?signedin=1' });
    expect(afterSignIn({ db: t.db }, 'personne@exemple.ml')).toEqual({ locale: 'fr', path: '/topics?phase=open&signedin=1' });
    // Once verified, the same sign-in leads to the open consultations of her commune.
    t.db.update(users).set({ verifiedAt: T0.toISOString(), verifiedVia: 'sms' }).where(eq(users.id, oumou.id)).run();
    expect(afterSignIn({ db: t.db }, '+22377001122')).toEqual({ locale: 'bm', path: `/topics?commune=${oumou.communeId}&phase=open&signedin=1` });
    // A participant still holding the PIN of her slip first chooses her own.
    t.db.update(users).set({ pinChoicePending: true }).where(eq(users.id, oumou.id)).run();
    expect(afterSignIn({ db: t.db }, '+22377001122')).toEqual({ locale: 'bm', path: '/account/pin' });
  });
});

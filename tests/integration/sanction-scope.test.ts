import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sanctions, users, type User } from '@/db/schema';
import { loadActor } from '@/lib/accounts/load-actor';
import { updateProfile } from '@/lib/accounts/update-profile';
import { createComment } from '@/lib/comments/create-comment';
import { appealDecision, decideAppeal } from '@/lib/moderation/appeals';
import { PERMANENT, suspendUser, warnUser } from '@/lib/moderation/sanctions';
import { revokeRole } from '@/lib/roles/revoke-role';
import { atOnce } from '../helpers/at-once';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

const T0 = CONSULTATION.during;

let t: TestDb;
let nioro: number;
let kayes: number;
let nioroTopic: number;
let kayesTopic: number;
let admin: User;
let admin2: User;
let kadiatou: User; // region moderator (all communes)
let sira: User; // moderator of Nioro du Sahel
let moussaMod: User; // another moderator of Nioro du Sahel
let seydou: User; // moderator of Kayes
let bakary: User; // official of Nioro
let awa: User; // citizen, home commune Nioro
let moussa: User; // citizen, home commune Kayes

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  kayes = t.communeId('kayes');
  admin = await addUser(t, { displayName: 'Admin Baro', grants: [{ role: 'admin' }] });
  admin2 = await addUser(t, { displayName: 'Admin Deux', grants: [{ role: 'admin' }] });
  kadiatou = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: null }] });
  sira = await addUser(t, { displayName: 'Sira Camara', communeId: nioro, grants: [{ role: 'moderator', communeId: nioro }] });
  moussaMod = await addUser(t, { displayName: 'Modibo Sangaré', communeId: nioro, grants: [{ role: 'moderator', communeId: nioro }] });
  seydou = await addUser(t, { displayName: 'Seydou Kanté', communeId: kayes, grants: [{ role: 'moderator', communeId: kayes }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', phone: '+22376000002', communeId: kayes });
  nioroTopic = addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Forage de Tata' }).id;
  kayesTopic = addTopic(t, { authorId: bakary.id, communeId: kayes, title: 'Pont de Kayes' }).id;
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
let minute = 0;
/** A visible comment by `u` on a topic, returned as what a sanction may be about. */
function commentBy(u: User, topicId: number): string {
  const r = createComment(t.db, as(u), { topicId: String(topicId), stance: 'for', body: `propos numero ${++minute} de ${u.displayName}` }, minutesAfter(T0, minute * 5));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return `comment:${r.value.commentId}`;
}
const suspend = (by: User, u: User, about: string, days = '7') => suspendUser(t.db, as(by), { userId: String(u.id), reason: 'Insultes répétées', days, about }, T0);
const warn = (by: User, u: User, about: string) => warnUser(t.db, as(by), { userId: String(u.id), reason: 'Restez courtois svp', about }, T0);
const suspendedUntil = (u: User) => t.db.select({ s: users.suspendedUntil }).from(users).where(eq(users.id, u.id)).get()!.s;
const profileOf = (u: User, communeId: number) => ({ displayName: u.displayName, phone: u.phone ?? '', email: u.email ?? '', communeId: String(communeId), gender: '', birthYear: '', language: 'fr' });

describe('a moderator’s sanction scope is the commune where the content was posted', () => {
  it('Nioro’s moderator sanctions a Kayes resident for what he wrote in Nioro; Kayes’s moderator may not', () => {
    const about = commentBy(moussa, nioroTopic);
    expect(warn(seydou, moussa, about)).toEqual({ ok: false, error: 'forbidden' });
    expect(warn(sira, moussa, about)).toMatchObject({ ok: true });
    expect(t.db.select().from(sanctions).get()).toMatchObject({ userId: moussa.id, communeId: nioro, moderatorId: sira.id });
  });

  it('a commune moderator may not name content of another commune, nor sanction without naming content', () => {
    expect(suspend(sira, awa, commentBy(awa, kayesTopic))).toEqual({ ok: false, error: 'forbidden' });
    expect(suspend(sira, awa, '')).toEqual({ ok: false, error: 'forbidden' });
    expect(suspend(sira, awa, 'comment:99999')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { about: 'sanctionAboutInvalid' } });
    expect(suspend(sira, awa, 'nonsense')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { about: 'invalidChoice' } });
    expect(suspendedUntil(awa)).toBeNull();
    // The region moderator and admins may, with or without naming content.
    expect(suspend(kadiatou, awa, '')).toMatchObject({ ok: true });
    expect(suspend(admin, moussa, commentBy(moussa, kayesTopic))).toMatchObject({ ok: true });
  });

  it('moving one’s home commune is audited and lifts nothing: the sanction stays with the content’s commune', async () => {
    const about = commentBy(awa, nioroTopic);
    expect(warn(sira, awa, about)).toMatchObject({ ok: true });
    expect(await updateProfile(t.db, as(awa), profileOf(awa, kayes))).toMatchObject({ ok: true });
    expect(auditRows(t.db, 'user.commune_change')).toMatchObject([{ actorId: awa.id, subjectId: awa.id, details: { from: nioro, to: kayes } }]);
    // Now living in Kayes, she is still answerable to Nioro for what she wrote in Nioro, and only there.
    expect(suspend(seydou, awa, about)).toEqual({ ok: false, error: 'forbidden' });
    const s = suspend(sira, awa, about);
    expect(s).toMatchObject({ ok: true });
    if (!s.ok) return;
    // Suspended, she cannot move again; the suspension is untouched.
    const until = suspendedUntil(awa);
    expect(await updateProfile(t.db, as(awa), profileOf(awa, nioro))).toEqual({ ok: false, error: 'forbidden' });
    expect(suspendedUntil(awa)).toBe(until);
    // Her appeal is settled in Nioro's scope: not by Kayes, nor by the moderator who decided.
    const appeal = appealDecision(t.db, as(awa), { moderationId: '', sanctionId: String(s.value.sanctionId), text: 'Je demande pardon, cela ne se reproduira pas.' }, T0);
    if (!appeal.ok) throw new Error(JSON.stringify(appeal));
    const decide = (u: User) => decideAppeal(t.db, as(u), { appealId: String(appeal.value.appealId), outcome: 'upheld', note: 'Premier écart, suspension levée.' }, T0);
    expect(decide(seydou)).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(sira)).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(moussaMod)).toMatchObject({ ok: true });
    expect(suspendedUntil(awa)).toBeNull();
  });

  it('lifting one suspension on appeal leaves another still running; a shorter suspension never shortens a longer one', () => {
    const about = commentBy(awa, nioroTopic);
    const long = suspend(kadiatou, awa, '', '');
    const short = suspend(sira, awa, about, '3');
    if (!long.ok || !short.ok) throw new Error('suspensions');
    expect(suspendedUntil(awa)).toBe(PERMANENT);
    const appeal = appealDecision(t.db, as(awa), { moderationId: '', sanctionId: String(short.value.sanctionId), text: 'Ce message n’était pas une insulte.' }, T0);
    if (!appeal.ok) throw new Error(JSON.stringify(appeal));
    expect(decideAppeal(t.db, as(moussaMod), { appealId: String(appeal.value.appealId), outcome: 'upheld', note: 'Le message était acceptable.' }, T0)).toMatchObject({ ok: true });
    expect(suspendedUntil(awa)).toBe(PERMANENT);
  });
});

describe('only admins sanction moderators, officials and admins', () => {
  it('a region moderator may not warn or suspend a moderator, an official or an admin, whatever the content', () => {
    const cases: [User, string][] = [
      [sira, commentBy(sira, nioroTopic)],
      [bakary, commentBy(bakary, nioroTopic)],
      [admin2, commentBy(admin2, nioroTopic)],
    ];
    for (const [target, about] of cases) {
      expect(suspend(kadiatou, target, about)).toEqual({ ok: false, error: 'rejected', reason: 'sanctionAdminsOnly' });
      expect(warn(kadiatou, target, '')).toEqual({ ok: false, error: 'rejected', reason: 'sanctionAdminsOnly' });
      expect(warn(sira === target ? moussaMod : sira, target, about)).toEqual({ ok: false, error: 'rejected', reason: 'sanctionAdminsOnly' });
    }
    expect(t.db.select().from(sanctions).all()).toEqual([]);
    // An admin may.
    expect(suspend(admin, sira, '')).toMatchObject({ ok: true });
    expect(warn(admin, bakary, '')).toMatchObject({ ok: true });
  });

  it('a moderator’s suspension is settled on appeal by an admin only', () => {
    const s = suspend(admin, sira, commentBy(sira, nioroTopic));
    if (!s.ok) throw new Error(JSON.stringify(s));
    const appeal = appealDecision(t.db, as(sira), { moderationId: '', sanctionId: String(s.value.sanctionId), text: 'Je conteste cette suspension.' }, T0);
    if (!appeal.ok) throw new Error(JSON.stringify(appeal));
    const decide = (u: User) => decideAppeal(t.db, as(u), { appealId: String(appeal.value.appealId), outcome: 'upheld', note: 'Suspension levée après examen.' }, T0);
    expect(decide(kadiatou)).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(moussaMod)).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(admin2)).toMatchObject({ ok: true });
  });
});

describe('the last active admin is never suspended, nor stripped of the role', () => {
  it('an admin suspended a moment ago cannot, from a session loaded before, suspend the other (now last) admin', () => {
    const staleAdmin2 = as(admin2);
    expect(suspend(admin, admin2, '')).toMatchObject({ ok: true });
    expect(suspendUser(t.db, staleAdmin2, { userId: String(admin.id), reason: 'Je me venge de cela', days: '', about: '' }, T0)).toEqual({ ok: false, error: 'rejected', reason: 'lastActiveAdmin' });
    expect(suspendedUntil(admin)).toBeNull();
    // A warning is not a suspension: it locks nobody out.
    const fresh = loadActor(t.db, { userId: admin2.id, sessionVersion: t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, admin2.id)).get()!.v });
    expect(fresh?.suspended).toBe(true);
  });

  it('two admins suspending each other at the same instant: one of them stays', async () => {
    const input = (u: User) => ({ userId: String(u.id), reason: 'Suspension croisée', days: '', about: '' });
    const results = (await atOnce(t.file, 'lib/moderation/sanctions.ts', 'suspendUser', [
      { actor: { ...as(admin) }, input: input(admin2) },
      { actor: { ...as(admin2) }, input: input(admin) },
    ], T0)) as { ok: boolean; error?: string; reason?: string }[];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'rejected', reason: 'lastActiveAdmin' }]);
    expect([suspendedUntil(admin), suspendedUntil(admin2)].filter((s) => s === null)).toHaveLength(1);
  });

  it('two admins revoking each other’s role at the same instant: one admin is left', async () => {
    const grantOf = (u: User) => String((t.db.$client.prepare("SELECT id FROM role_grants WHERE user_id = ? AND role = 'admin'").get(u.id) as { id: number }).id);
    const results = (await atOnce(t.file, 'lib/roles/revoke-role.ts', 'revokeRole', [
      { actor: { ...as(admin) }, input: { grantId: grantOf(admin2) } },
      { actor: { ...as(admin2) }, input: { grantId: grantOf(admin) } },
    ], T0)) as { ok: boolean; error?: string; reason?: string }[];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'rejected', reason: 'lastActiveAdmin' }]);
    const left = t.db.$client.prepare("SELECT count(*) AS n FROM role_grants WHERE role = 'admin' AND revoked_at IS NULL").get() as { n: number };
    expect(left.n).toBe(1);
  });

  it('the role of the only admin who is not suspended cannot be revoked by a session loaded before a suspension', () => {
    const staleAdmin2 = as(admin2);
    expect(suspend(admin, admin2, '')).toMatchObject({ ok: true });
    const grant = t.db.$client.prepare("SELECT id FROM role_grants WHERE user_id = ? AND role = 'admin'").get(admin.id) as { id: number };
    expect(revokeRole(t.db, staleAdmin2, { grantId: String(grant.id) })).toEqual({ ok: false, error: 'rejected', reason: 'lastActiveAdmin' });
  });
});

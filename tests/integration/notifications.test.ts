import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { listNotifications, preferencesOf, unreadCount } from '@/db/queries/notifications';
import { notifications, type NotificationKind, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { markNotificationsRead, updateNotificationPreferences } from '@/lib/notifications/manage';
import { changeTopicPhase } from '@/lib/topics/change-phase';
import { createTopic } from '@/lib/topics/create-topic';
import { castVote } from '@/lib/votes/cast-vote';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, topicForm, type TestDb } from '../helpers/db';

const DECISION = 'Le conseil communal a retenu le forage solaire, financé à 60 % par la commune.';

let t: TestDb;
let kayes: number;
let nioro: number;
let mariam: User; // official of Kayes
let awa: User;
let moussa: User;
let fanta: User;
beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  nioro = t.communeId('nioro-du-sahel');
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra' });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko' });
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
const received = (u: User, kind?: NotificationKind) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, u.id), kind ? eq(notifications.kind, kind) : undefined))
    .all();
let clock = 0;
/** Comments a minute apart, so nobody trips the burst rule. */
function comment(u: User, topicId: number, body: string, parentId?: number) {
  const r = createComment(
    t.db,
    as(u),
    { topicId: String(topicId), stance: 'for', body, ...(parentId ? { parentId: String(parentId) } : {}) },
    minutesAfter(CONSULTATION.during, ++clock),
  );
  if (!r.ok) throw new Error(`createComment failed: ${JSON.stringify(r)}`);
  return r.value.commentId;
}
const vote = (u: User, topicId: number, choice = 'for') =>
  expect(castVote(t.db, as(u), { topicId: String(topicId), choice }, CONSULTATION.during)).toMatchObject({ ok: true });
const prefer = (u: User, form: Record<string, string>) => expect(updateNotificationPreferences(t.db, as(u), form)).toEqual({ ok: true, value: null });

describe('replies', () => {
  it('a reply notifies the author of the comment replied to, never the person replying', () => {
    const topicId = addTopic(t, { authorId: mariam.id }).id;
    const top = comment(awa, topicId, 'il faut le forage pres du marche');
    const reply = comment(moussa, topicId, 'non plutot pres de lecole', top);

    expect(received(awa)).toMatchObject([{ kind: 'comment.reply', actorId: moussa.id, topicId, commentId: reply, readAt: null }]);
    expect(received(moussa)).toEqual([]);

    comment(awa, topicId, 'je precise ma pensee', top);
    expect(received(awa)).toHaveLength(1);
  });

  it('a reply held for review notifies nobody', () => {
    const topicId = addTopic(t, { authorId: mariam.id }).id;
    const top = comment(awa, topicId, 'il faut le forage pres du marche');
    const r = createComment(t.db, as(moussa), { topicId: String(topicId), stance: 'for', body: 'voir www.forage.com', parentId: String(top) }, CONSULTATION.during);
    expect(r).toMatchObject({ ok: true, value: { held: true } });
    expect(received(awa)).toEqual([]);
  });
});

describe('decisions', () => {
  it('deciding a topic notifies everyone who voted or commented, once each, and not the official who decided', async () => {
    const topicId = addTopic(t, { authorId: mariam.id }).id;
    const bystander = await addUser(t, { displayName: 'Oumar Sow' });
    const quiet = await addUser(t, { displayName: 'Kadiatou Keïta' });
    prefer(quiet, { replies: 'on', newTopics: 'on' }); // decisions unticked

    vote(awa, topicId);
    comment(awa, topicId, 'je vote pour et je le dis');
    comment(awa, topicId, 'et je le redis encore une fois');
    vote(moussa, topicId, 'against');
    comment(fanta, topicId, 'une question sur le cout du forage');
    comment(mariam, topicId, 'La commune paiera la moitié du coût du forage.');
    vote(quiet, topicId);

    expect(changeTopicPhase(t.db, as(mariam), { topicId: String(topicId), phase: 'decided', decision: DECISION }, CONSULTATION.after)).toMatchObject({
      ok: true,
    });

    for (const u of [awa, moussa, fanta]) {
      expect(received(u, 'topic.decided')).toMatchObject([{ actorId: mariam.id, topicId, readAt: null }]);
    }
    for (const u of [mariam, bystander, quiet]) expect(received(u, 'topic.decided')).toEqual([]);
    expect(t.db.select().from(notifications).where(eq(notifications.kind, 'topic.decided')).all()).toHaveLength(3);
  });

  it('moving a topic to any other phase notifies nobody', () => {
    const topicId = addTopic(t, { authorId: mariam.id }).id;
    vote(awa, topicId);
    expect(changeTopicPhase(t.db, as(mariam), { topicId: String(topicId), phase: 'deliberation' }, CONSULTATION.during)).toMatchObject({ ok: true });
    expect(received(awa)).toEqual([]);
  });
});

describe('new topics', () => {
  it('residents who opted in hear of a new topic when it leaves draft, once; nobody else does', async () => {
    const nioroResident = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro });
    prefer(awa, { replies: 'on', decisions: 'on', newTopics: 'on' });
    prefer(nioroResident, { newTopics: 'on' });
    prefer(mariam, { newTopics: 'on' });
    // moussa never touched his preferences: new topics are opt-in.
    prefer(fanta, { replies: 'on', decisions: 'on' });

    const r = createTopic(t.db, as(mariam), topicForm(kayes));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const topicId = r.value.topicId;
    expect(t.db.select().from(notifications).all()).toEqual([]);

    expect(changeTopicPhase(t.db, as(mariam), { topicId: String(topicId), phase: 'information' }, CONSULTATION.during)).toMatchObject({ ok: true });
    expect(received(awa)).toMatchObject([{ kind: 'topic.new', topicId, actorId: mariam.id }]);
    for (const u of [moussa, fanta, nioroResident, mariam]) expect(received(u)).toEqual([]);

    expect(changeTopicPhase(t.db, as(mariam), { topicId: String(topicId), phase: 'open' }, CONSULTATION.during)).toMatchObject({ ok: true });
    expect(received(awa)).toHaveLength(1);
  });

  it('a topic taken back to draft and published again is not announced a second time', () => {
    prefer(awa, { newTopics: 'on' });
    const r = createTopic(t.db, as(mariam), topicForm(kayes));
    if (!r.ok) throw new Error(JSON.stringify(r));
    const move = (phase: string) =>
      expect(changeTopicPhase(t.db, as(mariam), { topicId: String(r.value.topicId), phase }, CONSULTATION.during)).toMatchObject({ ok: true });
    move('information');
    move('draft');
    move('information');
    expect(received(awa, 'topic.new')).toHaveLength(1);
  });
});

describe('preferences', () => {
  it('with every box unticked, a person gets no notification at all', () => {
    prefer(awa, {});
    expect(preferencesOf(t.db, awa.id)).toMatchObject({ replies: false, decisions: false, newTopics: false });
    const topicId = addTopic(t, { authorId: mariam.id }).id;
    const top = comment(awa, topicId, 'il faut le forage pres du marche');
    comment(moussa, topicId, 'je ne suis pas daccord', top);
    vote(awa, topicId);
    expect(changeTopicPhase(t.db, as(mariam), { topicId: String(topicId), phase: 'decided', decision: DECISION }, CONSULTATION.after)).toMatchObject({
      ok: true,
    });
    expect(received(awa)).toEqual([]);
    // Moussa kept the defaults (replies and decisions on), so he is told of the decision.
    expect(received(moussa, 'topic.decided')).toHaveLength(1);
  });

  it('ticking replies again brings reply notifications back', () => {
    prefer(awa, {});
    prefer(awa, { replies: 'on' });
    const topicId = addTopic(t, { authorId: mariam.id }).id;
    const top = comment(awa, topicId, 'il faut le forage pres du marche');
    comment(moussa, topicId, 'je ne suis pas daccord', top);
    expect(received(awa, 'comment.reply')).toHaveLength(1);
  });

  it('a visitor has no preferences to change', () => {
    expect(updateNotificationPreferences(t.db, null, { replies: 'on' })).toEqual({ ok: false, error: 'forbidden' });
  });
});

describe('marking notifications read', () => {
  let topicId: number;
  beforeEach(() => {
    topicId = addTopic(t, { authorId: mariam.id }).id;
    const mine = comment(awa, topicId, 'il faut le forage pres du marche');
    comment(moussa, topicId, 'je ne suis pas daccord', mine);
    comment(fanta, topicId, 'moi je suis daccord avec awa', mine);
    comment(mariam, topicId, 'La mairie étudie les deux sites.', mine);
    const his = comment(moussa, topicId, 'et le cout du forage');
    comment(awa, topicId, 'la commune a un budget', his);
  });
  const mark = (u: User | null, notificationId: string) =>
    markNotificationsRead(t.db, u ? as(u) : null, { notificationId }, CONSULTATION.after);

  it('one at a time, then all the rest at once', () => {
    expect(unreadCount(t.db, awa.id)).toBe(3);
    const [newest] = listNotifications(t.db, awa.id);
    expect(mark(awa, String(newest!.id))).toEqual({ ok: true, value: { count: 1 } });
    expect(received(awa).find((n) => n.id === newest!.id)?.readAt).toBe(CONSULTATION.after.toISOString());
    expect(unreadCount(t.db, awa.id)).toBe(2);
    expect(mark(awa, String(newest!.id))).toEqual({ ok: true, value: { count: 0 } });

    expect(mark(awa, 'all')).toEqual({ ok: true, value: { count: 2 } });
    expect(unreadCount(t.db, awa.id)).toBe(0);
    expect(mark(awa, 'all')).toEqual({ ok: true, value: { count: 0 } });
    // Moussa's own notification is untouched by Awa's "all".
    expect(unreadCount(t.db, moussa.id)).toBe(1);
  });

  it('nobody marks someone else’s notification read', () => {
    const [his] = received(moussa);
    expect(mark(awa, String(his!.id))).toEqual({ ok: true, value: { count: 0 } });
    expect(mark(null, String(his!.id))).toEqual({ ok: false, error: 'forbidden' });
    expect(mark(null, 'all')).toEqual({ ok: false, error: 'forbidden' });
    expect(received(moussa)[0]!.readAt).toBeNull();
    expect(unreadCount(t.db, awa.id)).toBe(3);
  });

  it('a malformed id is invalid', () => {
    expect(mark(awa, 'tout')).toMatchObject({ ok: false, error: 'invalid' });
    expect(unreadCount(t.db, awa.id)).toBe(3);
  });
});

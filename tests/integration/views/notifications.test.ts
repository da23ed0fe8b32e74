import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { headerView } from '@/lib/layout/header-view';
import { moderateContent } from '@/lib/moderation/moderate-content';
import { warnUser } from '@/lib/moderation/sanctions';
import { markNotificationsRead, updateNotificationPreferences } from '@/lib/notifications/manage';
import { notificationsPage } from '@/lib/notifications/views';
import type { ViewContext } from '@/lib/view-context';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../../helpers/db';

/**
 * /notifications and the header, through their view loaders: one's own notifications only, each with
 * where it leads; the header's unread count and the areas each person may open.
 */

const T0 = CONSULTATION.during;

let t: TestDb;
let nioro: number;
let awa: User;
let moussa: User;
let bakary: User; // official of Nioro
let sira: User; // moderator of Nioro
let topicId: number;
let awaComment: number;
let reply: number;

const ctx = (u: User | null): ViewContext => ({ db: t.db, actor: u ? actorOf(t.db, u.id) : null, now: minutesAfter(T0, 60) });
const page = (u: User) => {
  const v = notificationsPage(ctx(u));
  if (!v) throw new Error('no view');
  return v;
};
function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: nioro });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro }] });
  sira = await addUser(t, { displayName: 'Sira Camara', grants: [{ role: 'moderator', communeId: nioro }] });
  topicId = addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Forage de Nioro' }).id;
  awaComment = ok(createComment(t.db, actorOf(t.db, awa.id), { topicId: String(topicId), stance: 'for', body: 'Le forage est urgent.' }, T0)).commentId;
  reply = ok(createComment(t.db, actorOf(t.db, moussa.id), { topicId: String(topicId), stance: 'question', body: 'Où le mettre ?', parentId: String(awaComment) }, minutesAfter(T0, 5))).commentId;
});
afterEach(() => t.cleanup());

describe('one’s notifications', () => {
  it('nobody signed in has none', () => {
    expect(notificationsPage(ctx(null))).toBeNull();
  });

  it('a reply: who, on what, and a link to the reply itself', () => {
    expect(page(awa)).toMatchObject({
      unread: 1,
      items: [{ kind: 'comment.reply', read: false, actorName: 'Moussa Diarra', topicTitle: 'Forage de Nioro', target: `/topics/${topicId}#comment-${reply}` }],
    });
    // Moussa, who wrote the reply, is not told about it.
    expect(page(moussa).items).toEqual([]);
  });

  it('a moderation outcome leads to the content concerned; a warning to nowhere in particular', () => {
    ok(moderateContent(t.db, actorOf(t.db, sira.id), { contentType: 'comment', contentId: String(reply), action: 'hide', reason: 'Hors sujet total' }, minutesAfter(T0, 10)));
    ok(warnUser(t.db, actorOf(t.db, sira.id), { userId: String(moussa.id), reason: 'Restez dans le sujet', about: `comment:${reply}` }, minutesAfter(T0, 11)));
    const items = page(moussa).items;
    expect(items.map((n) => [n.kind, n.target])).toEqual([
      ['moderation.warning', '/notifications'],
      ['moderation.outcome', `/topics/${topicId}#comment-${reply}`],
    ]);
    expect(items[1]).toMatchObject({ moderationOutcome: 'hidden' });
  });

  it('marked read, they stay listed and no longer count as unread', () => {
    ok(markNotificationsRead(t.db, actorOf(t.db, awa.id), { notificationId: 'all' }, minutesAfter(T0, 20)));
    expect(page(awa)).toMatchObject({ unread: 0, items: [{ read: true }] });
  });

  it('one’s choices of what to receive', () => {
    expect(page(awa).preferences).toEqual({ replies: true, decisions: true, newTopics: false, projects: true });
    ok(updateNotificationPreferences(t.db, actorOf(t.db, awa.id), { newTopics: 'on' }));
    expect(page(awa).preferences).toEqual({ replies: false, decisions: false, newTopics: true, projects: false });
  });
});

describe('the header', () => {
  it('an anonymous reader: the communes, no person, no area', () => {
    const view = headerView(ctx(null));
    expect(view.person).toBeNull();
    expect(view.links).toEqual({ moderation: false, admin: false, facilitator: false, translations: false });
    expect(view.communes.some((c) => c.id === nioro)).toBe(true);
  });

  it('a citizen: their name and unread notifications', () => {
    expect(headerView(ctx(awa))).toMatchObject({ person: { displayName: 'Awa Traoré', unread: 1, sharedSession: null }, links: { moderation: false, admin: false, facilitator: false, translations: false } });
    expect(headerView(ctx(moussa)).person?.unread).toBe(0);
  });

  it('each area shows for those who may open it', async () => {
    const admin = await addUser(t, { grants: [{ role: 'admin' }] });
    const fanta = await addUser(t, { grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
    expect(headerView(ctx(sira)).links).toEqual({ moderation: true, admin: false, facilitator: false, translations: false });
    expect(headerView(ctx(fanta)).links).toEqual({ moderation: false, admin: false, facilitator: true, translations: false });
    expect(headerView(ctx(admin)).links).toEqual({ moderation: true, admin: true, facilitator: true, translations: true });
    expect(headerView(ctx(bakary)).links).toEqual({ moderation: false, admin: false, facilitator: false, translations: false });
  });
});

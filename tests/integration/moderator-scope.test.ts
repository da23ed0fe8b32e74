import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorHistory, moderationLog, pendingAppeals, sanctionsOf } from '@/db/queries/moderation';
import { notifications, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { appealDecision } from '@/lib/moderation/appeals';
import { addModerationTerm } from '@/lib/moderation/add-term';
import { moderateContent } from '@/lib/moderation/moderate-content';
import { suspendUser, warnUser } from '@/lib/moderation/sanctions';
import { moderationUserView } from '@/lib/moderation/user-view';
import { markNotificationsRead, updateNotificationPreferences } from '@/lib/notifications/manage';
import { moderationScope } from '@/lib/permissions';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

const T0 = CONSULTATION.during;

let t: TestDb;
let nioro: number;
let kayes: number;
let sira: User; // moderator of Nioro du Sahel
let seydou: User; // moderator of Kayes
let kadiatou: User; // region moderator
let admin: User;
let awa: User; // lives in Nioro, writes in Nioro and in Kayes
let moussa: User;
let nioroComment: number;
let kayesComment: number;
let appealNioro: number;
let appealKayes: number;

const as = (u: User) => actorOf(t.db, u.id);
let minute = 0;
function commentOf(u: User, topicId: number): number {
  const r = createComment(t.db, as(u), { topicId: String(topicId), stance: 'for', body: `un avis numero ${++minute}` }, minutesAfter(T0, minute * 5));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.commentId;
}
function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  kayes = t.communeId('kayes');
  sira = await addUser(t, { displayName: 'Sira Camara', grants: [{ role: 'moderator', communeId: nioro }] });
  seydou = await addUser(t, { displayName: 'Seydou Kanté', grants: [{ role: 'moderator', communeId: kayes }] });
  kadiatou = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: null }] });
  admin = await addUser(t, { displayName: 'Admin Baro', grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: kayes });
  const official = await addUser(t, { displayName: 'Bakary Diallo', grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  const nioroTopic = addTopic(t, { authorId: official.id, communeId: nioro }).id;
  const kayesTopic = addTopic(t, { authorId: official.id, communeId: kayes }).id;
  nioroComment = commentOf(awa, nioroTopic);
  kayesComment = commentOf(awa, kayesTopic);
  commentOf(moussa, kayesTopic);
  // Each commune's moderator hides Awa's comment there and warns her about it; Awa appeals both hidings.
  const nioroMod = ok(moderateContent(t.db, as(sira), { contentType: 'comment', contentId: String(nioroComment), action: 'hide', reason: 'Propos insultants' }, T0));
  const kayesMod = ok(moderateContent(t.db, as(seydou), { contentType: 'comment', contentId: String(kayesComment), action: 'hide', reason: 'Propos insultants' }, T0));
  ok(warnUser(t.db, as(sira), { userId: String(awa.id), reason: 'Restez courtoise', about: `comment:${nioroComment}` }, T0));
  ok(warnUser(t.db, as(seydou), { userId: String(awa.id), reason: 'Restez courtoise', about: `comment:${kayesComment}` }, T0));
  ok(suspendUser(t.db, as(kadiatou), { userId: String(moussa.id), reason: 'Spam répété partout', days: '3', about: '' }, T0));
  const text = 'Je conteste : je parlais du prix du forage.';
  appealNioro = ok(appealDecision(t.db, as(awa), { moderationId: String(nioroMod.moderationId), sanctionId: '', text }, T0)).appealId;
  appealKayes = ok(appealDecision(t.db, as(awa), { moderationId: String(kayesMod.moderationId), sanctionId: '', text }, T0)).appealId;
  ok(addModerationTerm(t.db, as(sira), { term: 'nyamakala', language: 'bm', communeId: String(nioro) }));
  ok(addModerationTerm(t.db, as(seydou), { term: 'jatigiya', language: 'bm', communeId: String(kayes) }));
  ok(addModerationTerm(t.db, as(kadiatou), { term: 'salopard', language: 'fr', communeId: '' }));
});
afterEach(() => t.cleanup());

const scopeOf = (u: User) => moderationScope(as(u));

describe('moderators see user histories, appeals and logs for their communes only', () => {
  it('a person’s history: the comments and moderation records of the moderator’s communes', () => {
    const history = (u: User) => {
      const h = authorHistory(t.db, awa.id, scopeOf(u));
      return { comments: h.recent.map((c) => c.id).sort(), records: h.records.map((r) => r.contentId).sort() };
    };
    expect(history(sira)).toEqual({ comments: [nioroComment], records: [nioroComment] });
    expect(history(seydou)).toEqual({ comments: [kayesComment], records: [kayesComment] });
    expect(history(kadiatou)).toEqual({ comments: [nioroComment, kayesComment].sort(), records: [nioroComment, kayesComment].sort() });
    expect(history(admin)).toEqual(history(kadiatou));
  });

  it('a person’s sanctions: those given in the moderator’s communes; a sanction naming no content, region moderators only', () => {
    const reasons = (u: User, of: User) => sanctionsOf(t.db, of.id, scopeOf(u)).map((s) => s.moderator);
    expect(reasons(sira, awa)).toEqual(['Sira Camara']);
    expect(reasons(seydou, awa)).toEqual(['Seydou Kanté']);
    expect(reasons(kadiatou, awa).sort()).toEqual(['Seydou Kanté', 'Sira Camara']);
    expect(reasons(seydou, moussa)).toEqual([]);
    expect(reasons(admin, moussa)).toEqual(['Kadiatou Keïta']);
  });

  it('what a sanction may be about, on the person’s page: only their contributions in the moderator’s communes', () => {
    expect(moderationUserView(t.db, as(sira), awa.id)).toMatchObject({ withoutContent: false, maySanction: true, about: [{ value: `comment:${nioroComment}` }] });
    expect(moderationUserView(t.db, as(seydou), awa.id)?.about.map((a) => a.value)).toEqual([`comment:${kayesComment}`]);
    expect(moderationUserView(t.db, as(kadiatou), awa.id)).toMatchObject({ withoutContent: true, maySanction: true });
    expect(moderationUserView(t.db, as(kadiatou), awa.id)?.about).toHaveLength(2);
  });

  it('pending appeals: those of the moderator’s communes', () => {
    const appeals = (u: User) => pendingAppeals(t.db, scopeOf(u)).map((a) => a.id).sort();
    expect(appeals(sira)).toEqual([appealNioro]);
    expect(appeals(seydou)).toEqual([appealKayes]);
    expect(appeals(kadiatou)).toEqual([appealNioro, appealKayes].sort());
    expect(appeals(awa)).toEqual([]);
  });

  it('the moderation log: entries about the moderator’s communes, and the region’s screening terms', () => {
    const log = (u: User) => moderationLog(t.db, scopeOf(u)).map((r) => `${r.action}:${r.actorName}`).sort();
    expect(log(sira)).toEqual(
      [
        'appeal.create:Awa Traoré',
        'content.hide:Sira Camara',
        'moderation.term_add:Kadiatou Keïta',
        'moderation.term_add:Sira Camara',
        'user.warn:Sira Camara',
      ].sort(),
    );
    expect(log(seydou)).toEqual(
      [
        'appeal.create:Awa Traoré',
        'content.hide:Seydou Kanté',
        'moderation.term_add:Kadiatou Keïta',
        'moderation.term_add:Seydou Kanté',
        'user.warn:Seydou Kanté',
      ].sort(),
    );
    // The region moderator sees it all, including the suspension that named no content.
    expect(log(kadiatou)).toHaveLength(10);
    expect(log(kadiatou)).toContain('user.suspend:Kadiatou Keïta');
    expect(log(awa)).toEqual([]);
  });
});

describe('managing one’s notifications is its own permission', () => {
  it('a suspended person still reads and sorts their own inbox; nobody touches someone else’s', () => {
    // Moussa, suspended, has the suspension notice.
    const mine = t.db.select().from(notifications).all().filter((n) => n.userId === moussa.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(markNotificationsRead(t.db, as(moussa), { notificationId: String(mine[0]!.id) }, T0)).toEqual({ ok: true, value: { count: 1 } });
    expect(updateNotificationPreferences(t.db, as(moussa), { replies: 'on' })).toEqual({ ok: true, value: null });
    // Awa names Moussa's notification: nothing changes (her own inbox only).
    const awas = t.db.select().from(notifications).all().filter((n) => n.userId === awa.id && !n.readAt);
    expect(markNotificationsRead(t.db, as(awa), { notificationId: String(mine[1]?.id ?? mine[0]!.id) }, T0)).toEqual({ ok: true, value: { count: 0 } });
    expect(markNotificationsRead(t.db, null, { notificationId: 'all' }, T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(markNotificationsRead(t.db, as(awa), { notificationId: 'all' }, T0)).toEqual({ ok: true, value: { count: awas.length } });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { feedTopics } from '@/lib/open-data/feeds';
import { moderationQueue } from '@/db/queries/moderation';
import { searchContent } from '@/lib/search/queries';
import { commentsPage, exportComments, stanceCounts } from '@/lib/comments/queries';
import { listTopics, openTopicsForHome } from '@/lib/topics/queries';
import { appeals, comments, moderations, notifications, reports, sanctions, topics, users, type NotificationKind, type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { loadActor } from '@/lib/accounts/load-actor';
import { createComment } from '@/lib/comments/create-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { appealDecision, decideAppeal } from '@/lib/moderation/appeals';
import { moderateBulk, moderateContent } from '@/lib/moderation/moderate-content';
import { reportContent } from '@/lib/moderation/report-content';
import { activeSuspension, PERMANENT, suspendUser, warnUser } from '@/lib/moderation/sanctions';
import { moderationRules, updateModerationRules } from '@/lib/moderation/settings';
import { createTopic } from '@/lib/topics/create-topic';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, minutesAfter, TEST_PASSWORD, topicForm, type TestDb } from '../helpers/db';
import { atOnce } from '../helpers/at-once';

let t: TestDb;
let nioro: number;
let kayes: number;
let bakary: User; // official of Nioro du Sahel: publishes the topics
let admin: User;
let sira: User; // moderator of Nioro du Sahel
let kadiatou: User; // moderator of all communes
let kayesModerator: User; // moderator of Kayes only
let awa: User;
let moussa: User;
let fanta: User;
let oumar: User;
let topicId: number;
beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  kayes = t.communeId('kayes');
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro du Sahel' }] });
  admin = await addUser(t, { displayName: 'Admin Baro', grants: [{ role: 'admin' }] });
  sira = await addUser(t, { displayName: 'Sira Camara', communeId: nioro, grants: [{ role: 'moderator', communeId: nioro }] });
  kadiatou = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: null }] });
  kayesModerator = await addUser(t, { displayName: 'Seydou Kanté', communeId: kayes, grants: [{ role: 'moderator', communeId: kayes }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: nioro });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro });
  oumar = await addUser(t, { displayName: 'Oumar Sow', communeId: nioro });
  topicId = openTopic();
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
const T0 = CONSULTATION.during;

/** An open topic of Nioro published by Bakary (search index kept by the triggers). */
function openTopic(fields: { title?: string; authorId?: number; communeId?: number } = {}) {
  return addTopic(t, {
    authorId: fields.authorId ?? bakary.id,
    communeId: fields.communeId ?? nioro,
    title: fields.title ?? 'Forage d’eau à Tata',
    summary: 'Un forage pour le quartier Tata.',
    body: 'Le puits actuel tarit en mars.',
  }).id;
}

let minute = 0;
/** Posts through the real use case; each post a few minutes apart so nobody trips the burst rule by accident. */
function post(u: User, body: string, opts: { topic?: number; stance?: string; parentId?: number } = {}) {
  minute += 3;
  return createComment(
    t.db,
    as(u),
    { topicId: String(opts.topic ?? topicId), stance: opts.stance ?? 'for', body, ...(opts.parentId ? { parentId: String(opts.parentId) } : {}) },
    minutesAfter(T0, minute),
  );
}
function posted(u: User, body: string, opts: { topic?: number; stance?: string; parentId?: number } = {}) {
  const r = post(u, body, opts);
  if (!r.ok) throw new Error(`createComment failed: ${JSON.stringify(r)}`);
  return r.value;
}
const visibleComment = (u: User, body: string, opts: { topic?: number; stance?: string } = {}) => {
  const r = posted(u, body, opts);
  expect(r.held).toBe(false);
  return r.commentId;
};

function setRules(mode: string, fields: { newAccountCount?: string; reportThreshold?: string; communeId?: number } = {}) {
  const r = updateModerationRules(t.db, as(admin), {
    communeId: String(fields.communeId ?? nioro),
    mode,
    newAccountCount: fields.newAccountCount ?? '2',
    reportThreshold: fields.reportThreshold ?? '3',
  });
  expect(r.ok).toBe(true);
}

const report = (u: User, commentId: number, reason = 'spam', contentType = 'comment') =>
  reportContent(t.db, as(u), { contentType, contentId: String(commentId), reason }, T0);
const moderate = (u: User, commentId: number, action: string, reason?: string, contentType = 'comment') =>
  moderateContent(t.db, as(u), { contentType, contentId: String(commentId), action, ...(reason === undefined ? {} : { reason }) }, minutesAfter(T0, 60));

const commentRow = (id: number) => t.db.select().from(comments).where(eq(comments.id, id)).get()!;
const moderationOf = (id: number, type: 'comment' | 'topic' = 'comment') =>
  t.db.select().from(moderations).where(and(eq(moderations.contentType, type), eq(moderations.contentId, id))).get();
const commentCount = (id = topicId) => t.db.select({ n: topics.commentCount }).from(topics).where(eq(topics.id, id)).get()?.n;
const reportRows = (moderationId: number) => t.db.select().from(reports).where(eq(reports.moderationId, moderationId)).all();
const notified = (kind: NotificationKind) =>
  t.db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.kind, kind))
    .all()
    .map((n) => n.userId)
    .sort((a, b) => a - b);
const ids = (...us: User[]) => us.map((u) => u.id).sort((a, b) => a - b);
const pageFor = (u: User | null, topic = topicId) => commentsPage(t.db, { kind: 'topic', id: topic }, nioro, 'oldest', 1, u ? as(u) : null);
const idsOnPage = (u: User | null, topic = topicId) => pageFor(u, topic).top.map((c) => c.id);
const hits = (q: string) => searchContent(t.db, q).map((h) => `${h.kind}:${h.refId}`).sort();

/** Hides a comment by three reports (the default threshold). */
function autoHide(commentId: number) {
  expect(report(moussa, commentId, 'insult')).toEqual({ ok: true, value: { autoHidden: false, topicId: null } });
  expect(report(fanta, commentId, 'spam')).toEqual({ ok: true, value: { autoHidden: false, topicId: null } });
  expect(report(oumar, commentId, 'insult')).toEqual({ ok: true, value: { autoHidden: true, topicId } });
}

// ---------------------------------------------------------------- pre-moderation

describe('pre-moderation, commune by commune', () => {
  it('without settings, a commune holds only what screening flags (flagged, 2, 3)', () => {
    expect(moderationRules(t.db, nioro)).toEqual({ mode: 'flagged', newAccountCount: 2, reportThreshold: 3, voiceMode: 'new_accounts', voiceNewAccountCount: 3 });
    expect(posted(awa, 'le forage est une bonne idee pour le quartier').held).toBe(false);
    const held = posted(awa, 'appelez le puisatier au 76 12 34 56 pour le devis');
    expect(held.held).toBe(true);
    expect(moderationOf(held.commentId)).toMatchObject({ state: 'held', holdReason: 'personalData', authorId: awa.id, communeId: nioro, decidedAt: null });
  });

  it('off: what screening would hold is published; insults are still refused', () => {
    setRules('off');
    const r = posted(awa, 'appelez le puisatier au 76 12 34 56 pour le devis');
    expect(r.held).toBe(false);
    expect(commentRow(r.commentId).visibility).toBe('visible');
    expect(moderationOf(r.commentId)).toBeUndefined();
    expect(post(moussa, 'espece de connard')).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    expect(commentCount()).toBe(1);
  });

  it('flagged: an ordinary comment is published, a link is held', () => {
    setRules('flagged');
    expect(posted(awa, 'le forage est une bonne idee pour le quartier').held).toBe(false);
    const held = posted(moussa, 'voir les prix sur www.forages-mali.com avant de decider');
    expect(held.held).toBe(true);
    expect(moderationOf(held.commentId)).toMatchObject({ state: 'held', holdReason: 'link' });
    expect(commentCount()).toBe(1);
  });

  it('new_accounts with N=2: a newcomer’s first 2 contributions are held, the third is published', () => {
    setRules('new_accounts', { newAccountCount: '2' });
    const first = posted(awa, 'premier message sur le forage du quartier');
    const second = posted(awa, 'deuxieme message il faut une pompe solaire');
    const third = posted(awa, 'troisieme message merci pour la reunion');
    expect([first.held, second.held, third.held]).toEqual([true, true, false]);
    expect(moderationOf(first.commentId)).toMatchObject({ state: 'held', holdReason: 'premoderation' });
    expect(moderationOf(second.commentId)).toMatchObject({ state: 'held', holdReason: 'premoderation' });
    expect(moderationOf(third.commentId)).toBeUndefined();
    expect(commentCount()).toBe(1);
    // Officials (trusted) are never pre-moderated.
    expect(posted(bakary, 'la mairie repondra a toutes les questions').held).toBe(false);
  });

  it('all: every contribution of a citizen is held, however many they made; trusted people are not', () => {
    setRules('all');
    for (const body of ['un', 'deux', 'trois', 'quatre'].map((n) => `message numero ${n} sur le forage`)) {
      const r = posted(awa, body);
      expect(r.held).toBe(true);
      expect(moderationOf(r.commentId)).toMatchObject({ state: 'held', holdReason: 'premoderation' });
    }
    expect(posted(bakary, 'la mairie repondra a toutes les questions').held).toBe(false);
    expect(posted(sira, 'merci de rester courtois dans les echanges').held).toBe(false);
    // A topic by an official is not held either.
    const topic = createTopic(t.db, as(bakary), topicForm(nioro, { title: 'Nouvelle gare routière de Nioro' }));
    expect(topic).toMatchObject({ ok: true, value: { held: false } });
  });

  it('a commune’s mode applies to its own topics only', () => {
    setRules('all', { communeId: kayes });
    expect(posted(awa, 'le forage est une bonne idee pour le quartier').held).toBe(false);
    const kayesTopic = openTopic({ authorId: bakary.id, communeId: kayes, title: 'Pont de Kayes' });
    expect(posted(awa, 'le pont est urgent avant la saison des pluies', { topic: kayesTopic }).held).toBe(true);
  });

  it('a held comment is seen by its author and moderators only, and counts nowhere', () => {
    setRules('all');
    const shown = visibleComment(bakary, 'la mairie ouvre la consultation aujourd’hui');
    const held = posted(awa, 'les maraicheres du quartier attendent ce forage').commentId;
    expect(idsOnPage(moussa)).toEqual([shown]);
    expect(idsOnPage(null)).toEqual([shown]);
    expect(idsOnPage(kayesModerator)).toEqual([shown]);
    expect(idsOnPage(awa)).toEqual([shown, held]);
    expect(idsOnPage(sira)).toEqual([shown, held]);
    expect(idsOnPage(kadiatou)).toEqual([shown, held]);
    expect(commentCount()).toBe(1);
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ for: 1 });
    expect(hits('maraicheres')).toEqual([]);
    expect(exportComments(t.db, topicId).map((c) => c.id)).toEqual([shown]);
  });

  it('only an admin changes the rules, with an audit row; bad values are refused', () => {
    const input = { communeId: String(nioro), mode: 'all', newAccountCount: '2', reportThreshold: '3' };
    expect(updateModerationRules(t.db, as(kadiatou), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(updateModerationRules(t.db, as(bakary), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(updateModerationRules(t.db, as(admin), { ...input, mode: 'sometimes' })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { mode: 'invalidChoice' } });
    expect(updateModerationRules(t.db, as(admin), { ...input, reportThreshold: '0' })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { reportThreshold: 'numberRange' } });
    expect(moderationRules(t.db, nioro).mode).toBe('flagged');
    expect(updateModerationRules(t.db, as(admin), input)).toEqual({ ok: true, value: { mode: 'all', newAccountCount: 2, reportThreshold: 3, voiceMode: 'new_accounts', voiceNewAccountCount: 3 } });
    expect(auditRows(t.db, 'moderation.configure')).toMatchObject([{ actorId: admin.id, subjectType: 'commune', subjectId: nioro }]);
  });
});

describe('screening at submission', () => {
  it('a link by a citizen is held; the same link by an official is published', () => {
    const citizen = posted(awa, 'tout est explique sur https://forage.example.org/tata');
    expect(citizen.held).toBe(true);
    expect(moderationOf(citizen.commentId)).toMatchObject({ state: 'held', holdReason: 'link' });
    const official = posted(bakary, 'le dossier complet est sur https://nioro.example.org/forage');
    expect(official.held).toBe(false);
    expect(moderationOf(official.commentId)).toBeUndefined();
  });

  it('an insult is rejected and nothing is written: no comment, no moderation record, no audit row', () => {
    expect(post(awa, 'le maire est un C.O.N.N.A.R.D')).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    expect(t.db.select({ n: count() }).from(comments).get()?.n).toBe(0);
    expect(t.db.select({ n: count() }).from(moderations).get()?.n).toBe(0);
    expect(auditRows(t.db, 'comment.create')).toEqual([]);
    expect(commentCount()).toBe(0);
  });

  it('an edit that adds a phone number takes a published comment out of public view until reviewed', () => {
    const id = visibleComment(awa, 'le forage est une bonne idee pour le quartier');
    expect(commentCount()).toBe(1);
    const r = editComment(t.db, as(awa), { commentId: String(id), stance: 'for', body: 'appelez moi au 76 12 34 56 pour en parler' }, minutesAfter(T0, minute + 1));
    expect(r).toEqual({ ok: true, value: { commentId: id, held: true, subject: { kind: 'topic', id: topicId } } });
    expect(commentRow(id).visibility).toBe('held');
    expect(moderationOf(id)).toMatchObject({ state: 'held', holdReason: 'personalData' });
    expect(commentCount()).toBe(0);
    expect(idsOnPage(moussa)).toEqual([]);
  });
});

// ---------------------------------------------------------------- reports

describe('reports', () => {
  it('a person reports a comment once: the second report is a conflict and is not counted', () => {
    const id = visibleComment(awa, 'le forage est une mauvaise idee');
    expect(report(moussa, id)).toEqual({ ok: true, value: { autoHidden: false, topicId: null } });
    expect(report(moussa, id, 'insult')).toEqual({ ok: false, error: 'conflict', fieldErrors: { reason: 'alreadyReported' } });
    const mod = moderationOf(id)!;
    expect(mod.reportCount).toBe(1);
    expect(reportRows(mod.id)).toHaveLength(1);
    expect(auditRows(t.db, 'content.report')).toHaveLength(1);
  });

  it('nobody reports their own content; visitors and suspended people cannot report', async () => {
    const id = visibleComment(awa, 'le forage est une mauvaise idee');
    expect(report(awa, id)).toEqual({ ok: false, error: 'forbidden' });
    expect(reportContent(t.db, null, { contentType: 'comment', contentId: String(id), reason: 'spam' })).toEqual({ ok: false, error: 'forbidden' });
    const suspended = await addUser(t, { communeId: nioro, suspendedUntil: '2099-01-01T00:00:00.000Z' });
    expect(report(suspended, id)).toEqual({ ok: false, error: 'forbidden' });
    expect(report(moussa, id, 'because')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { reason: 'reportReasonRequired' } });
    expect(t.db.select({ n: count() }).from(reports).get()?.n).toBe(0);
  });

  it('at 3 distinct reports the comment is hidden until reviewed: counters, stances, search and export leave it out', () => {
    const shown = visibleComment(moussa, 'les maraicheres soutiennent ce forage', { stance: 'for' });
    const id = visibleComment(awa, 'propos douteux sur le puisatier du quartier', { stance: 'against' });
    expect(commentCount()).toBe(2);
    expect(hits('puisatier')).toEqual([`comment:${id}`]);
    expect(report(moussa, id, 'insult')).toEqual({ ok: true, value: { autoHidden: false, topicId: null } });
    expect(report(fanta, id, 'spam')).toEqual({ ok: true, value: { autoHidden: false, topicId: null } });
    expect(commentRow(id).visibility).toBe('visible');
    expect(report(oumar, id, 'insult')).toEqual({ ok: true, value: { autoHidden: true, topicId } });

    expect(commentRow(id).visibility).toBe('hidden');
    expect(moderationOf(id)).toMatchObject({ state: 'hidden', hiddenBy: null, hiddenReason: 'report:insult', reportCount: 3, decidedAt: null });
    expect(commentCount()).toBe(1);
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ for: 1 });
    expect(hits('puisatier')).toEqual([]);
    expect(exportComments(t.db, topicId).map((c) => c.id)).toEqual([shown]);
    // Others see a placeholder without the text; the author still sees it.
    expect(pageFor(fanta).top.find((c) => c.id === id)).toMatchObject({ visibility: 'hidden', body: '', hiddenReason: 'report:insult' });
    expect(JSON.stringify(pageFor(null))).not.toContain('puisatier');
    expect(pageFor(awa).top.find((c) => c.id === id)?.body).toBe('propos douteux sur le puisatier du quartier');
    expect(auditRows(t.db, 'content.auto_hide')).toMatchObject([{ actorId: null, subjectType: 'comment', subjectId: id }]);
    // It waits in the queue of the commune's moderators.
    expect(moderationQueue(t.db, { communes: [nioro], nowIso: T0.toISOString() }).map((i) => i.contentId)).toEqual([id]);
    // Once hidden, it cannot be reported again.
    expect(report(kadiatou, id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('follows the commune’s threshold', () => {
    setRules('flagged', { reportThreshold: '1' });
    const id = visibleComment(awa, 'propos douteux sur le puisatier du quartier');
    expect(report(moussa, id)).toEqual({ ok: true, value: { autoHidden: true, topicId } });
    expect(report(fanta, id)).toEqual({ ok: false, error: 'not_found' });
  });
});

describe('reports arriving together', () => {
  it('5 people reporting at once from 5 connections (threshold 3): the comment is hidden exactly once', async () => {
    const shown = visibleComment(moussa, 'les maraicheres soutiennent ce forage');
    const id = visibleComment(awa, 'propos douteux sur le puisatier du quartier');
    const reporters = [moussa, fanta, oumar, await addUser(t, { communeId: nioro }), await addUser(t, { communeId: nioro })];
    const input = { contentType: 'comment', contentId: String(id), reason: 'spam' };
    const results = await atOnce(t.file, 'lib/moderation/report-content.ts', 'reportContent', reporters.map((u) => ({ actor: { ...as(u) }, input })), T0);

    // Exactly one report tipped it over; the others were counted before, or came too late (not_found).
    const json = results.map((r) => JSON.stringify(r));
    expect(json.filter((r) => r === JSON.stringify({ ok: true, value: { autoHidden: true, topicId } }))).toHaveLength(1);
    expect(json.filter((r) => r === JSON.stringify({ ok: true, value: { autoHidden: false, topicId: null } })).length).toBeGreaterThanOrEqual(2);
    for (const r of json) {
      expect([{ ok: true, value: { autoHidden: true, topicId } }, { ok: true, value: { autoHidden: false, topicId: null } }, { ok: false, error: 'not_found' }].map((x) => JSON.stringify(x))).toContain(r);
    }
    expect(auditRows(t.db, 'content.auto_hide')).toHaveLength(1);
    expect(commentRow(id).visibility).toBe('hidden');
    expect(commentCount()).toBe(1);
    expect(idsOnPage(null)).toEqual([shown, id]);
    const mod = moderationOf(id)!;
    expect(mod.state).toBe('hidden');
    expect(reportRows(mod.id).length).toBe(mod.reportCount);
    expect(mod.reportCount).toBe(json.filter((r) => r.startsWith('{"ok":true')).length);
  }, 120_000);
});

// ---------------------------------------------------------------- moderator actions

describe('moderator actions', () => {
  it('approve: a held comment is published, counted, and its author told; the act is in the log', () => {
    setRules('all');
    const id = posted(awa, 'les maraicheres attendent ce forage').commentId;
    expect(commentCount()).toBe(0);
    expect(moderate(sira, id, 'approve')).toMatchObject({ ok: true });
    expect(commentRow(id).visibility).toBe('visible');
    expect(commentCount()).toBe(1);
    expect(moderationOf(id)).toMatchObject({ state: 'visible', outcome: 'approved', decidedBy: sira.id });
    expect(idsOnPage(moussa)).toEqual([id]);
    expect(auditRows(t.db, 'content.approve')).toMatchObject([{ actorId: sira.id, subjectType: 'comment', subjectId: id }]);
    expect(auditRows(t.db, 'content.approve')[0]!.details).toMatchObject({ from: 'held' });
    expect(notified('moderation.outcome')).toEqual(ids(awa));
    // Approving twice is refused, not silently repeated.
    expect(moderate(sira, id, 'approve')).toEqual({ ok: false, error: 'invalid', fieldErrors: { action: 'moderationNotAllowed' } });
    expect(commentCount()).toBe(1);
  });

  it('approving a held reply counts it under its parent too', () => {
    const parent = visibleComment(moussa, 'qui va gerer le forage');
    setRules('all');
    const reply = posted(awa, 'le comite des femmes du quartier', { parentId: parent }).commentId;
    expect(commentRow(parent).replyCount).toBe(0);
    expect(moderate(sira, reply, 'approve')).toMatchObject({ ok: true });
    expect(commentRow(parent).replyCount).toBe(1);
    expect(commentCount()).toBe(2);
  });

  it('dismiss: reports are set aside; an automatically hidden comment comes back; reporters are told', () => {
    const id = visibleComment(awa, 'propos douteux sur le puisatier du quartier');
    autoHide(id);
    expect(commentCount()).toBe(0);
    expect(moderate(sira, id, 'dismiss')).toMatchObject({ ok: true });
    expect(commentRow(id).visibility).toBe('visible');
    expect(commentCount()).toBe(1);
    expect(moderationOf(id)).toMatchObject({ state: 'visible', outcome: 'dismissed', reportCount: 0, decidedBy: sira.id });
    expect(hits('puisatier')).toEqual([`comment:${id}`]);
    expect(auditRows(t.db, 'content.dismiss')).toMatchObject([{ actorId: sira.id, subjectId: id }]);
    expect(notified('moderation.report_outcome')).toEqual(ids(moussa, fanta, oumar));
    expect(notified('moderation.outcome')).toEqual(ids(awa));
    expect(moderationQueue(t.db, { communes: 'all', nowIso: T0.toISOString() })).toEqual([]);
  });

  it('hide needs a public reason: without one nothing changes', () => {
    const id = visibleComment(awa, 'propos douteux sur le puisatier du quartier');
    for (const reason of [undefined, '', '   ', 'non']) {
      expect(moderate(sira, id, 'hide', reason)).toEqual({ ok: false, error: 'invalid', fieldErrors: { reason: 'reasonRequired' } });
    }
    expect(commentRow(id).visibility).toBe('visible');
    expect(moderationOf(id)).toBeUndefined();
    expect(auditRows(t.db, 'content.hide')).toEqual([]);
  });

  it('hide then restore: the reason replaces the text for others; the same text comes back, and the counters follow', () => {
    const text = 'propos douteux sur le puisatier du quartier, avec des accents : éà’';
    const id = visibleComment(awa, text, { stance: 'against' });
    expect(report(moussa, id)).toMatchObject({ ok: true });
    expect(moderate(sira, id, 'hide', 'Insulte envers une personne')).toMatchObject({ ok: true });
    expect(commentRow(id)).toMatchObject({ visibility: 'hidden', body: text });
    expect(moderationOf(id)).toMatchObject({ state: 'hidden', hiddenBy: sira.id, hiddenReason: 'Insulte envers une personne', outcome: 'hidden' });
    expect(commentCount()).toBe(0);
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({});
    expect(pageFor(moussa).top).toMatchObject([{ id, body: '', hiddenReason: 'Insulte envers une personne' }]);
    expect(auditRows(t.db, 'content.hide')[0]!.details).toMatchObject({ reason: 'Insulte envers une personne', from: 'visible' });
    expect(notified('moderation.outcome')).toEqual(ids(awa));
    expect(notified('moderation.report_outcome')).toEqual(ids(moussa));

    expect(moderate(kadiatou, id, 'restore')).toMatchObject({ ok: true });
    expect(commentRow(id)).toMatchObject({ visibility: 'visible', body: text });
    expect(pageFor(moussa).top).toMatchObject([{ id, body: text }]);
    expect(commentCount()).toBe(1);
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ against: 1 });
    expect(exportComments(t.db, topicId).map((c) => c.body)).toEqual([text]);
    expect(auditRows(t.db, 'content.restore')).toMatchObject([{ actorId: kadiatou.id, subjectId: id }]);
  });

  it('each act and its audit row are one transaction: if the log cannot be written, the act is undone', () => {
    const id = visibleComment(awa, 'propos douteux sur le puisatier du quartier');
    t.db.$client.exec(`CREATE TRIGGER no_hide_log BEFORE INSERT ON audit_log WHEN NEW.action = 'content.hide' BEGIN SELECT RAISE(ABORT, 'log down'); END`);
    expect(() => moderate(sira, id, 'hide', 'Insulte envers une personne')).toThrow(/log down/);
    expect(commentRow(id).visibility).toBe('visible');
    expect(moderationOf(id)).toBeUndefined();
    expect(commentCount()).toBe(1);
  });

  it('bulk: the same act on several items; those the moderator may not touch are skipped', () => {
    const kayesTopic = openTopic({ communeId: kayes, title: 'Pont de Kayes' });
    const a = visibleComment(awa, 'premier propos douteux sur le puisatier');
    const b = visibleComment(moussa, 'second propos douteux sur le puisatier');
    const own = visibleComment(sira, 'message de la moderatrice elle meme');
    const elsewhere = visibleComment(fanta, 'propos douteux sur le pont de kayes', { topic: kayesTopic });
    const items = [a, b, own, elsewhere].map((id) => `comment:${id}`);
    expect(moderateBulk(t.db, as(sira), { items, action: 'hide' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { reason: 'reasonRequired' } });
    expect(moderateBulk(t.db, as(sira), { items: [...items, 'comment:99999'], action: 'hide', reason: 'Messages publicitaires' })).toEqual({ ok: true, value: { done: 2, skipped: 3, topicIds: [topicId] } });
    expect([a, b, own, elsewhere].map((id) => commentRow(id).visibility)).toEqual(['hidden', 'hidden', 'visible', 'visible']);
    expect(commentCount()).toBe(1);
    expect(commentCount(kayesTopic)).toBe(1);
    expect(auditRows(t.db, 'content.hide').map((r) => r.subjectId)).toEqual([a, b]);
    expect(notified('moderation.outcome')).toEqual(ids(awa, moussa));
  });
});

// ---------------------------------------------------------------- sanctions

describe('sanctions', () => {
  /** A visible comment of Awa on the Nioro topic, for a sanction to be about. */
  const aboutAwa = () => `comment:${visibleComment(awa, `un propos de awa ${++minute}`)}`;

  it('a warning is recorded and the person is told', () => {
    const about = aboutAwa();
    expect(warnUser(t.db, as(sira), { userId: String(awa.id), reason: 'Restez courtoise svp', about })).toMatchObject({ ok: true });
    expect(t.db.select().from(sanctions).all()).toMatchObject([{ userId: awa.id, kind: 'warning', moderatorId: sira.id, communeId: nioro, contentType: 'comment', contentId: Number(about.split(':')[1]) }]);
    expect(notified('moderation.warning')).toEqual(ids(awa));
    expect(auditRows(t.db, 'user.warn')).toHaveLength(1);
  });

  it('a suspension ends every session at the next request and lasts N days', () => {
    const before = t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, awa.id)).get()!.v;
    const now = new Date();
    expect(suspendUser(t.db, as(sira), { userId: String(awa.id), reason: 'Insultes répétées', days: '7', about: aboutAwa() }, now)).toMatchObject({ ok: true, value: { hidden: 0 } });
    expect(loadActor(t.db, { userId: awa.id, sessionVersion: before })).toBeNull();
    const row = t.db.select().from(users).where(eq(users.id, awa.id)).get()!;
    expect(row.suspendedUntil).toBe(new Date(now.getTime() + 7 * 86_400_000).toISOString());
    expect(t.db.select().from(sanctions).all()).toMatchObject([{ userId: awa.id, kind: 'suspension', reason: 'Insultes répétées', moderatorId: sira.id }]);
    expect(activeSuspension(t.db, awa.id)).toMatchObject({ permanent: false, until: row.suspendedUntil, sanction: { reason: 'Insultes répétées' } });
    expect(auditRows(t.db, 'user.suspend')).toMatchObject([{ actorId: sira.id, subjectId: awa.id }]);
    expect(notified('moderation.suspension')).toEqual(ids(awa));
  });

  it('an empty duration is a permanent suspension', () => {
    expect(suspendUser(t.db, as(kadiatou), { userId: String(awa.id), reason: 'Menaces de mort', days: '' })).toMatchObject({ ok: true });
    expect(t.db.select({ s: users.suspendedUntil }).from(users).where(eq(users.id, awa.id)).get()?.s).toBe(PERMANENT);
    expect(t.db.select().from(sanctions).all()).toMatchObject([{ kind: 'suspension', endsAt: null }]);
    expect(activeSuspension(t.db, awa.id)).toMatchObject({ permanent: true });
    expect(suspendUser(t.db, as(kadiatou), { userId: String(moussa.id), reason: 'Menaces de mort', days: '0' })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { days: 'daysRange' } });
  });

  it('“hide all” hides every visible contribution at once, and the counters follow', () => {
    const mine = [visibleComment(awa, 'premier message de awa'), visibleComment(awa, 'second message de awa')];
    const other = visibleComment(moussa, 'message de moussa');
    expect(commentCount()).toBe(3);
    expect(suspendUser(t.db, as(sira), { userId: String(awa.id), reason: 'Campagne de spam', days: '30', hideContent: 'on', about: `comment:${mine[0]}` })).toMatchObject({ ok: true, value: { hidden: 2 } });
    expect(mine.map((id) => commentRow(id).visibility)).toEqual(['hidden', 'hidden']);
    expect(mine.map((id) => moderationOf(id))).toMatchObject([
      { state: 'hidden', hiddenBy: sira.id, hiddenReason: 'Campagne de spam' },
      { state: 'hidden', hiddenBy: sira.id, hiddenReason: 'Campagne de spam' },
    ]);
    expect(commentRow(other).visibility).toBe('visible');
    expect(commentCount()).toBe(1);
    expect(auditRows(t.db, 'content.hide')).toHaveLength(2);
  });

  it('the suspended person signs in again as suspended, and cannot comment', async () => {
    const email = t.db.select({ e: users.email }).from(users).where(eq(users.id, awa.id)).get()!.e!;
    expect(suspendUser(t.db, as(sira), { userId: String(awa.id), reason: 'Insultes répétées', days: '7', about: aboutAwa() })).toMatchObject({ ok: true });
    const signin = await authenticate(t.db, { identifier: email, password: TEST_PASSWORD }, { ip: '10.0.0.1' });
    expect(signin.ok).toBe(true);
    if (!signin.ok) return;
    const actor = loadActor(t.db, signin.value);
    expect(actor).toMatchObject({ id: awa.id, suspended: true });
    const before = t.db.select({ n: count() }).from(comments).get()?.n;
    expect(createComment(t.db, actor, { topicId: String(topicId), stance: 'for', body: 'je reviens quand meme' }, T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(t.db.select({ n: count() }).from(comments).get()?.n).toBe(before);
  });

  it('only moderators of the content’s commune (or of all) and admins sanction; never themselves', () => {
    const about = aboutAwa();
    const input = (u: User) => ({ userId: String(u.id), reason: 'Insultes répétées', days: '3', about });
    expect(suspendUser(t.db, as(moussa), input(awa))).toEqual({ ok: false, error: 'forbidden' });
    expect(suspendUser(t.db, as(bakary), input(awa))).toEqual({ ok: false, error: 'forbidden' });
    expect(suspendUser(t.db, as(kayesModerator), input(awa))).toEqual({ ok: false, error: 'forbidden' });
    expect(suspendUser(t.db, as(sira), { ...input(sira), about: '' })).toEqual({ ok: false, error: 'forbidden' });
    expect(suspendUser(t.db, as(sira), { ...input(awa), reason: '' })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { reason: 'reasonRequired' } });
    // A commune moderator names the content: without it, the sanction is region-wide, not theirs to give.
    expect(suspendUser(t.db, as(sira), { ...input(awa), about: '' })).toEqual({ ok: false, error: 'forbidden' });
    // Someone else's contribution is not a reason to sanction Awa.
    expect(suspendUser(t.db, as(sira), { ...input(awa), about: `comment:${visibleComment(moussa, 'propos de moussa')}` })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { about: 'sanctionAboutInvalid' } });
    expect(t.db.select({ n: count() }).from(sanctions).get()?.n).toBe(0);
    expect(suspendUser(t.db, as(admin), { ...input(awa), about: '' })).toMatchObject({ ok: true });
    expect(t.db.select().from(sanctions).get()).toMatchObject({ communeId: null, contentType: null, contentId: null });
  });
});

// ---------------------------------------------------------------- appeals

describe('appeals', () => {
  /** Awa's comment, hidden by Sira. */
  function hiddenBySira(text = 'propos douteux sur le puisatier du quartier') {
    const id = visibleComment(awa, text);
    expect(report(moussa, id)).toMatchObject({ ok: true });
    expect(moderate(sira, id, 'hide', 'Insulte envers une personne')).toMatchObject({ ok: true });
    return { commentId: id, moderationId: moderationOf(id)!.id };
  }
  const appeal = (u: User, moderationId: number, text = 'Je ne visais personne, je parlais du prix du forage.') =>
    appealDecision(t.db, as(u), { moderationId: String(moderationId), sanctionId: '', text }, minutesAfter(T0, 90));
  const decide = (u: User, appealId: number, outcome: 'upheld' | 'rejected', note = 'Après relecture, le propos est acceptable.') =>
    decideAppeal(t.db, as(u), { appealId: String(appealId), outcome, note }, minutesAfter(T0, 120));

  it('only the author of the hidden content appeals, and only once', () => {
    const { moderationId } = hiddenBySira();
    expect(appeal(moussa, moderationId)).toEqual({ ok: false, error: 'forbidden' });
    expect(appeal(sira, moderationId)).toEqual({ ok: false, error: 'forbidden' });
    expect(appeal(awa, moderationId, 'pas juste')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { text: 'tooShort' } });
    const r = appeal(awa, moderationId);
    expect(r).toMatchObject({ ok: true });
    expect(appeal(awa, moderationId, 'Je reformule mon recours une deuxième fois.')).toEqual({ ok: false, error: 'conflict', fieldErrors: { text: 'alreadyAppealed' } });
    expect(t.db.select().from(appeals).all()).toMatchObject([{ appellantId: awa.id, moderationId, originalModeratorId: sira.id, state: 'pending' }]);
    expect(auditRows(t.db, 'appeal.create')).toHaveLength(1);
  });

  it('there is nothing to appeal about visible content', () => {
    const id = visibleComment(awa, 'propos douteux sur le puisatier du quartier');
    expect(report(moussa, id)).toMatchObject({ ok: true });
    expect(appeal(awa, moderationOf(id)!.id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('neither the moderator who decided nor the appellant settles it; another moderator upholds it and the text is back', () => {
    const text = 'propos douteux sur le puisatier du quartier';
    const { commentId, moderationId } = hiddenBySira(text);
    const r = appeal(awa, moderationId);
    if (!r.ok) throw new Error('appeal failed');
    const appealId = r.value.appealId;
    expect(decide(sira, appealId, 'upheld')).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(awa, appealId, 'upheld')).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(kayesModerator, appealId, 'upheld')).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(moussa, appealId, 'upheld')).toEqual({ ok: false, error: 'forbidden' });
    expect(commentRow(commentId).visibility).toBe('hidden');

    expect(decide(kadiatou, appealId, 'upheld')).toEqual({ ok: true, value: { appealId } });
    expect(commentRow(commentId)).toMatchObject({ visibility: 'visible', body: text });
    expect(pageFor(moussa).top).toMatchObject([{ id: commentId, body: text, visibility: 'visible' }]);
    expect(commentCount()).toBe(1);
    expect(hits('puisatier')).toEqual([`comment:${commentId}`]);
    expect(moderationOf(commentId)).toMatchObject({ state: 'visible', outcome: 'restored', decidedBy: kadiatou.id });
    expect(t.db.select().from(appeals).where(eq(appeals.id, appealId)).get()).toMatchObject({ state: 'upheld', decidedBy: kadiatou.id });
    expect(auditRows(t.db, 'appeal.upheld')).toMatchObject([{ actorId: kadiatou.id, subjectId: appealId }]);
    expect(auditRows(t.db, 'content.restore')).toMatchObject([{ actorId: kadiatou.id, subjectId: commentId }]);
    // Everyone concerned heard: the author (hidden, then appeal decided), the reporter (hidden).
    expect(notified('appeal.decided')).toEqual(ids(awa));
    expect(notified('moderation.outcome')).toEqual(ids(awa));
    expect(notified('moderation.report_outcome')).toEqual(ids(moussa));
    // Decided once: a second decision finds nothing pending.
    expect(decide(admin, appealId, 'rejected')).toEqual({ ok: false, error: 'not_found' });
  });

  it('a rejected appeal keeps the content hidden, and the appellant is told', () => {
    const { commentId, moderationId } = hiddenBySira();
    const r = appeal(awa, moderationId);
    if (!r.ok) throw new Error('appeal failed');
    expect(decide(admin, r.value.appealId, 'rejected', 'La décision est maintenue.')).toMatchObject({ ok: true });
    expect(commentRow(commentId).visibility).toBe('hidden');
    expect(commentCount()).toBe(0);
    expect(t.db.select().from(appeals).get()).toMatchObject({ state: 'rejected', decidedBy: admin.id, note: 'La décision est maintenue.' });
    expect(notified('appeal.decided')).toEqual(ids(awa));
  });

  it('content hidden by reports alone can be appealed, and any moderator of the commune settles it', () => {
    const id = visibleComment(awa, 'propos douteux sur le puisatier du quartier');
    autoHide(id);
    const r = appeal(awa, moderationOf(id)!.id);
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(decide(sira, r.value.appealId, 'upheld')).toMatchObject({ ok: true });
    expect(commentRow(id).visibility).toBe('visible');
    expect(commentCount()).toBe(1);
  });

  it('a suspended person appeals their suspension; another moderator lifts it and they may comment again', async () => {
    const email = t.db.select({ e: users.email }).from(users).where(eq(users.id, awa.id)).get()!.e!;
    const s = suspendUser(t.db, as(sira), { userId: String(awa.id), reason: 'Insultes répétées', days: '30', about: `comment:${visibleComment(awa, 'propos de awa')}` });
    if (!s.ok) throw new Error('suspension failed');
    const signin = await authenticate(t.db, { identifier: email, password: TEST_PASSWORD }, { ip: '10.0.0.2' });
    if (!signin.ok) throw new Error('sign-in failed');
    const suspended = loadActor(t.db, signin.value)!;
    expect(suspended.suspended).toBe(true);

    const input = { moderationId: '', sanctionId: String(s.value.sanctionId), text: 'Je demande pardon, cela ne se reproduira pas.' };
    expect(appealDecision(t.db, as(moussa), input)).toEqual({ ok: false, error: 'forbidden' });
    const r = appealDecision(t.db, suspended, input);
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(appealDecision(t.db, suspended, input)).toEqual({ ok: false, error: 'conflict', fieldErrors: { text: 'alreadyAppealed' } });
    expect(decide(sira, r.value.appealId, 'upheld')).toEqual({ ok: false, error: 'forbidden' });
    expect(decide(kadiatou, r.value.appealId, 'upheld')).toMatchObject({ ok: true });

    expect(t.db.select({ s: users.suspendedUntil }).from(users).where(eq(users.id, awa.id)).get()?.s).toBeNull();
    expect(t.db.select().from(sanctions).get()).toMatchObject({ liftedBy: kadiatou.id });
    expect(activeSuspension(t.db, awa.id)).toBeNull();
    expect(auditRows(t.db, 'user.unsuspend')).toMatchObject([{ actorId: kadiatou.id, subjectId: awa.id }]);
    expect(notified('appeal.decided')).toEqual(ids(awa));
    // The same session is no longer suspended at its next request.
    const again = loadActor(t.db, signin.value)!;
    expect(again.suspended).toBe(false);
    expect(createComment(t.db, again, { topicId: String(topicId), stance: 'for', body: 'merci, je resterai courtoise' }, T0)).toMatchObject({ ok: true });
  });

  it('a comment hidden again after a successful appeal is a new decision, which its author may appeal', () => {
    const { commentId, moderationId } = hiddenBySira();
    const first = appeal(awa, moderationId);
    if (!first.ok) throw new Error('appeal failed');
    expect(decide(kadiatou, first.value.appealId, 'upheld')).toMatchObject({ ok: true });
    expect(moderate(sira, commentId, 'hide', 'Insulte envers une personne, à nouveau')).toMatchObject({ ok: true });
    expect(appeal(awa, moderationId, 'Un autre moderateur m’avait donné raison la première fois.')).toMatchObject({ ok: true });
  });
});

// ---------------------------------------------------------------- conflicts of interest

describe('conflicts of interest', () => {
  it('the official who published the topic cannot moderate its comments, even when also a moderator', async () => {
    const bakaryModerator = await addUser(t, {
      displayName: 'Bakary bis',
      communeId: nioro,
      grants: [
        { role: 'official', communeId: nioro },
        { role: 'moderator', communeId: nioro },
      ],
    });
    const ownTopic = openTopic({ authorId: bakaryModerator.id, title: 'Marché de Nioro' });
    const onOwn = visibleComment(awa, 'le marche est trop petit', { topic: ownTopic });
    const onOther = visibleComment(awa, 'le forage est trop loin');
    expect(moderate(bakaryModerator, onOwn, 'hide', 'Insulte envers une personne')).toEqual({ ok: false, error: 'forbidden' });
    expect(moderate(bakaryModerator, ownTopic, 'hide', 'Sujet en double', 'topic')).toEqual({ ok: false, error: 'forbidden' });
    expect(commentRow(onOwn).visibility).toBe('visible');
    // A topic published by someone else is no conflict.
    expect(moderate(bakaryModerator, onOther, 'hide', 'Insulte envers une personne')).toMatchObject({ ok: true });
  });

  it('a moderator cannot moderate their own content, nor settle an appeal about it', () => {
    const own = visibleComment(kadiatou, 'message de la moderatrice elle meme');
    expect(moderate(kadiatou, own, 'hide', 'Je me masque moi-même')).toEqual({ ok: false, error: 'forbidden' });
    expect(moderate(sira, own, 'hide', 'Propos hors sujet')).toMatchObject({ ok: true });
    const r = appealDecision(t.db, as(kadiatou), { moderationId: String(moderationOf(own)!.id), sanctionId: '', text: 'Mon message était dans le sujet.' });
    if (!r.ok) throw new Error('appeal failed');
    expect(decideAppeal(t.db, as(kadiatou), { appealId: String(r.value.appealId), outcome: 'upheld', note: 'Je me donne raison.' })).toEqual({ ok: false, error: 'forbidden' });
    expect(commentRow(own).visibility).toBe('hidden');
  });

  it('a commune’s moderator cannot moderate another commune’s content', () => {
    const id = visibleComment(awa, 'le forage est trop loin');
    expect(moderate(kayesModerator, id, 'hide', 'Insulte envers une personne')).toEqual({ ok: false, error: 'forbidden' });
    expect(moderate(bakary, id, 'hide', 'Insulte envers une personne')).toEqual({ ok: false, error: 'forbidden' });
    expect(moderate(moussa, id, 'hide', 'Insulte envers une personne')).toEqual({ ok: false, error: 'forbidden' });
    expect(commentRow(id).visibility).toBe('visible');
    expect(moderationQueue(t.db, { communes: [kayes], nowIso: T0.toISOString() })).toEqual([]);
  });
});

// ---------------------------------------------------------------- nowhere in public

describe('hidden content is absent from every public list, count, search, feed and export', () => {
  it('a hidden topic: not listed, not on the home page, not in the feed, not found, closed to comments', () => {
    const other = openTopic({ title: 'Marché à bétail de Nioro' });
    const c = visibleComment(awa, 'les eleveurs attendent ce parc a betail', { topic: other });
    expect(moderate(kadiatou, other, 'hide', 'Sujet publié par erreur', 'topic')).toMatchObject({ ok: true });
    expect(moderationOf(other, 'topic')).toMatchObject({ state: 'hidden', hiddenBy: kadiatou.id });

    const listed = listTopics(t.db, null, { sort: 'newest', page: 1 }, T0).rows.map((r) => r.id);
    expect(listed).toEqual([topicId]);
    expect(listTopics(t.db, null, { sort: 'newest', page: 1 }, T0).total).toBe(1);
    expect(openTopicsForHome(t.db, nioro, T0).map((r) => r.id)).toEqual([topicId]);
    expect(feedTopics(t.db, nioro).map((r) => r.id)).toEqual([topicId]);
    expect(feedTopics(t.db, null).map((r) => r.id)).toEqual([topicId]);
    expect(hits('betail')).toEqual([]);
    expect(hits('eleveurs')).toEqual([]);
    expect(post(moussa, 'je voulais commenter ce sujet', { topic: other })).toEqual({ ok: false, error: 'not_found' });
    expect(report(moussa, other, 'spam', 'topic')).toEqual({ ok: false, error: 'not_found' });

    expect(moderate(admin, other, 'restore', undefined, 'topic')).toMatchObject({ ok: true });
    expect(feedTopics(t.db, nioro).map((r) => r.id)).toEqual([other, topicId]);
    expect(hits('eleveurs')).toEqual([`comment:${c}`]);
  });

  it('a hidden comment: out of the count, the stances, search and the export; a bare placeholder for readers', () => {
    const shown = visibleComment(moussa, 'les maraicheres soutiennent ce forage', { stance: 'for' });
    const hidden = visibleComment(awa, 'propos injurieux sur le puisatier', { stance: 'against' });
    const reply = visibleComment(fanta, 'je ne suis pas d’accord avec le puisatier', { stance: 'question' });
    expect(moderate(sira, hidden, 'hide', 'Insulte envers une personne')).toMatchObject({ ok: true });
    expect(commentCount()).toBe(2);
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ for: 1, question: 1 });
    expect(hits('injurieux')).toEqual([]);
    expect(exportComments(t.db, topicId).map((c) => c.id)).toEqual([shown, reply]);
    expect(JSON.stringify(exportComments(t.db, topicId))).not.toContain('injurieux');
    for (const reader of [null, moussa, bakary, kayesModerator]) {
      const page = pageFor(reader);
      expect(page.top.map((c) => c.id)).toEqual([shown, hidden, reply]);
      expect(page.top.find((c) => c.id === hidden)?.body).toBe('');
      expect(JSON.stringify(page)).not.toContain('injurieux');
    }
    // Its moderators still read it, to decide.
    expect(pageFor(kadiatou).top.find((c) => c.id === hidden)?.body).toBe('propos injurieux sur le puisatier');
  });
});

describe('what moderation acts on stays as it was judged', () => {
  it('the author cannot rewrite a comment while it is hidden: the text a reviewer restores is the text that was judged', () => {
    const text = 'propos douteux sur le puisatier du quartier';
    const id = visibleComment(awa, text);
    expect(moderate(sira, id, 'hide', 'Insulte envers une personne')).toMatchObject({ ok: true });
    // Still inside the 15-minute edit window.
    const edit = editComment(t.db, as(awa), { commentId: String(id), stance: 'for', body: 'un tout autre texte, bien poli' }, minutesAfter(T0, minute + 1));
    expect(edit.ok).toBe(false);
    expect(commentRow(id).body).toBe(text);
  });

  it('an admin, who may moderate every commune, reads held and hidden comments on the page like a moderator', () => {
    setRules('all');
    const held = posted(awa, 'les maraicheres attendent ce forage').commentId;
    expect(idsOnPage(admin)).toEqual([held]);
    expect(pageFor(admin).top[0]?.body).toBe('les maraicheres attendent ce forage');
  });
});

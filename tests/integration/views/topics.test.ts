import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import type { CommentThreadItem, CommentView } from '@/lib/comments/views';
import { moderateContent } from '@/lib/moderation/moderate-content';
import { topicExport } from '@/lib/open-data/exports';
import { topicFeed } from '@/lib/open-data/feeds';
import { revisionsPage } from '@/lib/revisions/views';
import { searchPage } from '@/lib/search/views';
import { topicPage, topicPageMeta } from '@/lib/topics/topic-page-view';
import { updateTopic } from '@/lib/topics/update-topic';
import { editTopicPage, homePage, newTopicPage, topicList } from '@/lib/topics/views';
import type { ViewContext } from '@/lib/view-context';
import { castVote } from '@/lib/votes/cast-vote';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, topicForm, type TestDb } from '../../helpers/db';

/**
 * What each kind of reader sees of the same topic (lib/topics/topic-page-view.ts and the other topic
 * loaders): an anonymous visitor, a citizen, the author of a held comment, an official of the commune and
 * of another, a moderator of the commune. The topic has a visible comment, a reply, one hidden by a
 * moderator and one held for review.
 */

let t: TestDb;
let nioro: number;
let kayes: number;
let bakary: User; // official of Nioro, publisher of the topic
let mariam: User; // official of Kayes
let sira: User; // moderator of Nioro
let awa: User;
let moussa: User;
let fanta: User;
let topicId: number;
let shown: number;
let reply: number;
let hidden: number;
let held: number;

const NOW = CONSULTATION.during;
const as = (u: User) => actorOf(t.db, u.id);
const ctxOf = (u: User | null, now = NOW): ViewContext => ({ db: t.db, actor: u ? as(u) : null, now });
const post = (u: User, body: string, extra: Record<string, string> = {}, at = minutesAfter(NOW, -60)) => {
  const r = createComment(t.db, as(u), { topicId: String(topicId), stance: 'for', body, ...extra }, at);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};
const page = (u: User | null, sp: Record<string, string> = {}, now = NOW) => topicPage(ctxOf(u, now), { id: String(topicId), sp });
const flat = (items: CommentThreadItem[]): CommentView[] => items.flatMap((c) => [c, ...c.replies]);
const byId = (items: CommentThreadItem[], id: number) => flat(items).find((c) => c.id === id);

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  kayes = t.communeId('kayes');
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro du Sahel' }] });
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  sira = await addUser(t, { displayName: 'Sira Camara', communeId: nioro, grants: [{ role: 'moderator', communeId: nioro }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: nioro });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro });
  topicId = addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Forage d’eau à Sanfing', body: 'Le **puits** tarit en mars.' }).id;
  shown = post(awa, 'bonne idée pour les maraîchères').commentId;
  reply = post(moussa, 'je suis d’accord avec Awa', { parentId: String(shown) }).commentId;
  hidden = post(moussa, 'propos blessant envers une voisine').commentId;
  const hide = moderateContent(t.db, as(sira), { contentType: 'comment', contentId: String(hidden), action: 'hide', reason: 'Propos blessant envers une personne' }, NOW);
  expect(hide).toMatchObject({ ok: true });
  // A phone number from a citizen is held for review (lib/moderation/screen.ts).
  const h = post(fanta, 'appelez le puisatier au 76 12 34 56');
  expect(h.held).toBe(true);
  held = h.commentId;
  expect(castVote(t.db, as(awa), { topicId: String(topicId), choice: 'for' }, NOW)).toMatchObject({ ok: true });
});
afterEach(() => t.cleanup());

describe('the topic page, for each reader', () => {
  it('an anonymous visitor: the public page, no held comment, no hidden text, an invitation to sign in', () => {
    const v = page(null)!;
    expect(v.header).toMatchObject({ title: 'Forage d’eau à Sanfing', commune: 'Nioro du Sahel', authorName: 'Bakary Diallo', authorTitle: 'Maire de Nioro du Sahel', phase: 'open', held: false, mayManage: false });
    expect(v.bodyHtml).toContain('<strong>puits</strong>');
    expect(v.vote).toMatchObject({ mayVote: false, instead: 'signIn', mine: null, splits: null });
    expect(v.vote.tally.find((r) => r.key === 'for')).toMatchObject({ residents: 1, others: 0 });
    expect(v.comments).toMatchObject({ total: 2, mayComment: false });
    expect(flat(v.comments.comments).map((c) => c.id)).toEqual([shown, reply, hidden]);
    expect(byId(v.comments.comments, hidden)).toMatchObject({ body: '', hiddenBy: { kind: 'moderation', reason: 'Propos blessant envers une personne' }, hiddenForYou: false, appeal: null });
    for (const c of flat(v.comments.comments)) expect(c).toMatchObject({ mayEdit: false, mayDelete: false, maySupport: false, mayReport: false });
    expect(JSON.stringify(v)).not.toMatch(/blessant envers une voisine|puisatier/);
  });

  it('an account not verified yet reads the page, and is sent to /verify where the vote and comment forms would be', async () => {
    const kadi = await addUser(t, { displayName: 'Kadi Sow', communeId: nioro, verifiedAt: null });
    const v = page(kadi)!;
    expect(v.vote).toMatchObject({ mayVote: false, instead: 'verify', mine: null });
    expect(v.comments).toMatchObject({ mayComment: false, verifyToComment: true });
    for (const c of flat(v.comments.comments)) expect(c).toMatchObject({ maySupport: false, mayReport: false });
    // Verified readers and anonymous visitors are never told to verify; nor is anyone once the vote is closed.
    expect(page(awa)!.comments.verifyToComment).toBe(false);
    expect(page(null)!.comments.verifyToComment).toBe(false);
    expect(page(kadi, {}, CONSULTATION.after)!.vote.instead).toBe('closed');
  });

  it('a citizen: votes and comments, reports and supports others’ comments, never sees the held one', () => {
    const v = page(awa)!;
    expect(v.vote).toMatchObject({ mayVote: true, instead: null, mine: 'for', splits: null });
    expect(v.comments.mayComment).toBe(true);
    expect(v.header.mayManage).toBe(false);
    expect(byId(v.comments.comments, shown)).toMatchObject({ mayEdit: false, mayDelete: true, maySupport: false, mayReport: false });
    expect(byId(v.comments.comments, reply)).toMatchObject({ maySupport: true, mayReport: true, mayDelete: false });
    expect(byId(v.comments.comments, hidden)).toMatchObject({ body: '', mayReport: false, maySupport: false });
    expect(byId(v.comments.comments, held)).toBeUndefined();
    expect(v.comments.comments.find((c) => c.id === shown)).toMatchObject({ mayReply: true, replyOpen: false });
    expect(page(awa, { reply: String(shown), report: String(reply) })!.comments.comments.find((c) => c.id === shown)).toMatchObject({ replyOpen: true, replies: [{ id: reply, reportOpen: true }] });
  });

  it('the authors of the held and the hidden comment: their own, with what happened and the appeal', () => {
    const fantaView = page(fanta)!;
    expect(fantaView.comments.total).toBe(3);
    expect(byId(fantaView.comments.comments, held)).toMatchObject({ visibility: 'held', body: 'appelez le puisatier au 76 12 34 56', mayDelete: true });
    const moussaView = page(moussa)!;
    expect(byId(moussaView.comments.comments, hidden)).toMatchObject({ body: 'propos blessant envers une voisine', hiddenForYou: true, appeal: { state: 'open' }, mayEdit: false });
    expect(byId(moussaView.comments.comments, held)).toBeUndefined();
  });

  it('the commune’s official: the split of the votes, the management link; not the held comment of a citizen', () => {
    const v = page(bakary)!;
    expect(v.header.mayManage).toBe(true);
    expect(v.vote.splits).not.toBeNull();
    expect(v.vote.splits!.byGender.status).toBe('withheld');
    expect(byId(v.comments.comments, held)).toBeUndefined();
    expect(byId(v.comments.comments, hidden)).toMatchObject({ body: '' });
  });

  it('an official of another commune reads it as a citizen does', () => {
    const v = page(mariam)!;
    expect(v.header.mayManage).toBe(false);
    expect(v.vote.splits).toBeNull();
    expect(v.vote.mayVote).toBe(true);
  });

  it('the commune’s moderator: the held comment and the hidden text, to judge them', () => {
    const v = page(sira)!;
    expect(v.comments.total).toBe(3);
    expect(byId(v.comments.comments, held)).toMatchObject({ visibility: 'held', body: 'appelez le puisatier au 76 12 34 56' });
    expect(byId(v.comments.comments, hidden)).toMatchObject({ body: 'propos blessant envers une voisine' });
    expect(v.header.mayManage).toBe(false);
    expect(v.vote.splits).toBeNull();
  });

  it('after its close date: no vote, no comment, the reason said; the page itself writes nothing', () => {
    const v = page(awa, {}, CONSULTATION.after)!;
    expect(v.header.phase).toBe('deliberation');
    expect(v.vote).toMatchObject({ mayVote: false, instead: 'closed' });
    expect(v.comments.mayComment).toBe(false);
    // Rendering did not close it: the scheduler does (tests/integration/scheduler.test.ts).
    expect(v.timeline.steps).toEqual([]);
    expect(page(awa, {}, CONSULTATION.after)!.timeline.steps).toEqual([]);
  });

  it('notices and errors from the URL, and nothing else', () => {
    const v = page(awa, { voted: '1', posted: '1', error: 'capReachedLater', unknown: '1' })!;
    expect(v.notices).toEqual(['voted', 'posted']);
    expect(v.error).toBe('capReachedLater');
    expect(page(awa, { error: '<script>' })!.error).toBe('invalid');
  });

  it('a draft or a held topic: its commune’s officials only; anyone else gets nothing (404)', () => {
    const draft = addTopic(t, { authorId: bakary.id, communeId: nioro, phase: 'draft' }).id;
    const heldTopic = addTopic(t, { authorId: bakary.id, communeId: nioro, visibility: 'held' }).id;
    for (const id of [draft, heldTopic]) {
      for (const u of [null, awa, mariam, sira]) expect(topicPage(ctxOf(u), { id: String(id), sp: {} }), `${id} ${u?.displayName}`).toBeNull();
      expect(topicPageMeta(ctxOf(null), String(id))).toBeNull();
      expect(topicPage(ctxOf(bakary), { id: String(id), sp: {} })).not.toBeNull();
    }
    expect(topicPage(ctxOf(bakary), { id: String(heldTopic), sp: {} })!.header.held).toBe(true);
    expect(topicPage(ctxOf(null), { id: 'abc', sp: {} })).toBeNull();
    expect(topicPage(ctxOf(null), { id: '99999', sp: {} })).toBeNull();
  });
});

describe('the other topic pages', () => {
  it('the list: public topics for everyone, drafts and held topics for their officials; publishing for officials only', () => {
    const draft = addTopic(t, { authorId: bakary.id, communeId: nioro, phase: 'draft' }).id;
    const ids = (u: User | null) => topicList(ctxOf(u), {}).topics.map((r) => r.id).sort();
    expect(ids(null)).toEqual([topicId]);
    expect(ids(awa)).toEqual([topicId]);
    expect(ids(mariam)).toEqual([topicId]);
    expect(ids(bakary)).toEqual([topicId, draft].sort());
    expect(topicList(ctxOf(awa), {}).mayCreate).toBe(false);
    expect(topicList(ctxOf(mariam), {}).mayCreate).toBe(true);
    expect(topicList(ctxOf(null), { phase: 'draft', sort: 'nonsense', page: '-3' }).filters).toEqual({ communeId: undefined, sector: undefined, phase: 'draft', sort: 'newest', page: 1 });
    expect(topicList(ctxOf(null), {}).phases).not.toContain('draft');
  });

  it('the home page: open public consultations, the reader’s commune first', () => {
    const kayesTopic = addTopic(t, { authorId: mariam.id, communeId: kayes, closesAt: '2027-03-20T18:00:00.000Z' }).id;
    addTopic(t, { authorId: bakary.id, communeId: nioro, visibility: 'held' });
    expect(homePage(ctxOf(null), { communeId: null }).openTopics.map((r) => r.id)).toEqual([kayesTopic, topicId]);
    const home = homePage(ctxOf(awa), { communeId: nioro });
    expect(home.openTopics.map((r) => r.id)).toEqual([topicId, kayesTopic]);
    expect(home).toMatchObject({ readerName: 'Awa Traoré', commune: 'Nioro du Sahel' });
    expect(home.spaces.length).toBeGreaterThan(0);
  });

  it('managing a topic: its officials; a visitor is sent to sign in; anyone else gets a 404', () => {
    expect(editTopicPage(ctxOf(null), String(topicId))).toBe('signIn');
    expect(editTopicPage(ctxOf(awa), String(topicId))).toBeNull();
    expect(editTopicPage(ctxOf(mariam), String(topicId))).toBeNull();
    expect(editTopicPage(ctxOf(bakary), String(topicId))).toMatchObject({ phase: 'open', moves: ['deliberation'], archived: false, topic: { id: topicId } });
    expect(editTopicPage(ctxOf(bakary), 'x')).toBeNull();
    expect(newTopicPage(ctxOf(null))).toBe('signIn');
    expect(newTopicPage(ctxOf(awa))).toBeNull();
    expect(newTopicPage(ctxOf(bakary))).toEqual({ communes: [{ id: nioro, name: 'Nioro du Sahel' }] });
  });

  it('revisions: public with the topic, each earlier version with its editor', () => {
    const fields = Object.entries(topicForm(nioro, { title: 'Forage d’eau à Sanfing et Tiéfala' })).filter(([k]) => k !== 'communeId');
    const edit = updateTopic(t.db, as(bakary), { topicId: String(topicId), ...Object.fromEntries(fields) }, NOW);
    expect(edit).toMatchObject({ ok: true });
    const v = revisionsPage(ctxOf(null), { kind: 'topic', id: String(topicId) })!;
    expect(v.subject).toEqual({ kind: 'topic', id: topicId, title: 'Forage d’eau à Sanfing et Tiéfala' });
    expect(v.revisions).toMatchObject([{ title: 'Forage d’eau à Sanfing', editor: 'Bakary Diallo', parts: [{ kind: 'text' }, { kind: 'html' }] }]);
    const draft = addTopic(t, { authorId: bakary.id, communeId: nioro, phase: 'draft' }).id;
    expect(revisionsPage(ctxOf(awa), { kind: 'topic', id: String(draft) })).toBeNull();
    expect(revisionsPage(ctxOf(bakary), { kind: 'topic', id: String(draft) })).not.toBeNull();
  });

  it('search, feed and exports: public content only, whoever asks', () => {
    const s = searchPage(ctxOf(null), { q: 'maraîchères' });
    expect(s.groups).toMatchObject([{ kind: 'comment', results: [{ path: `/topics/${topicId}#comment-${shown}`, on: 'topic' }] }]);
    expect(s.groups[0]!.results[0]!.snippet.some((p) => p.marked)).toBe(true);
    expect(searchPage(ctxOf(null), { q: 'puisatier' }).count).toBe(0);
    expect(searchPage(ctxOf(null), {})).toEqual({ q: '', count: 0, groups: [] });

    expect(topicFeed(ctxOf(null), 'nioro-du-sahel.atom')!.entries.map((e) => e.path)).toEqual([`/topics/${topicId}`]);
    expect(topicFeed(ctxOf(null), 'nowhere.atom')).toBeNull();
    expect(topicFeed(ctxOf(null), '../etc/passwd')).toBeNull();

    const csv = topicExport(ctxOf(null), `${topicId}-comments.csv`)!;
    expect(csv.filename).toBe(`baro-topic-${topicId}-comments.csv`);
    expect(csv.csv).toContain('bonne idée pour les maraîchères');
    expect(csv.csv).not.toMatch(/blessant|puisatier/);
    expect(topicExport(ctxOf(null), `${topicId}-tally.json`)!.json).toMatchObject({ topic: { id: topicId }, tally: expect.arrayContaining([expect.objectContaining({ choice: 'for', total: 1 })]) });
    const draft = addTopic(t, { authorId: bakary.id, communeId: nioro, phase: 'draft' }).id;
    expect(topicExport(ctxOf(bakary), `${draft}-comments.csv`)).toBeNull();
  });

  it('a CSV export neutralises a comment that looks like a formula', () => {
    post(awa, '=SOMME(A1;A9) : le forage coûte trop cher', {}, minutesAfter(NOW, -30));
    const csv = topicExport(ctxOf(null), `${topicId}-comments.csv`)!.csv!;
    expect(csv).toContain(`'=SOMME(A1;A9) : le forage coûte trop cher`);
    expect(csv).not.toMatch(/,=SOMME/);
  });
});

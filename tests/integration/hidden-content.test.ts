import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ftsQuery, searchContent } from '@/lib/search/queries';
import { commentsPage, exportComments, stanceCounts } from '@/lib/comments/queries';
import { comments, topics, type User, type Visibility } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { deleteComment } from '@/lib/comments/delete-comment';
import { changeTopicPhase } from '@/lib/topics/change-phase';
import { createTopic } from '@/lib/topics/create-topic';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, topicForm, type TestDb } from '../helpers/db';

let t: TestDb;
let nioro: number;
let bakary: User; // official of Nioro du Sahel
let awa: User;
let moussa: User;
let fanta: User;
beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro du Sahel' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: nioro });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro });
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);

/** An open topic of Nioro, through the triggers that keep the search index. */
function openTopic(title = 'Forage d’eau à Nioro') {
  return addTopic(t, { authorId: bakary.id, communeId: nioro, title, summary: 'Un forage pour le quartier Sanfing.', body: 'Le puits actuel tarit en mars.' }).id;
}
function comment(u: User, topicId: number, body: string, stance: 'for' | 'against' | 'neutral' | 'question') {
  const r = createComment(t.db, as(u), { topicId: String(topicId), stance, body }, CONSULTATION.during);
  if (!r.ok) throw new Error(`createComment failed: ${JSON.stringify(r)}`);
  return r.value.commentId;
}
/** What the moderation pipeline will do later: here, straight in the database. */
const setVisibility = (commentId: number, visibility: Visibility) =>
  t.db.update(comments).set({ visibility }).where(eq(comments.id, commentId)).run();
const hits = (q: string) => searchContent(t.db, q).map((h) => `${h.kind}:${h.refId}`).sort();

describe('hidden and held comments stay out of every public view', () => {
  let topicId: number;
  let shown: number;
  let hidden: number;
  let held: number;
  beforeEach(() => {
    topicId = openTopic();
    shown = comment(awa, topicId, 'bonne idee pour les maraicheres', 'for');
    hidden = comment(moussa, topicId, 'propos injurieux masque par la moderation', 'against');
    held = comment(awa, topicId, 'numero du puisatier en attente de relecture', 'question');
    setVisibility(hidden, 'hidden');
    setVisibility(held, 'held');
  });

  it('the stance counts leave them out', () => {
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ for: 1 });
  });

  it('search does not find them', () => {
    expect(hits('maraicheres')).toEqual([`comment:${shown}`]);
    expect(hits('injurieux')).toEqual([]);
    expect(hits('puisatier')).toEqual([]);
  });

  it('the open-data export leaves them out', () => {
    expect(exportComments(t.db, topicId).map((c) => c.id)).toEqual([shown]);
    expect(JSON.stringify(exportComments(t.db, topicId))).not.toMatch(/injurieux|puisatier/);
  });

  it('a citizen reading the topic never sees their text: held ones are absent, hidden ones are a placeholder', () => {
    const page = commentsPage(t.db, { kind: 'topic', id: topicId }, nioro, 'oldest', 1, as(fanta));
    expect(page.top.map((c) => c.id)).toEqual([shown, hidden]);
    expect(page.top.find((c) => c.id === hidden)?.body).toBe('');
    expect(JSON.stringify(page)).not.toMatch(/injurieux|puisatier/);
    const anonymous = commentsPage(t.db, { kind: 'topic', id: topicId }, nioro, 'newest', 1, null);
    expect(anonymous.top.map((c) => c.id)).toEqual([hidden, shown]);
    expect(JSON.stringify(anonymous)).not.toMatch(/injurieux|puisatier/);
  });

  it('their authors still see their own text, marked', () => {
    const mine = commentsPage(t.db, { kind: 'topic', id: topicId }, nioro, 'oldest', 1, as(moussa));
    expect(mine.top.find((c) => c.id === hidden)?.body).toBe('propos injurieux masque par la moderation');
    const awaView = commentsPage(t.db, { kind: 'topic', id: topicId }, nioro, 'oldest', 1, as(awa));
    expect(awaView.top.map((c) => c.id)).toEqual([shown, hidden, held]);
  });

  it('a restored comment is found again; a comment its author deleted is not', () => {
    setVisibility(hidden, 'visible');
    expect(hits('injurieux')).toEqual([`comment:${hidden}`]);
    expect(deleteComment(t.db, as(awa), { commentId: String(shown) })).toMatchObject({ ok: true });
    expect(hits('maraicheres')).toEqual([]);
    expect(exportComments(t.db, topicId).map((c) => c.id)).toEqual([hidden]);
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ against: 1 });
  });
});

describe('topics in search', () => {
  it('a draft is not found; once published it is', () => {
    const r = createTopic(t.db, as(bakary), topicForm(nioro, { title: 'Marché à bétail de Nioro', summary: 'Un nouveau parc à bétail au nord de la ville.' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(hits('betail')).toEqual([]);
    expect(changeTopicPhase(t.db, as(bakary), { topicId: String(r.value.topicId), phase: 'information' }, CONSULTATION.during)).toMatchObject({ ok: true });
    expect(hits('betail')).toEqual([`topic:${r.value.topicId}`]);
    expect(changeTopicPhase(t.db, as(bakary), { topicId: String(r.value.topicId), phase: 'draft' }, CONSULTATION.during)).toMatchObject({ ok: true });
    expect(hits('betail')).toEqual([]);
  });

  it('a topic hidden by moderation takes its comments out of search with it, and brings them back when restored', () => {
    const topicId = openTopic();
    const c = comment(awa, topicId, 'les maraicheres attendent ce forage', 'for');
    const setTopic = (visibility: Visibility) => t.db.update(topics).set({ visibility }).where(eq(topics.id, topicId)).run();
    setTopic('hidden');
    expect(hits('nioro')).toEqual([]);
    expect(hits('maraicheres')).toEqual([]);
    setTopic('visible');
    expect(hits('nioro')).toEqual([`topic:${topicId}`]);
    expect(hits('maraicheres')).toEqual([`comment:${c}`]);
  });

  it('a held topic is not found', () => {
    addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Gare routière de Nioro', visibility: 'held' });
    expect(hits('gare')).toEqual([]);
  });
});

describe('searching as people type', () => {
  it('finds words whatever the accents and capitals', () => {
    const topicId = openTopic("Forage d'eau à Nioro");
    const other = openTopic('Piste rurale de Gogui');
    const c = comment(awa, other, "la piste sert surtout pour l'élevage", 'for');
    for (const q of ['eau', 'EAU', 'Eau', 'nioro', 'NIORO', 'Nioro ', 'forage eau']) expect(hits(q)).toEqual([`topic:${topicId}`]);
    for (const q of ['elevage', 'élevage', 'ELEVAGE', 'Élevage', 'elev']) expect(hits(q)).toEqual([`comment:${c}`]);
    const [hit] = searchContent(t.db, 'elevage');
    expect(hit).toMatchObject({ kind: 'comment', refId: c, topicId: other, title: 'Piste rurale de Gogui' });
  });

  it.each(['"', 'AND OR NOT', '*', 'eau"); DROP TABLE', 'NEAR(eau nioro)', '-eau', 'title:eau', '^eau', '(', "l'eau", '', '   ', 'eau AND', '""""'])(
    'whatever is typed, the query never breaks: %j',
    (q) => {
      openTopic();
      expect(() => ftsQuery(q)).not.toThrow();
      expect(() => searchContent(t.db, q)).not.toThrow();
      expect(t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM topics`).n).toBe(1);
    },
  );

  it('turns what was typed into quoted prefix terms, or nothing at all', () => {
    expect(ftsQuery('"')).toBeNull();
    expect(ftsQuery('*')).toBeNull();
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsQuery('AND OR NOT')).toBe('"AND"* "OR"* "NOT"*');
    expect(ftsQuery('eau"); DROP TABLE')).toBe('"eau"* "DROP"* "TABLE"*');
    expect(ftsQuery("l'élevage")).toBe('"l"* "élevage"*');
  });
});

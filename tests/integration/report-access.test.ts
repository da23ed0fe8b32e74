import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comments, moderations, projects, projectUpdates, reports, topics, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { deleteComment } from '@/lib/comments/delete-comment';
import { reportContent } from '@/lib/moderation/report-content';
import { saveProject } from '@/lib/projects/save-project';
import { mayViewProject } from '@/lib/projects/readers';
import { can } from '@/lib/permissions';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';
import { projectForm } from '../helpers/projects';

const T0 = CONSULTATION.during;

let t: TestDb;
let kayes: number;
let official: User;
let awa: User;
let moussa: User;
let reporter: User;
let topicId: number;

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  official = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Cheffe du service de l’hydraulique' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', phone: '+22376000002' });
  reporter = await addUser(t, { displayName: 'Oumar Sow' });
  topicId = addTopic(t, { authorId: official.id, communeId: kayes }).id;
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
let minute = 0;
function commentOf(u: User, topic = topicId): number {
  const r = createComment(t.db, as(u), { topicId: String(topic), stance: 'for', body: `un avis numero ${++minute}` }, minutesAfter(T0, minute * 5));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.commentId;
}
const report = (who: User | null, contentType: string, id: number) => reportContent(t.db, who ? as(who) : null, { contentType, contentId: String(id), reason: 'spam' }, T0);
const NOT_FOUND = { ok: false, error: 'not_found' };
const nothingReported = () => {
  expect(t.db.select({ n: count() }).from(reports).get()?.n).toBe(0);
  expect(t.db.select({ n: count() }).from(moderations).get()?.n).toBe(0);
};

describe('reporting requires being able to read the item; what cannot be read answers as an unknown id', () => {
  it('a draft topic, even for the official who may read it; a held or hidden topic', async () => {
    const draft = addTopic(t, { authorId: official.id, communeId: kayes, phase: 'draft' }).id;
    const held = addTopic(t, { authorId: official.id, communeId: kayes, visibility: 'held' }).id;
    const hidden = addTopic(t, { authorId: official.id, communeId: kayes, visibility: 'hidden' }).id;
    const colleague = await addUser(t, { displayName: 'Collègue', grants: [{ role: 'official', communeId: kayes, title: 'Adjoint' }] });
    expect(can(as(colleague), 'topic.read', t.db.select().from(topics).where(eq(topics.id, draft)).get()!)).toBe(true);
    for (const who of [reporter, colleague, null]) {
      for (const id of [draft, held, hidden, 99999]) expect(report(who, 'topic', id)).toEqual(NOT_FOUND);
    }
    nothingReported();
  });

  it('someone else’s held comment, a hidden comment, a deleted comment, a comment on a held topic', () => {
    const visible = commentOf(awa);
    const held = commentOf(moussa);
    t.db.update(comments).set({ visibility: 'held' }).where(eq(comments.id, held)).run();
    const hidden = commentOf(moussa);
    t.db.update(comments).set({ visibility: 'hidden' }).where(eq(comments.id, hidden)).run();
    const deleted = commentOf(moussa);
    expect(deleteComment(t.db, as(moussa), { commentId: String(deleted) }, T0)).toMatchObject({ ok: true });
    const laterHeldTopic = addTopic(t, { authorId: official.id, communeId: kayes }).id;
    const onHeldTopic = commentOf(moussa, laterHeldTopic);
    t.db.update(topics).set({ visibility: 'held' }).where(eq(topics.id, laterHeldTopic)).run();
    for (const id of [held, hidden, deleted, onHeldTopic]) expect(report(reporter, 'comment', id)).toEqual(NOT_FOUND);
    nothingReported();
    expect(report(reporter, 'comment', visible)).toEqual({ ok: true, value: { autoHidden: false, topicId: null } });
  });

  it('a draft project, even for an invited co-proposer who may read it; a held project and its progress updates', () => {
    const draft = saveProject(t.db, as(awa), projectForm(kayes, { intent: 'draft', coProposers: '76 00 00 02' }), T0);
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    const project = () => t.db.select().from(projects).where(eq(projects.id, draft.value.projectId)).get()!;
    expect(mayViewProject(t.db, as(moussa), project())).toBe(true);
    expect(report(moussa, 'project', draft.value.projectId)).toEqual(NOT_FOUND);
    expect(report(reporter, 'project', draft.value.projectId)).toEqual(NOT_FOUND);

    const submitted = saveProject(t.db, as(awa), projectForm(kayes, { title: 'Un moulin pour le groupement' }), T0);
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const id = submitted.value.projectId;
    const update = t.db.insert(projectUpdates).values({ projectId: id, authorId: official.id, body: 'Les travaux ont commencé.', percent: 10, happenedOn: '2027-03-09' }).returning().get();
    t.db.update(projects).set({ visibility: 'held' }).where(eq(projects.id, id)).run();
    expect(report(reporter, 'project', id)).toEqual(NOT_FOUND);
    expect(report(reporter, 'update', update.id)).toEqual(NOT_FOUND);
    nothingReported();
    t.db.update(projects).set({ visibility: 'visible' }).where(eq(projects.id, id)).run();
    expect(report(reporter, 'update', update.id)).toMatchObject({ ok: true });
    expect(report(reporter, 'project', id)).toMatchObject({ ok: true });
  });

  it('public content: anonymous visitors are refused (forbidden), authors cannot report their own', () => {
    const visible = commentOf(awa);
    expect(report(null, 'comment', visible)).toEqual({ ok: false, error: 'forbidden' });
    expect(report(awa, 'comment', visible)).toEqual({ ok: false, error: 'forbidden' });
    nothingReported();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { comments, commentSupports, projects, reports, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { supportComment } from '@/lib/comments/support-comment';
import { reportContent } from '@/lib/moderation/report-content';
import { saveProject } from '@/lib/projects/save-project';
import { supportProject } from '@/lib/projects/support-project';
import { LIMITS } from '@/lib/rate-limit';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';
import { projectForm } from '../helpers/projects';

const T0 = CONSULTATION.during;
const CAPPED = { ok: false, error: 'rate_limited', reason: 'capReached' };

let t: TestDb;
let awa: User;
let moussa: User;
let topicId: number;
beforeEach(async () => {
  t = makeTestDb();
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra' });
  const mayor = await addUser(t, { grants: [{ role: 'official', communeId: t.communeId('kayes') }] });
  topicId = addTopic(t, { authorId: mayor.id }).id;
});
afterEach(() => t.cleanup());

// Spread over the hour, 3 minutes apart, so that the burst hold (5 in 2 minutes) does not mix in.
const spaced = (i: number) => minutesAfter(T0, i * 2.9);
const comment = (u: User, i: number, when = spaced(i), parentId = '') =>
  createComment(t.db, actorOf(t.db, u.id), { topicId: String(topicId), parentId, stance: 'for', body: `Avis numéro ${i} sur le forage du quartier.` }, when);

describe('hourly caps per account', () => {
  it('the caps are the ones in docs/operations.md', () => {
    expect(LIMITS.commentPerAccount).toEqual({ points: 20, duration: 3600 });
    expect(LIMITS.replyPerAccount).toEqual({ points: 40, duration: 3600 });
    expect(LIMITS.commentSupportPerAccount).toEqual({ points: 100, duration: 3600 });
    expect(LIMITS.projectSupportPerAccount).toEqual({ points: 30, duration: 3600 });
    expect(LIMITS.reportPerAccount).toEqual({ points: 20, duration: 3600 });
    expect(LIMITS.projectPerAccount).toEqual({ points: 5, duration: 3600 });
  });

  it('the 21st comment within an hour is refused and not written; others may still comment; an hour later she may again', () => {
    for (let i = 0; i < 20; i++) expect(comment(awa, i).ok).toBe(true);
    expect(comment(awa, 20, minutesAfter(T0, 59))).toMatchObject(CAPPED);
    expect(t.db.select().from(comments).where(eq(comments.authorId, awa.id)).all()).toHaveLength(20);
    expect(comment(moussa, 0, minutesAfter(T0, 59)).ok).toBe(true);
    expect(comment(awa, 21, minutesAfter(T0, 61)).ok).toBe(true);
  });

  it('replies have their own cap, so a person who has commented a lot can still answer', () => {
    for (let i = 0; i < 20; i++) comment(awa, i);
    const first = comment(moussa, 0);
    if (!first.ok) throw new Error('no comment');
    expect(comment(awa, 100, minutesAfter(T0, 58), String(first.value.commentId)).ok).toBe(true);
  });

  it('the count survives a restart: it is kept in the database', () => {
    for (let i = 0; i < 20; i++) comment(awa, i);
    const again = openDatabase(t.file);
    try {
      expect(createComment(again, actorOf(again, awa.id), { topicId: String(topicId), parentId: '', stance: 'for', body: 'Encore un avis.' }, minutesAfter(T0, 59))).toMatchObject(CAPPED);
    } finally {
      again.$client.close();
    }
  });

  it('supports of comments: 100 an hour; taking one back is not counted', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 101; i++) {
      const author = await addUser(t, { displayName: `Auteur ${i}` });
      const r = comment(author, i, T0);
      if (!r.ok) throw new Error(JSON.stringify(r));
      ids.push(r.value.commentId);
    }
    const me = actorOf(t.db, awa.id);
    for (let i = 0; i < 100; i++) expect(supportComment(t.db, me, { commentId: String(ids[i]), intent: 'add' }, T0).ok).toBe(true);
    expect(supportComment(t.db, me, { commentId: String(ids[100]), intent: 'add' }, T0)).toMatchObject(CAPPED);
    expect(supportComment(t.db, me, { commentId: String(ids[0]), intent: 'remove' }, T0).ok).toBe(true);
    expect(t.db.select().from(commentSupports).where(eq(commentSupports.userId, awa.id)).all()).toHaveLength(99);
  });

  it('clicking "support" again on what one already supports is not counted', async () => {
    const author = await addUser(t, { displayName: 'Auteur' });
    const c = comment(author, 0, T0);
    if (!c.ok) throw new Error('no comment');
    const me = actorOf(t.db, awa.id);
    for (let i = 0; i < 150; i++) expect(supportComment(t.db, me, { commentId: String(c.value.commentId), intent: 'add' }, T0).ok).toBe(true);
  });

  it('supports of projects: 30 an hour', async () => {
    const author = await addUser(t, { displayName: 'Porteur de projets' });
    const me = actorOf(t.db, awa.id);
    const ids = Array.from({ length: 31 }, (_, i) =>
      t.db
        .insert(projects)
        .values({ ...projectColumns(i), authorId: author.id, communeId: t.communeId('kayes'), status: 'collecting', threshold: 1000 })
        .returning({ id: projects.id })
        .get().id,
    );
    for (let i = 0; i < 30; i++) expect(supportProject(t.db, me, { projectId: String(ids[i]), intent: 'add' }, T0).ok).toBe(true);
    expect(supportProject(t.db, me, { projectId: String(ids[30]), intent: 'add' }, T0)).toMatchObject(CAPPED);
  });

  it('reports: 20 an hour, so one account cannot flood the moderation queue', async () => {
    const me = actorOf(t.db, awa.id);
    for (let i = 0; i < 21; i++) {
      const author = await addUser(t, { displayName: `Auteur ${i}` });
      const c = comment(author, i, T0);
      if (!c.ok) throw new Error('no comment');
      const r = reportContent(t.db, me, { contentType: 'comment', contentId: String(c.value.commentId), reason: 'spam' }, T0);
      if (i < 20) expect(r.ok).toBe(true);
      else expect(r).toMatchObject(CAPPED);
    }
    expect(t.db.select().from(reports).where(eq(reports.reporterId, awa.id)).all()).toHaveLength(20);
  });

  it('new projects: 5 an hour; editing a draft is not a new project', () => {
    const me = actorOf(t.db, awa.id);
    const kayes = t.communeId('kayes');
    let first = 0;
    for (let i = 0; i < 5; i++) {
      const r = saveProject(t.db, me, projectForm(kayes, { intent: 'draft', title: `Projet numéro ${i} du quartier` }), T0);
      if (!r.ok) throw new Error(JSON.stringify(r));
      first ||= r.value.projectId;
    }
    expect(saveProject(t.db, me, projectForm(kayes, { intent: 'draft', title: 'Un projet de trop' }), T0)).toMatchObject(CAPPED);
    expect(saveProject(t.db, me, projectForm(kayes, { intent: 'draft', title: 'Projet numéro 0, revu', projectId: String(first) }), T0).ok).toBe(true);
  });
});

function projectColumns(i: number) {
  return {
    title: `Projet ${i}`,
    problem: 'La rue du marché est noire la nuit.',
    solution: 'Des lampadaires solaires.',
    sector: 'environment' as const,
    location: 'Kayes',
    beneficiaries: ['women' as const],
  };
}

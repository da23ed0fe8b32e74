import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  commentSupports,
  comments,
  meetings,
  moderations,
  projectCoProposers,
  projects,
  projectSupports,
  topics,
  users,
  votes,
  type User,
} from '@/db/schema';
import { rawBreakdown } from '@/lib/stats/queries';
import { tally, voteCountsBy } from '@/lib/votes/queries';
import { registerUser } from '@/lib/accounts/register-user';
import { verifyAccount } from '@/lib/accounts/verify-account';
import { createComment } from '@/lib/comments/create-comment';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { supportComment } from '@/lib/comments/support-comment';
import { ingestAudio } from '@/lib/media/ingest-audio';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { reportContent } from '@/lib/moderation/report-content';
import { respondToInvitation } from '@/lib/projects/respond-invitation';
import { saveProject } from '@/lib/projects/save-project';
import { submitProject } from '@/lib/projects/submit-project';
import { supportProject } from '@/lib/projects/support-project';
import { withdrawProject } from '@/lib/projects/withdraw-project';
import { castVote } from '@/lib/votes/cast-vote';
import { withdrawVote } from '@/lib/votes/withdraw-vote';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, type TestDb } from '../helpers/db';
import { lastCodeSent } from '../helpers/codes';
import { projectForm, setProjectRules } from '../helpers/projects';

const T0 = CONSULTATION.during;
const FORBIDDEN = { ok: false, error: 'forbidden' };

let t: TestDb;
let kayes: number;
let mayor: User;
let awa: User;
let topicId: number;
let projectId: number;
let commentId: number;

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  const admin = await addUser(t, { displayName: 'Admin', grants: [{ role: 'admin' }] });
  mayor = await addUser(t, { displayName: 'Maire', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001' });
  setProjectRules(t, admin.id, kayes, 5, 30);
  topicId = addTopic(t, { authorId: mayor.id, communeId: kayes }).id;
  const p = saveProject(t.db, actorOf(t.db, awa.id), projectForm(kayes), T0);
  if (!p.ok) throw new Error(JSON.stringify(p));
  projectId = p.value.projectId;
  const c = createComment(t.db, actorOf(t.db, awa.id), { topicId: String(topicId), stance: 'for', body: 'Le forage est une bonne idée pour le quartier.' }, T0);
  if (!c.ok) throw new Error(JSON.stringify(c));
  commentId = c.value.commentId;
});
afterEach(() => t.cleanup());

/** An account that registered (through the real form's use case) and never typed its code. */
async function unverifiedAccount(i: number): Promise<User> {
  const phone = `77${String(i).padStart(6, '0')}`;
  const r = await registerUser(
    t.db,
    null,
    { displayName: `Compte ${i}`, phone, email: '', password: 'Sanu-ka-di-2026', communeId: String(kayes), gender: '', birthYear: '', language: 'fr' },
    { ip: `10.1.${Math.floor(i / 250)}.${i % 250}`, now: T0 },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return t.db.select().from(users).where(eq(users.id, r.value.userId)).get()!;
}

describe('until verified, an account can sign in, read and finish verification, and nothing else', () => {
  it('is refused for each participation action', async () => {
    const u = await unverifiedAccount(1);
    const me = actorOf(t.db, u.id);
    expect(me.verified).toBe(false);
    // Arranged directly: its own comment (from before verification existed), a draft, an invitation, a meeting.
    const own = t.db.insert(comments).values({ topicId, authorId: u.id, stance: 'for', body: 'Un avis d’avant.', createdAt: T0.toISOString() }).returning().get();
    const draft = t.db
      .insert(projects)
      .values({ communeId: kayes, authorId: u.id, title: 'Brouillon', problem: 'Un problème bien décrit pour le quartier.', solution: 'Une solution bien décrite pour le quartier.', sector: 'water', location: 'Kayes', beneficiaries: ['women'] })
      .returning()
      .get();
    t.db.insert(projectCoProposers).values({ projectId, userId: u.id, status: 'invited' }).run();
    const meeting = t.db
      .insert(meetings)
      .values({ spaceId: t.spaceId('kayes-ville'), title: 'Débat', startsAt: '2027-04-01T10:00:00.000Z', place: 'Salle', agenda: 'Ordre du jour', createdBy: mayor.id })
      .returning()
      .get();

    expect(castVote(t.db, me, { topicId: String(topicId), choice: 'for' }, T0)).toEqual(FORBIDDEN);
    expect(createComment(t.db, me, { topicId: String(topicId), stance: 'against', body: 'Je ne suis pas d’accord avec ce projet.' }, T0)).toEqual(FORBIDDEN);
    expect(createComment(t.db, me, { topicId: String(topicId), stance: 'against', body: 'Réponse à Awa sur le forage.', parentId: String(commentId) }, T0)).toEqual(FORBIDDEN);
    expect(editComment(t.db, me, { commentId: String(own.id), stance: 'for', body: 'Un avis corrigé.' }, T0)).toEqual(FORBIDDEN);
    expect(supportComment(t.db, me, { commentId: String(commentId), intent: 'add' }, T0)).toEqual(FORBIDDEN);
    expect(supportProject(t.db, me, { projectId: String(projectId), intent: 'add' }, T0)).toEqual(FORBIDDEN);
    expect(saveProject(t.db, me, projectForm(kayes), T0)).toEqual(FORBIDDEN);
    expect(saveProject(t.db, me, projectForm(kayes, { intent: 'draft' }), T0)).toEqual(FORBIDDEN);
    expect(submitProject(t.db, me, { projectId: String(draft.id) }, T0)).toEqual(FORBIDDEN);
    expect(respondToInvitation(t.db, me, { projectId: String(projectId), response: 'accept' }, T0)).toEqual(FORBIDDEN);
    expect(reportContent(t.db, me, { contentType: 'comment', contentId: String(commentId), reason: 'insult' }, T0)).toEqual(FORBIDDEN);
    expect(registerForMeeting(t.db, me, { meetingId: String(meeting.id), intent: 'register' }, T0)).toEqual(FORBIDDEN);
    expect(await ingestAudio(t.db, me, { kind: 'comment', file: new Uint8Array([1, 2, 3]) })).toEqual(FORBIDDEN);
    expect(t.db.select().from(votes).all()).toHaveLength(0);
    expect(t.db.select().from(commentSupports).all()).toHaveLength(0);
    expect(t.db.select().from(projectSupports).all()).toHaveLength(0);
  });

  it('may still take back what it gave before: its vote, its support, its comment, its project', async () => {
    const u = await unverifiedAccount(2);
    const me = actorOf(t.db, u.id);
    t.db.insert(votes).values({ topicId, userId: u.id, choice: 'for' }).run();
    t.db.insert(projectSupports).values({ projectId, userId: u.id }).run();
    const own = t.db.insert(comments).values({ topicId, authorId: u.id, stance: 'for', body: 'Un avis d’avant.' }).returning().get();
    const mine = t.db
      .insert(projects)
      .values({ communeId: kayes, authorId: u.id, title: 'Le mien', problem: 'p', solution: 's', sector: 'water', location: 'Kayes', beneficiaries: ['women'], status: 'collecting', threshold: 5, collectionEndsAt: '2027-04-30T00:00:00.000Z' })
      .returning()
      .get();
    expect(withdrawVote(t.db, me, { topicId: String(topicId) }, T0)).toEqual({ ok: true, value: { removed: true } });
    expect(supportProject(t.db, me, { projectId: String(projectId), intent: 'remove' }, T0)).toMatchObject({ ok: true, value: { changed: true } });
    expect(deleteComment(t.db, me, { commentId: String(own.id) }, T0)).toMatchObject({ ok: true });
    expect(withdrawProject(t.db, me, { projectId: String(mine.id) }, T0)).toMatchObject({ ok: true });
    // None of it had counted, so no count moved.
    expect(t.db.select().from(topics).where(eq(topics.id, topicId)).get()!.voteCount).toBe(0);
    expect(t.db.select().from(projects).where(eq(projects.id, projectId)).get()!.supportCount).toBe(0);
  });
});

describe('fifty scripted accounts without codes cannot move a tally, a threshold or a report count', () => {
  it('through the forms: every vote, support and report is refused, and nothing counted moves', async () => {
    // Two real, verified voices first.
    const moussa = await addUser(t, { displayName: 'Moussa', phone: '+22376000002' });
    expect(castVote(t.db, actorOf(t.db, moussa.id), { topicId: String(topicId), choice: 'against' }, T0).ok).toBe(true);
    expect(supportProject(t.db, actorOf(t.db, moussa.id), { projectId: String(projectId), intent: 'add' }, T0).ok).toBe(true);
    expect(reportContent(t.db, actorOf(t.db, moussa.id), { contentType: 'comment', contentId: String(commentId), reason: 'offtopic' }, T0).ok).toBe(true);

    const snapshot = () => ({
      tally: [...tally(t.db, topicId, kayes).entries()],
      voteCount: t.db.select().from(topics).where(eq(topics.id, topicId)).get()!.voteCount,
      project: t.db.select({ supportCount: projects.supportCount, status: projects.status, milestone: projects.milestone }).from(projects).where(eq(projects.id, projectId)).get(),
      reports: t.db.select({ n: moderations.reportCount, state: moderations.state }).from(moderations).where(and(eq(moderations.contentType, 'comment'), eq(moderations.contentId, commentId))).get(),
      comment: t.db.select({ visibility: comments.visibility, supports: comments.supportCount }).from(comments).where(eq(comments.id, commentId)).get(),
    });
    const before = snapshot();
    expect(before).toMatchObject({ voteCount: 1, project: { supportCount: 1, status: 'collecting' }, reports: { n: 1, state: 'visible' } });

    const puppets: User[] = [];
    for (let i = 0; i < 50; i++) puppets.push(await unverifiedAccount(10 + i));
    for (const p of puppets) {
      const me = actorOf(t.db, p.id);
      expect(castVote(t.db, me, { topicId: String(topicId), choice: 'for' }, T0)).toEqual(FORBIDDEN);
      expect(supportProject(t.db, me, { projectId: String(projectId), intent: 'add' }, T0)).toEqual(FORBIDDEN);
      expect(supportComment(t.db, me, { commentId: String(commentId), intent: 'add' }, T0)).toEqual(FORBIDDEN);
      expect(reportContent(t.db, me, { contentType: 'comment', contentId: String(commentId), reason: 'insult' }, T0)).toEqual(FORBIDDEN);
      expect(reportContent(t.db, me, { contentType: 'topic', contentId: String(topicId), reason: 'misinformation' }, T0)).toEqual(FORBIDDEN);
    }
    expect(snapshot()).toEqual(before);
  });

  it('written straight into the tables (a script past the use cases), their votes and supports still count for nothing', async () => {
    const puppets: User[] = [];
    for (let i = 0; i < 50; i++) puppets.push(await unverifiedAccount(100 + i));
    for (const p of puppets) {
      t.db.insert(votes).values({ topicId, userId: p.id, choice: 'for' }).run();
      t.db.insert(projectSupports).values({ projectId, userId: p.id }).run();
      t.db.insert(commentSupports).values({ commentId, userId: p.id }).run();
    }
    expect(tally(t.db, topicId, kayes).size).toBe(0);
    expect(t.db.select().from(topics).where(eq(topics.id, topicId)).get()!.voteCount).toBe(0);
    expect(t.db.select().from(projects).where(eq(projects.id, projectId)).get()).toMatchObject({ supportCount: 0, status: 'collecting' });
    expect(t.db.select().from(comments).where(eq(comments.id, commentId)).get()!.supportCount).toBe(0);
    // The officials' split and the inclusion dashboard count the same votes as the tally: none.
    expect(voteCountsBy(t.db, topicId, 'gender', 2027)).toEqual([]);
    expect(rawBreakdown(t.db, { kind: 'topic', id: topicId }, 'total', 2027).filter((c) => c.kind === 'votes')).toEqual([]);
    expect(rawBreakdown(t.db, { kind: 'project', id: projectId }, 'total', 2027).filter((c) => c.kind === 'supports')).toEqual([]);

    // One of them types its code: its vote and supports count, exactly once each.
    const one = puppets[0]!;
    const code = lastCodeSent(t.db, one.phone!, 'verification')!;
    expect((await verifyAccount(t.db, actorOf(t.db, one.id), { code }, T0)).ok).toBe(true);
    expect(tally(t.db, topicId, kayes).get('for')).toEqual({ residents: 1, others: 0 });
    expect(t.db.select().from(topics).where(eq(topics.id, topicId)).get()!.voteCount).toBe(1);
    expect(t.db.select().from(projects).where(eq(projects.id, projectId)).get()!.supportCount).toBe(1);
    expect(voteCountsBy(t.db, topicId, 'gender', 2027)).toEqual([{ group: 'unknown', choice: 'for', n: 1 }]);
  });
});

describe('reports never hide an official’s topic or an official answer', () => {
  it('at the threshold, the topic stays visible and goes to the top of the queue', async () => {
    const { moderationQueue } = await import('@/db/queries/moderation');
    // An older citizen comment, reported once: it would come first by age.
    const reporters = await Promise.all([0, 1, 2, 3].map((i) => addUser(t, { displayName: `Habitant ${i}` })));
    expect(reportContent(t.db, actorOf(t.db, reporters[3]!.id), { contentType: 'comment', contentId: String(commentId), reason: 'offtopic' }, T0).ok).toBe(true);
    for (const r of reporters.slice(0, 3)) {
      expect(reportContent(t.db, actorOf(t.db, r.id), { contentType: 'topic', contentId: String(topicId), reason: 'misinformation' }, new Date(T0.getTime() + 60_000))).toEqual({ ok: true, value: { autoHidden: false, topicId: null } });
    }
    expect(t.db.select().from(topics).where(eq(topics.id, topicId)).get()!.visibility).toBe('visible');
    const queue = moderationQueue(t.db, { communes: 'all', nowIso: T0.toISOString() });
    expect(queue.map((q) => [q.contentType, q.contentId, !!q.escalatedAt])).toEqual([
      ['topic', topicId, true],
      ['comment', commentId, false],
    ]);
  });

  it('an official answer is not hidden either; a citizen’s comment is, at the same count', async () => {
    const answer = t.db.insert(comments).values({ topicId, authorId: mayor.id, stance: 'neutral', body: 'Réponse officielle de la mairie.', isOfficialAnswer: true }).returning().get();
    const reporters = await Promise.all([0, 1, 2].map((i) => addUser(t, { displayName: `Habitante ${i}` })));
    for (const r of reporters) {
      reportContent(t.db, actorOf(t.db, r.id), { contentType: 'comment', contentId: String(answer.id), reason: 'insult' }, T0);
      reportContent(t.db, actorOf(t.db, r.id), { contentType: 'comment', contentId: String(commentId), reason: 'insult' }, T0);
    }
    expect(t.db.select().from(comments).where(eq(comments.id, answer.id)).get()!.visibility).toBe('visible');
    expect(t.db.select().from(comments).where(eq(comments.id, commentId)).get()!.visibility).toBe('hidden');
  });
});

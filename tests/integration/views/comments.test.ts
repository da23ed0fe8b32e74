import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { findCommentSubject } from '@/lib/comments/subject';
import { commentSection } from '@/lib/comments/views';
import { saveProject } from '@/lib/projects/save-project';
import type { ViewContext } from '@/lib/view-context';
import { actorOf, addUser, makeTestDb, type TestDb } from '../../helpers/db';
import { projectForm, setProjectRules } from '../../helpers/projects';

/** A citizen project's discussion: the same loader and rules as a topic's (lib/comments/views.ts). */

let t: TestDb;
let kayes: number;
let mariam: User; // official of Kayes
let kadiatou: User; // moderator of all communes
let awa: User;
let moussa: User;
let projectId: number;
const T0 = new Date('2027-05-01T10:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const as = (u: User) => actorOf(t.db, u.id);
const ctxOf = (u: User | null, now = days(1)): ViewContext => ({ db: t.db, actor: u ? as(u) : null, now });
const section = (u: User | null, sp: Record<string, string> = {}, now = days(1)) =>
  commentSection(ctxOf(u, now), findCommentSubject(t.db, { kind: 'project', id: projectId }, now)!, sp);

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  const admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  kadiatou = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: null }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra' });
  setProjectRules(t, admin.id, kayes, 50, 30);
  const p = saveProject(t.db, as(awa), projectForm(kayes), T0);
  if (!p.ok) throw new Error(JSON.stringify(p));
  projectId = p.value.projectId;
});
afterEach(() => t.cleanup());

const comment = (u: User, body: string, extra: Record<string, string> = {}) => {
  const r = createComment(t.db, as(u), { projectId: String(projectId), stance: 'question', body, ...extra }, days(1));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};

describe('a project’s discussion', () => {
  it('is open while the project collects supports: anyone reads, the signed-in write; an official’s reply is the official answer', () => {
    const question = comment(moussa, 'Qui entretiendra les lampes ?');
    const answer = comment(mariam, 'Le service technique de la commune.', { parentId: String(question.commentId) });
    const held = comment(moussa, 'appelez-moi au 76 12 34 56');
    expect(held.held).toBe(true);
    expect(answer.subject).toEqual({ kind: 'project', id: projectId });

    const anonymous = section(null);
    expect(anonymous).toMatchObject({ subject: { kind: 'project', id: projectId }, phase: 'open', mayComment: false, total: 1 });
    expect(anonymous.comments[0]!.replies).toMatchObject([{ id: answer.commentId, isOfficialAnswer: true }]);
    expect(anonymous.stances.find((s) => s.stance === 'question')!.count).toBe(2);

    expect(section(awa)).toMatchObject({ mayComment: true, total: 1 });
    expect(section(moussa).total).toBe(2);
    expect(section(kadiatou).total).toBe(2);
    expect(section(awa, { sort: 'newest', page: '2' })).toMatchObject({ sort: 'newest', page: 2, comments: [] });
  });

  it('closes when the collection is over: no new comment, no support; the author may still delete theirs', () => {
    const c = comment(moussa, 'Bonne idée pour le quartier.');
    const after = section(moussa, {}, days(40));
    expect(after).toMatchObject({ phase: 'closed', mayComment: false });
    expect(after.comments[0]).toMatchObject({ id: c.commentId, mayDelete: true, mayEdit: false, mayReply: false });
    expect(section(awa, {}, days(40)).comments[0]).toMatchObject({ maySupport: false, mayReport: true });
  });

  it('shows three replies under a comment, the official answer first, and opens all of them on request', async () => {
    const question = comment(moussa, 'Qui paiera le carburant du groupe ?');
    const fanta = await addUser(t, { displayName: 'Fanta Sissoko' });
    const ids = [
      comment(awa, 'Les familles du quartier, je pense.', { parentId: String(question.commentId) }).commentId,
      comment(fanta, 'Une cotisation mensuelle suffirait.', { parentId: String(question.commentId) }).commentId,
      comment(kadiatou, 'Demandez au comité de gestion.', { parentId: String(question.commentId) }).commentId,
      comment(moussa, 'Merci pour vos réponses, je transmets.', { parentId: String(question.commentId) }).commentId,
    ];
    const official = comment(mariam, 'La mairie prend en charge la première année.', { parentId: String(question.commentId) }).commentId;

    const folded = section(null).comments[0]!;
    expect(folded.replyTotal).toBe(5);
    // The official answer (the last one written) comes first among the three shown; the page keeps their order of writing.
    expect(folded.replies.map((r) => r.id)).toEqual([ids[0], ids[1], official]);

    const open = section(null, { replies: String(question.commentId) }).comments[0]!;
    expect(open.replyTotal).toBe(5);
    expect(open.replies.map((r) => r.id)).toEqual([...ids, official]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentsPage, heldTopLevelCount, stanceCounts } from '@/lib/comments/queries';
import type { CommentSubjectRef } from '@/lib/comments/subject';
import { STANCES, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { moderateBulk, moderateContent } from '@/lib/moderation/moderate-content';
import { updateModerationRules } from '@/lib/moderation/settings';
import { saveProject } from '@/lib/projects/save-project';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';
import { projectForm, setProjectRules } from '../helpers/projects';

/**
 * The page counters of migration 0009 (topics/projects.stance_*_count, top_comment_count), kept by
 * triggers on comments: after any mix of use cases they equal a direct count with the WHERE clauses
 * the topic page used before (stance counts: visible, not deleted, replies included; the pager:
 * top-level, not held, plus the held ones the reader may see).
 */
let t: TestDb;
let nioro: number;
let kayes: number;
let admin: User;
let bakary: User;
let sira: User; // moderator of Nioro
let awa: User;
let moussa: User;
let fanta: User;
beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  kayes = t.communeId('kayes');
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro du Sahel' }] });
  sira = await addUser(t, { displayName: 'Sira Camara', communeId: nioro, grants: [{ role: 'moderator', communeId: nioro }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: nioro });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: kayes });
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
const at = (m: number) => minutesAfter(CONSULTATION.during, m);
const one = (sql: string, ...params: unknown[]) => Object.values(t.db.$client.prepare(sql).get(...params) as object)[0] as number;

function post(u: User, target: { topicId?: number; projectId?: number }, body: string, stance: string, parentId?: number, m = 1) {
  const r = createComment(
    t.db,
    as(u),
    {
      ...(target.topicId ? { topicId: String(target.topicId) } : { projectId: String(target.projectId) }),
      stance,
      body,
      ...(parentId ? { parentId: String(parentId) } : {}),
    },
    at(m),
  );
  if (!r.ok) throw new Error(`createComment refused: ${JSON.stringify(r)}`);
  return r.value.commentId;
}
const moderate = (commentId: number, action: string, reason?: string) => {
  const r = moderateContent(t.db, as(sira), { contentType: 'comment', contentId: String(commentId), action, ...(reason ? { reason } : {}) }, at(30));
  expect(r.ok).toBe(true);
};

/** Every counter of every topic and project against a direct count with the old WHERE clauses. */
function expectCountersMatchRows() {
  for (const [table, column] of [['topics', 'topic_id'], ['projects', 'project_id']] as const) {
    for (const s of STANCES) {
      const drift = one(
        `SELECT count(*) FROM ${table} x WHERE x.stance_${s}_count <> (SELECT count(*) FROM comments c WHERE c.${column} = x.id AND c.visibility = 'visible' AND c.deleted_at IS NULL AND c.stance = ?)`,
        s,
      );
      expect(drift, `${table}.stance_${s}_count`).toBe(0);
    }
    expect(one(`SELECT count(*) FROM ${table} x WHERE x.top_comment_count <> (SELECT count(*) FROM comments c WHERE c.${column} = x.id AND c.parent_id IS NULL AND c.visibility <> 'held')`)).toBe(0);
  }
}

/** What the page showed before the counters: GROUP BY over the subject's comments. */
function oldStances(column: string, id: number) {
  const rows = t.db.$client
    .prepare(`SELECT stance, count(*) AS n FROM comments WHERE ${column} = ? AND visibility = 'visible' AND deleted_at IS NULL GROUP BY stance`)
    .all(id) as { stance: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.stance, r.n]));
}
/** ...and the pager's total: every top-level comment the reader may see. */
function oldTotal(column: string, id: number, viewer: 'anonymous' | 'moderator' | number) {
  const seen = viewer === 'moderator' ? '' : viewer === 'anonymous' ? " AND visibility <> 'held'" : ` AND (visibility <> 'held' OR author_id = ${viewer})`;
  return one(`SELECT count(*) FROM comments WHERE ${column} = ? AND parent_id IS NULL${seen}`, id);
}

function expectPageFiguresAsBefore(target: CommentSubjectRef, column: string, id: number, communeId: number) {
  expect(Object.fromEntries(stanceCounts(t.db, target))).toEqual(oldStances(column, id));
  const total = (u: User | null) => commentsPage(t.db, target, communeId, 'oldest', 1, u ? as(u) : null).total;
  expect(total(null)).toBe(oldTotal(column, id, 'anonymous'));
  expect(total(sira)).toBe(oldTotal(column, id, 'moderator'));
  expect(total(admin)).toBe(oldTotal(column, id, 'moderator'));
  for (const u of [awa, moussa, fanta, bakary]) expect(total(u)).toBe(oldTotal(column, id, u.id));
}

describe('page counters kept by triggers', () => {
  it('stay equal to the rows through comments, replies, edits, deletions, holds, hides, restores and project comments', () => {
    const topicId = addTopic(t, { authorId: bakary.id, communeId: nioro }).id;
    const other = addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Marché de Nioro' }).id;
    expectCountersMatchRows();

    const a = post(awa, { topicId }, 'Le forage doit etre pres du marche.', 'for');
    const b = post(moussa, { topicId }, 'Je prefere pres de l ecole du quartier.', 'against');
    const c = post(fanta, { topicId }, 'Qui paiera l entretien de la pompe ?', 'question');
    post(moussa, { topicId }, 'Bonne question, la mairie doit repondre.', 'neutral', c);
    const reply = post(awa, { topicId }, 'Je suis d accord avec cette idee.', 'for', b);
    post(awa, { topicId: other }, 'Le marche a besoin d un hangar.', 'for');
    expectCountersMatchRows();
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ for: 2, against: 1, question: 1, neutral: 1 });
    expect(one('SELECT top_comment_count FROM topics WHERE id = ?', topicId)).toBe(3);

    // The author changes their stance, then deletes their reply.
    expect(editComment(t.db, as(awa), { commentId: String(a), stance: 'against', body: 'Finalement pres de l ecole.' }, at(5)).ok).toBe(true);
    expect(deleteComment(t.db, as(awa), { commentId: String(reply) }, at(6)).ok).toBe(true);
    expectCountersMatchRows();
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ against: 2, question: 1, neutral: 1 });

    // Moderation: hide, restore, bulk hide.
    moderate(b, 'hide', 'Propos injurieux envers un voisin.');
    expectCountersMatchRows();
    expect(stanceCounts(t.db, { kind: 'topic', id: topicId }).get('against')).toBe(1);
    expect(one('SELECT top_comment_count FROM topics WHERE id = ?', topicId)).toBe(3); // a hidden comment stays as a placeholder
    moderate(b, 'restore');
    expectCountersMatchRows();
    expect(moderateBulk(t.db, as(sira), { items: [`comment:${a}`, `comment:${c}`], action: 'hide', reason: 'Hors sujet pour cette consultation.' }, at(31)).ok).toBe(true);
    expectCountersMatchRows();
    expect(moderateBulk(t.db, as(sira), { items: [`comment:${a}`, `comment:${c}`], action: 'restore' }, at(32)).ok).toBe(true);
    expectCountersMatchRows();

    // Premoderation holds every new comment: a held one counts only for its author and moderators.
    expect(updateModerationRules(t.db, as(admin), { communeId: String(nioro), mode: 'all', newAccountCount: '2', reportThreshold: '3' }).ok).toBe(true);
    const held = post(moussa, { topicId }, 'Voici mon avis sur le forage du quartier.', 'for', undefined, 40);
    const heldReply = post(awa, { topicId }, 'Et voici ma reponse a ce sujet.', 'neutral', c, 41);
    expect(one('SELECT visibility FROM comments WHERE id = ?', held)).toBe('held');
    expectCountersMatchRows();
    expectPageFiguresAsBefore({ kind: 'topic', id: topicId }, 'topic_id', topicId, nioro);
    expect(commentsPage(t.db, { kind: 'topic', id: topicId }, nioro, 'oldest', 1, as(moussa)).total).toBe(4);
    expect(commentsPage(t.db, { kind: 'topic', id: topicId }, nioro, 'oldest', 1, as(awa)).total).toBe(3);
    moderate(held, 'approve');
    moderate(heldReply, 'approve');
    expectCountersMatchRows();
    expectPageFiguresAsBefore({ kind: 'topic', id: topicId }, 'topic_id', topicId, nioro);
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ for: 1, against: 2, question: 1, neutral: 2 });

    // A held comment deleted by its author, and one hidden while held.
    const held2 = post(fanta, { topicId }, 'Un autre avis en attente de relecture.', 'question', undefined, 50);
    expect(deleteComment(t.db, as(fanta), { commentId: String(held2) }, at(51)).ok).toBe(true);
    const held3 = post(awa, { topicId }, 'Encore un avis en attente de relecture.', 'for', undefined, 52);
    moderate(held3, 'hide', 'Propos injurieux envers un voisin.');
    expectCountersMatchRows();
    expectPageFiguresAsBefore({ kind: 'topic', id: topicId }, 'topic_id', topicId, nioro);
    expectPageFiguresAsBefore({ kind: 'topic', id: other }, 'topic_id', other, nioro);

    // Comments on a citizen project of Kayes count on the project, never on a topic.
    setProjectRules(t, admin.id, kayes, 4, 30);
    const saved = saveProject(t.db, as(awa), projectForm(kayes), at(60));
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const projectId = saved.value.projectId;
    const topicsBefore = t.db.$client.prepare('SELECT * FROM topics ORDER BY id').all();
    const p1 = post(fanta, { projectId }, 'Bonne idee, la rue est dangereuse la nuit.', 'for', undefined, 61);
    post(moussa, { projectId }, 'Qui entretiendra les lampes solaires ?', 'question', p1, 62);
    const p3 = post(awa, { projectId }, 'Je suis contre, il y a plus urgent.', 'against', undefined, 63);
    expect(deleteComment(t.db, as(awa), { commentId: String(p3) }, at(64)).ok).toBe(true);
    expect(t.db.$client.prepare('SELECT * FROM topics ORDER BY id').all()).toEqual(topicsBefore);
    expectCountersMatchRows();
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'project', id: projectId }))).toEqual({ for: 1, question: 1 });
    expect(one('SELECT top_comment_count FROM projects WHERE id = ?', projectId)).toBe(2);
    expectPageFiguresAsBefore({ kind: 'project', id: projectId }, 'project_id', projectId, kayes);
  });

  it('a comment removed from the table takes its counts away', () => {
    const topicId = addTopic(t, { authorId: bakary.id, communeId: nioro }).id;
    const a = post(awa, { topicId }, 'Le forage doit etre pres du marche.', 'for');
    post(moussa, { topicId }, 'Je prefere pres de l ecole du quartier.', 'against');
    t.db.$client.prepare('DELETE FROM comments WHERE id = ?').run(a);
    expectCountersMatchRows();
    expect(Object.fromEntries(stanceCounts(t.db, { kind: 'topic', id: topicId }))).toEqual({ against: 1 });
  });

  it('the page reads counters and the small held index, never every comment of the subject', () => {
    const plan = (q: { toSQL: () => { sql: string; params: unknown[] } }) => {
      const { sql, params } = q.toSQL();
      return (t.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    for (const [target, subject, column] of [[{ kind: 'topic', id: 1 }, 'topic', 'topic_id'], [{ kind: 'project', id: 1 }, 'project', 'project_id']] as const) {
      // A reader's own held comments, and all of them for a moderator: the partial index, covering.
      expect(plan(heldTopLevelCount(t.db, target, 2))).toBe(`SEARCH comments USING COVERING INDEX comments_${subject}_held_idx (${column}=? AND parent_id=? AND author_id=?)`);
      expect(plan(heldTopLevelCount(t.db, target, null))).toBe(`SEARCH comments USING COVERING INDEX comments_${subject}_held_idx (${column}=? AND parent_id=?)`);
    }
  });
});

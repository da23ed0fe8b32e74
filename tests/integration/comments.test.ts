import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { commentsPage, type CommentSort } from '@/lib/comments/queries';
import { commentRevisions, comments, commentSupports, notifications, topics, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { supportComment } from '@/lib/comments/support-comment';
import type { Actor } from '@/lib/permissions';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

let t: TestDb;
let kayes: number;
let nioro: number;
let mariam: User; // official of Kayes
let bakary: User; // official of Nioro du Sahel
let awa: User; // citizen of Kayes
let moussa: User; // citizen of Kayes
let topicId: number;
beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  nioro = t.communeId('nioro-du-sahel');
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra' });
  topicId = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
const T0 = CONSULTATION.during;

function post(u: User, body: string, fields: { stance?: string; parentId?: number; now?: Date; topic?: number } = {}) {
  return createComment(
    t.db,
    as(u),
    {
      topicId: String(fields.topic ?? topicId),
      stance: fields.stance ?? 'for',
      body,
      ...(fields.parentId ? { parentId: String(fields.parentId) } : {}),
    },
    fields.now ?? T0,
  );
}
function posted(u: User, body: string, fields: Parameters<typeof post>[2] = {}): number {
  const r = post(u, body, fields);
  if (!r.ok) throw new Error(`createComment failed: ${JSON.stringify(r)}`);
  return r.value.commentId;
}
const commentRow = (id: number) => t.db.select().from(comments).where(eq(comments.id, id)).get()!;
const topicRow = () => t.db.select().from(topics).where(eq(topics.id, topicId)).get()!;
const countOf = (table: typeof comments | typeof commentSupports | typeof notifications) =>
  t.db.select({ n: count() }).from(table).get()?.n ?? 0;
const pageFor = (actor: Actor | null, sort: CommentSort = 'oldest', page = 1) =>
  commentsPage(t.db, { kind: 'topic', id: topicId }, kayes, sort, page, actor);

describe('commenting', () => {
  it('a citizen comments with a stance, and the topic counts it', () => {
    const r = post(awa, '  Pourquoi le forage ne serait-il pas près du marché ?  ', { stance: 'question' });
    expect(r).toMatchObject({ ok: true, value: { held: false } });
    if (!r.ok) return;
    expect(commentRow(r.value.commentId)).toMatchObject({
      topicId,
      authorId: awa.id,
      parentId: null,
      stance: 'question',
      body: 'Pourquoi le forage ne serait-il pas près du marché ?',
      isOfficialAnswer: false,
      visibility: 'visible',
      deletedAt: null,
      createdAt: T0.toISOString(),
    });
    expect(topicRow().commentCount).toBe(1);
    expect(auditRows(t.db, 'comment.create')).toMatchObject([{ actorId: awa.id, subjectId: r.value.commentId }]);
  });

  it('a stance is required, and the text must be 2 to 3000 characters', () => {
    expect(createComment(t.db, as(awa), { topicId: String(topicId), body: 'je suis pour' }, T0)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { stance: 'stanceRequired' },
    });
    expect(post(awa, 'a')).toEqual({ ok: false, error: 'invalid', fieldErrors: { body: 'tooShort' } });
    expect(post(awa, 'a'.repeat(3001))).toEqual({ ok: false, error: 'invalid', fieldErrors: { body: 'tooLong' } });
    expect(post(awa, 'ok', { stance: 'maybe' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { stance: 'stanceRequired' } });
    expect(countOf(comments)).toBe(0);
  });

  it('an insult is rejected, and nothing at all is written', () => {
    const top = posted(moussa, 'le forage est une bonne idee');
    const before = { audit: auditRows(t.db, 'comment.create').length, notifications: countOf(notifications) };
    expect(post(awa, 'espece de c0nnard', { parentId: top })).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    expect(countOf(comments)).toBe(1);
    expect(auditRows(t.db, 'comment.create')).toHaveLength(before.audit);
    expect(countOf(notifications)).toBe(before.notifications);
    expect(topicRow().commentCount).toBe(1);
    expect(commentRow(top).replyCount).toBe(0);
  });
});

describe('replies', () => {
  it('replies are one level deep: a reply to a reply attaches to the top-level comment', () => {
    const top = posted(awa, 'il faut le forage pres du marche');
    const reply = posted(moussa, 'non plutot pres de lecole', { parentId: top, stance: 'against' });
    const replyToReply = posted(awa, 'lecole a deja un puits', { parentId: reply });

    expect(commentRow(reply).parentId).toBe(top);
    expect(commentRow(replyToReply).parentId).toBe(top);
    expect(commentRow(top).replyCount).toBe(2);
    expect(topicRow().commentCount).toBe(3);

    const page = pageFor(null);
    expect(page.top.map((c) => c.id)).toEqual([top]);
    expect(page.replies.map((c) => [c.id, c.parentId])).toEqual([
      [reply, top],
      [replyToReply, top],
    ]);
  });

  it('a reply to a comment of another topic is refused', () => {
    const other = addTopic(t, { authorId: mariam.id, title: 'Éclairage public' }).id;
    const elsewhere = posted(awa, 'des lampadaires solaires svp', { topic: other });
    expect(post(moussa, 'je suis daccord', { parentId: elsewhere })).toEqual({ ok: false, error: 'invalid', fieldErrors: { parentId: 'notFound' } });
    expect(post(moussa, 'je suis daccord', { parentId: 9999 })).toEqual({ ok: false, error: 'invalid', fieldErrors: { parentId: 'notFound' } });
  });

  it('the reply of an official of the topic’s commune is marked as the official answer; nobody else’s is', () => {
    const top = posted(awa, 'qui va payer lentretien de la pompe', { stance: 'question' });
    const official = posted(mariam, 'La commune paiera l’entretien la première année, puis le comité de gestion.', { parentId: top, stance: 'neutral' });
    const citizen = posted(moussa, 'le comite de gestion bien sur', { parentId: top });
    const otherCommune = posted(bakary, 'À Nioro, c’est le comité de gestion.', { parentId: top, stance: 'neutral' });
    const officialTopLevel = posted(mariam, 'Merci à tous pour vos avis.', { stance: 'neutral' });

    expect(commentRow(official).isOfficialAnswer).toBe(true);
    expect(commentRow(citizen).isOfficialAnswer).toBe(false);
    expect(commentRow(otherCommune).isOfficialAnswer).toBe(false);
    expect(commentRow(officialTopLevel).isOfficialAnswer).toBe(false);
  });
});

describe('editing within 15 minutes', () => {
  it('14 minutes after posting, the author may correct it, and the earlier text is kept', () => {
    const id = posted(awa, 'le forage doit etre pres du marhce', { stance: 'for' });
    const at = minutesAfter(T0, 14);
    expect(editComment(t.db, as(awa), { commentId: String(id), stance: 'against', body: 'le forage doit etre pres du marche' }, at)).toEqual({
      ok: true,
      value: { commentId: id, held: false, subject: { kind: 'topic', id: topicId } },
    });
    expect(commentRow(id)).toMatchObject({ body: 'le forage doit etre pres du marche', stance: 'against', editedAt: at.toISOString() });
    expect(t.db.select().from(commentRevisions).where(eq(commentRevisions.commentId, id)).all()).toMatchObject([
      { stance: 'for', body: 'le forage doit etre pres du marhce' },
    ]);
    expect(auditRows(t.db, 'comment.edit')).toHaveLength(1);
  });

  it('16 minutes after posting, the edit window is over', () => {
    const id = posted(awa, 'le forage doit etre pres du marhce');
    expect(editComment(t.db, as(awa), { commentId: String(id), stance: 'for', body: 'corrige' }, minutesAfter(T0, 16))).toEqual({
      ok: false,
      error: 'rejected',
      reason: 'editWindowOver',
    });
    expect(commentRow(id)).toMatchObject({ body: 'le forage doit etre pres du marhce', editedAt: null });
    expect(t.db.select().from(commentRevisions).all()).toEqual([]);
  });

  it('nobody edits someone else’s comment, not even an official', () => {
    const id = posted(awa, 'je suis pour le forage');
    for (const u of [moussa, mariam]) {
      expect(editComment(t.db, as(u), { commentId: String(id), stance: 'against', body: 'je suis contre' }, minutesAfter(T0, 1))).toEqual({
        ok: false,
        error: 'forbidden',
      });
    }
    expect(commentRow(id).body).toBe('je suis pour le forage');
  });

  it('an edit is screened too: an insult is rejected and the comment unchanged', () => {
    const id = posted(awa, 'je suis pour le forage');
    expect(editComment(t.db, as(awa), { commentId: String(id), stance: 'for', body: 'le maire est un connard' }, minutesAfter(T0, 2))).toEqual({
      ok: false,
      error: 'rejected',
      reason: 'screenInsult',
    });
    expect(commentRow(id).body).toBe('je suis pour le forage');
  });
});

describe('deleting', () => {
  it('the author withdraws a comment: the row and its text stay stored, marked deleted', () => {
    const id = posted(awa, 'je retire ce que jai dit');
    const at = minutesAfter(T0, 60);
    expect(deleteComment(t.db, as(awa), { commentId: String(id) }, at)).toEqual({ ok: true, value: { commentId: id, subject: { kind: 'topic', id: topicId } } });
    expect(commentRow(id)).toMatchObject({ body: 'je retire ce que jai dit', deletedAt: at.toISOString(), visibility: 'visible' });
    expect(topicRow().commentCount).toBe(0);
    expect(auditRows(t.db, 'comment.delete')).toMatchObject([{ actorId: awa.id, subjectId: id }]);
    // The thread keeps its place: readers see "deleted by its author".
    expect(pageFor(as(moussa)).top).toMatchObject([{ id, deletedAt: at.toISOString() }]);

    expect(deleteComment(t.db, as(awa), { commentId: String(id) }, at)).toEqual({ ok: false, error: 'forbidden' });
    expect(topicRow().commentCount).toBe(0);
  });

  it('nobody deletes someone else’s comment', () => {
    const id = posted(awa, 'je suis pour le forage');
    expect(deleteComment(t.db, as(moussa), { commentId: String(id) })).toEqual({ ok: false, error: 'forbidden' });
    expect(deleteComment(t.db, as(mariam), { commentId: String(id) })).toEqual({ ok: false, error: 'forbidden' });
    expect(commentRow(id).deletedAt).toBeNull();
  });
});

describe('supporting a comment', () => {
  const support = (u: User, id: number, intent: 'add' | 'remove') => supportComment(t.db, as(u), { commentId: String(id), intent }, T0);

  it('a reader supports a comment once, however many times they click, and may take it back', () => {
    const id = posted(awa, 'il faut le forage pres du marche');
    expect(support(moussa, id, 'add')).toMatchObject({ ok: true, value: { supported: true, commentId: id } });
    expect(support(moussa, id, 'add')).toMatchObject({ ok: true, value: { supported: true, commentId: id } });
    expect(commentRow(id).supportCount).toBe(1);
    expect(countOf(commentSupports)).toBe(1);
    expect(pageFor(as(moussa)).supported.has(id)).toBe(true);
    expect(pageFor(as(mariam)).supported.has(id)).toBe(false);

    expect(support(mariam, id, 'add')).toMatchObject({ ok: true });
    expect(commentRow(id).supportCount).toBe(2);

    expect(support(moussa, id, 'remove')).toMatchObject({ ok: true, value: { supported: false, commentId: id } });
    expect(support(moussa, id, 'remove')).toMatchObject({ ok: true, value: { supported: false, commentId: id } });
    expect(commentRow(id).supportCount).toBe(1);
    expect(auditRows(t.db, 'comment.support')).toHaveLength(2);
    expect(auditRows(t.db, 'comment.unsupport')).toHaveLength(1);
  });

  it('nobody supports their own comment', () => {
    const id = posted(awa, 'il faut le forage pres du marche');
    expect(support(awa, id, 'add')).toEqual({ ok: false, error: 'forbidden' });
    expect(commentRow(id).supportCount).toBe(0);
  });

  it('a deleted comment cannot be supported', () => {
    const id = posted(awa, 'il faut le forage pres du marche');
    deleteComment(t.db, as(awa), { commentId: String(id) });
    expect(support(moussa, id, 'add')).toEqual({ ok: false, error: 'not_found' });
  });
});

describe('reading the comments', () => {
  it('20 top-level comments a page, in a stable order, oldest, newest or most supported first', async () => {
    const authors = [awa, moussa, await addUser(t), await addUser(t), await addUser(t)];
    // Each author posts every 2.5 minutes: a normal pace, never a burst.
    const ids = Array.from({ length: 45 }, (_, i) =>
      posted(authors[i % 5]!, `avis numero ${i + 1} sur le forage`, { now: new Date(T0.getTime() + i * 30_000) }),
    );
    const supporters = [mariam, bakary, await addUser(t)];
    const supportsFor = (index: number, n: number) =>
      supporters.slice(0, n).forEach((u) => supportComment(t.db, as(u), { commentId: String(ids[index]), intent: 'add' }, T0));
    supportsFor(9, 3);
    supportsFor(2, 2);
    supportsFor(29, 2);
    supportsFor(6, 1);

    const allPages = (sort: CommentSort) => {
      const pages = [1, 2, 3].map((p) => pageFor(as(awa), sort, p));
      expect(pages.map((p) => p.top.length)).toEqual([20, 20, 5]);
      for (const p of pages) expect(p).toMatchObject({ total: 45, pages: 3 });
      return pages.flatMap((p) => p.top.map((c) => c.id));
    };
    expect(allPages('oldest')).toEqual(ids);
    expect(allPages('newest')).toEqual([...ids].reverse());
    const favourites = [ids[9]!, ids[2]!, ids[29]!, ids[6]!];
    expect(allPages('supported')).toEqual([...favourites, ...ids.filter((id) => !favourites.includes(id))]);
    // The same page asked twice is the same page.
    expect(pageFor(null, 'supported', 2).top.map((c) => c.id)).toEqual(pageFor(null, 'supported', 2).top.map((c) => c.id));
  });

  it('a held comment is shown to its author and to the commune’s moderators, never to anyone else', async () => {
    const kayesModerator = await addUser(t, { grants: [{ role: 'moderator', communeId: kayes }] });
    const nioroModerator = await addUser(t, { grants: [{ role: 'moderator', communeId: nioro }] });
    const allModerator = await addUser(t, { grants: [{ role: 'moderator', communeId: null }] });
    const visible = posted(moussa, 'le forage est une bonne idee');
    const r = post(awa, 'voir le plan sur www.forage-kayes.com');
    expect(r).toMatchObject({ ok: true, value: { held: true } });
    if (!r.ok) return;
    const held = r.value.commentId;
    const heldReply = post(awa, 'les details sur www.forage-kayes.com/plan', { parentId: visible });
    expect(heldReply).toMatchObject({ ok: true, value: { held: true } });
    expect(commentRow(held).visibility).toBe('held');
    expect(topicRow().commentCount).toBe(1);
    expect(commentRow(visible).replyCount).toBe(0);

    const seen = (actor: Actor | null) => {
      const p = pageFor(actor);
      return { top: p.top.map((c) => c.id), replies: p.replies.map((c) => c.id), total: p.total };
    };
    const everything = { top: [visible, held], replies: [heldReply.ok ? heldReply.value.commentId : -1], total: 2 };
    const publicOnly = { top: [visible], replies: [], total: 1 };
    expect(seen(as(awa))).toEqual(everything);
    expect(seen(as(kayesModerator))).toEqual(everything);
    expect(seen(as(allModerator))).toEqual(everything);
    expect(seen(null)).toEqual(publicOnly);
    expect(seen(as(moussa))).toEqual(publicOnly);
    expect(seen(as(mariam))).toEqual(publicOnly);
    expect(seen(as(nioroModerator))).toEqual(publicOnly);
  });
});

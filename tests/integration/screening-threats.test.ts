import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { comments, moderations, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { updateModerationRules } from '@/lib/moderation/settings';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

let t: TestDb;
let nioro: number;
let admin: User;
let awa: User;
let topicId: number;
beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  admin = await addUser(t, { displayName: 'Admin Baro', grants: [{ role: 'admin' }] });
  const mayor = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  topicId = addTopic(t, { authorId: mayor.id, communeId: nioro }).id;
});
afterEach(() => t.cleanup());

let minute = 0;
const post = (body: string) => {
  minute += 3;
  return createComment(t.db, actorOf(t.db, awa.id), { topicId: String(topicId), stance: 'against', body }, minutesAfter(CONSULTATION.during, minute));
};
const heldAs = (commentId: number) => t.db.select().from(moderations).where(and(eq(moderations.contentType, 'comment'), eq(moderations.contentId, commentId))).get();

describe('a threat in a comment', () => {
  it('is kept out of sight and waits in the moderation queue as a threat', () => {
    const r = post('si vous faites le forage chez eux on va brûler ta maison');
    expect(r).toMatchObject({ ok: true, value: { held: true } });
    if (!r.ok) return;
    expect(t.db.select({ visibility: comments.visibility }).from(comments).where(eq(comments.id, r.value.commentId)).get()?.visibility).toBe('held');
    expect(heldAs(r.value.commentId)).toMatchObject({ state: 'held', holdReason: 'threat', authorId: awa.id, communeId: nioro });
  });

  it('is held even where the commune turned pre-moderation off, while an insult is still refused', () => {
    const rules = updateModerationRules(t.db, actorOf(t.db, admin.id), { communeId: String(nioro), mode: 'off', newAccountCount: '2', reportThreshold: '3' });
    expect(rules.ok).toBe(true);
    const threat = post("t'es mort si tu reviens au marché");
    expect(threat).toMatchObject({ ok: true, value: { held: true } });
    if (threat.ok) expect(heldAs(threat.value.commentId)).toMatchObject({ holdReason: 'threat' });
    expect(post('les conseillers sont des connards')).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    expect(post('les députés doivent venir')).toMatchObject({ ok: true, value: { held: false } });
  });
});

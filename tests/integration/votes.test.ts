import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { tally } from '@/lib/votes/queries';
import { comments, topics, votes, type Gender, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { findTopic } from '@/lib/topics/load';
import { voteSplits } from '@/lib/topics/vote-split';
import { castVote } from '@/lib/votes/cast-vote';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, type TestDb } from '../helpers/db';
import { atOnce } from '../helpers/at-once';

let t: TestDb;
let kayes: number;
let mariam: User; // official of Kayes
let awa: User; // citizen of Kayes
beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
const vote = (u: User, topicId: number, choice: string, now = CONSULTATION.during) =>
  castVote(t.db, as(u), { topicId: String(topicId), choice }, now);
const voted = (u: User, topicId: number, choice: string) => expect(vote(u, topicId, choice)).toEqual({ ok: true, value: { changed: true, topicId } });
const votesOn = (topicId: number) => t.db.select().from(votes).where(eq(votes.topicId, topicId)).all();
const voteCount = (topicId: number) => t.db.select({ n: topics.voteCount }).from(topics).where(eq(topics.id, topicId)).get()?.n;

describe('a closed consultation', () => {
  it('refuses votes and comments once in deliberation', () => {
    const id = addTopic(t, { authorId: mariam.id, phase: 'deliberation' }).id;
    expect(vote(awa, id, 'for')).toEqual({ ok: false, error: 'forbidden' });
    expect(createComment(t.db, as(awa), { topicId: String(id), stance: 'for', body: 'je suis pour le forage' }, CONSULTATION.during)).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(votesOn(id)).toEqual([]);
    expect(t.db.select({ n: count() }).from(comments).get()?.n).toBe(0);
  });

  it('refuses votes and comments once past its close date, even before the scheduler has closed it: the attempt closes it', () => {
    const id = addTopic(t, { authorId: mariam.id, phase: 'open' }).id;
    expect(vote(awa, id, 'for', new Date('2027-03-31T18:00:00.000Z'))).toEqual({ ok: false, error: 'forbidden' });
    expect(t.db.select({ phase: topics.phase }).from(topics).where(eq(topics.id, id)).get()?.phase).toBe('deliberation');
    expect(auditRows(t.db, 'topic.auto_close')).toMatchObject([{ actorId: null, subjectId: id }]);
    expect(vote(awa, id, 'for', CONSULTATION.after)).toEqual({ ok: false, error: 'forbidden' });
    expect(createComment(t.db, as(awa), { topicId: String(id), stance: 'for', body: 'je suis pour le forage' }, CONSULTATION.after)).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(votesOn(id)).toEqual([]);
    expect(voteCount(id)).toBe(0);
    // A minute before the close, a consultation is still open.
    const other = addTopic(t, { authorId: mariam.id, phase: 'open' }).id;
    expect(vote(awa, other, 'for', new Date('2027-03-31T17:59:00.000Z'))).toEqual({ ok: true, value: { changed: true, topicId: other } });
  });

  it('a topic still in information does not take votes yet; a draft is not found at all', () => {
    const info = addTopic(t, { authorId: mariam.id, phase: 'information' }).id;
    const draft = addTopic(t, { authorId: mariam.id, phase: 'draft' }).id;
    expect(vote(awa, info, 'for')).toEqual({ ok: false, error: 'forbidden' });
    expect(vote(awa, draft, 'for')).toEqual({ ok: false, error: 'not_found' });
    expect(vote(awa, 9999, 'for')).toEqual({ ok: false, error: 'not_found' });
  });

  it('a visitor or a suspended citizen cannot vote', async () => {
    const id = addTopic(t, { authorId: mariam.id }).id;
    const suspended = await addUser(t, { suspendedUntil: '2099-01-01T00:00:00.000Z' });
    expect(castVote(t.db, null, { topicId: String(id), choice: 'for' }, CONSULTATION.during)).toEqual({ ok: false, error: 'forbidden' });
    expect(vote(suspended, id, 'for')).toEqual({ ok: false, error: 'forbidden' });
    expect(votesOn(id)).toEqual([]);
  });
});

describe('voting while open', () => {
  it('a citizen votes, then changes their mind: still one vote, with the new choice', () => {
    const id = addTopic(t, { authorId: mariam.id }).id;
    expect(vote(awa, id, 'for')).toEqual({ ok: true, value: { changed: true, topicId: id } });
    expect(vote(awa, id, 'for')).toEqual({ ok: true, value: { changed: false, topicId: id } });
    expect(vote(awa, id, 'against', new Date('2027-03-12T08:00:00.000Z'))).toEqual({ ok: true, value: { changed: true, topicId: id } });

    expect(votesOn(id)).toMatchObject([{ userId: awa.id, choice: 'against', updatedAt: '2027-03-12T08:00:00.000Z' }]);
    expect(voteCount(id)).toBe(1);
    expect(auditRows(t.db, 'vote.cast')).toHaveLength(1);
    expect(auditRows(t.db, 'vote.change')).toHaveLength(1);
    // How a person voted is never copied into the audit log.
    expect(JSON.stringify([...auditRows(t.db, 'vote.cast'), ...auditRows(t.db, 'vote.change')])).not.toMatch(/against|"for"/);
  });

  it('an unknown choice is invalid and changes nothing', () => {
    const id = addTopic(t, { authorId: mariam.id }).id;
    for (const choice of ['maybe', 'option:0', 'FOR', '']) {
      expect(vote(awa, id, choice)).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(vote(awa, id, 'maybe')).toEqual({ ok: false, error: 'invalid', fieldErrors: { choice: 'invalidChoice' } });
    expect(votesOn(id)).toEqual([]);
    expect(voteCount(id)).toBe(0);
  });

  it('a poll takes "option:0" to "option:N-1" and nothing else', () => {
    const id = addTopic(t, { authorId: mariam.id, pollOptions: ['Près du marché', 'Près de l’école', 'Près de la mosquée'] }).id;
    expect(vote(awa, id, 'for')).toEqual({ ok: false, error: 'invalid', fieldErrors: { choice: 'invalidChoice' } });
    expect(vote(awa, id, 'option:3')).toEqual({ ok: false, error: 'invalid', fieldErrors: { choice: 'invalidChoice' } });
    expect(vote(awa, id, 'option:-1')).toEqual({ ok: false, error: 'invalid', fieldErrors: { choice: 'invalidChoice' } });
    expect(vote(awa, id, 'option:2')).toEqual({ ok: true, value: { changed: true, topicId: id } });
    expect(vote(awa, id, 'option:0')).toEqual({ ok: true, value: { changed: true, topicId: id } });
    expect(votesOn(id)).toMatchObject([{ choice: 'option:0' }]);
  });
});

describe('many identical submissions at once', () => {
  it('50 concurrent submissions of the same vote, from 50 connections, leave exactly one vote', async () => {
    const id = addTopic(t, { authorId: mariam.id }).id;
    const N = 50;
    const actor = { ...as(awa) };
    const input = { topicId: String(id), choice: 'for' };
    const results = await atOnce(t.file, 'lib/votes/cast-vote.ts', 'castVote', Array.from({ length: N }, () => ({ actor, input })), CONSULTATION.during);

    expect(results.filter((r) => JSON.stringify(r) === JSON.stringify({ ok: true, value: { changed: true, topicId: id } }))).toHaveLength(1);
    expect(results.filter((r) => JSON.stringify(r) === JSON.stringify({ ok: true, value: { changed: false, topicId: id } }))).toHaveLength(N - 1);
    const rows = t.db.select({ n: count() }).from(votes).where(and(eq(votes.topicId, id), eq(votes.userId, awa.id))).get();
    expect(rows?.n).toBe(1);
    expect(voteCount(id)).toBe(1);
    expect(auditRows(t.db, 'vote.cast')).toHaveLength(1);
  }, 120_000);
});

describe('the tally', () => {
  it('counts the residents of the topic’s commune apart from people of other communes', async () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
    const nioro = t.communeId('nioro-du-sahel');
    const residents = await Promise.all([1, 2, 3].map(() => addUser(t, { communeId: kayes })));
    const others = await Promise.all([1, 2].map(() => addUser(t, { communeId: nioro })));
    voted(residents[0]!, id, 'for');
    voted(residents[1]!, id, 'for');
    voted(residents[2]!, id, 'against');
    voted(others[0]!, id, 'for');
    voted(others[1]!, id, 'abstain');

    const result = tally(t.db, id, kayes);
    expect(Object.fromEntries(result)).toEqual({
      for: { residents: 2, others: 1 },
      against: { residents: 1, others: 0 },
      abstain: { residents: 0, others: 1 },
    });
  });

  // The officials' split stands beside the public tally: nothing in it may be worked out from the
  // tally's totals, and no group may be shown voting all the same way (docs/features/privacy.md).
  const splitsOf = (id: number) => voteSplits(t.db, findTopic(t.db, id)!, new Date('2027-03-01T00:00:00.000Z'));
  const asObject = (s: ReturnType<typeof splitsOf>['byGender']) =>
    s.status === 'shown' ? Object.fromEntries(s.rows.map((r) => [r.group, { total: r.total, ...r.cells }])) : s;
  const addVoters = async (id: number, voters: { gender: Gender | null; birthYear: number | null; choice: string; n: number }[]) => {
    for (const v of voters) for (let i = 0; i < v.n; i++) voted(await addUser(t, { gender: v.gender, birthYear: v.birthYear }), id, v.choice);
  };

  it('the measured leak: 7 votes, the only man beside 6 women — the split says it cannot be shown yet', async () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
    await addVoters(id, [
      { gender: 'woman', birthYear: 2005, choice: 'for', n: 5 },
      { gender: 'woman', birthYear: 2005, choice: 'against', n: 1 },
      { gender: 'man', birthYear: 2005, choice: 'abstain', n: 1 },
    ]);
    // Before: women 5 / "fewer than 5" / 0, total 6 — the tally then gave the man's vote and one woman's.
    const { byGender, byAge } = splitsOf(id);
    expect(byGender).toEqual({ status: 'withheld', reason: 'unanimous' });
    expect(byAge.status).toBe('withheld');
  });

  it('a larger vote: small cells read "fewer than 5", the cells that would give them back are masked', async () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
    // Ages in 2027: 22 and 47.
    await addVoters(id, [
      { gender: 'woman', birthYear: 2005, choice: 'for', n: 12 },
      { gender: 'woman', birthYear: 1980, choice: 'against', n: 9 },
      { gender: 'woman', birthYear: 1980, choice: 'abstain', n: 2 },
      { gender: 'man', birthYear: 2005, choice: 'for', n: 8 },
      { gender: 'man', birthYear: 1980, choice: 'against', n: 7 },
      { gender: 'man', birthYear: 1980, choice: 'abstain', n: 6 },
      { gender: null, birthYear: null, choice: 'for', n: 6 },
      { gender: null, birthYear: null, choice: 'against', n: 5 },
    ]);
    const { byGender } = splitsOf(id);
    const g = asObject(byGender) as Record<string, Record<string, unknown>>;
    // Women: 2 abstained — fewer than 5; to keep them uncertain given the tally (abstain: 8), a rectangle
    // of cells around them is masked; the group totals stay (23, 21, 11: none small).
    expect(g.woman).toMatchObject({ total: 23, abstain: 'few' });
    expect(Object.values(g).flatMap((r) => Object.values(r)).filter((c) => c === 'masked').length).toBeGreaterThanOrEqual(3);
    for (const row of Object.values(g)) for (const c of Object.values(row)) expect(typeof c === 'number' ? c === 0 || c >= 5 : true).toBe(true);
  });

  it('a group that voted all the same way is never shown, unless the whole tally did', async () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
    await addVoters(id, [
      { gender: 'woman', birthYear: 2005, choice: 'for', n: 10 },
      { gender: 'man', birthYear: 2005, choice: 'against', n: 6 },
      { gender: 'man', birthYear: 2005, choice: 'for', n: 6 },
    ]);
    expect(splitsOf(id).byGender).toEqual({ status: 'withheld', reason: 'unanimous' });

    const all = addTopic(t, { authorId: mariam.id, communeId: kayes, title: 'Unanime' }).id;
    await addVoters(all, [
      { gender: 'woman', birthYear: 2005, choice: 'for', n: 10 },
      { gender: 'man', birthYear: 2005, choice: 'for', n: 6 },
    ]);
    expect(asObject(splitsOf(all).byGender)).toEqual({
      woman: { total: 10, for: 10, against: 0, abstain: 0 },
      man: { total: 6, for: 6, against: 0, abstain: 0 },
      unknown: { total: 0, for: 0, against: 0, abstain: 0 },
    });
  });

});

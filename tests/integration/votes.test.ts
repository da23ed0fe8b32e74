import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { tally, tallyDemographics } from '@/db/queries/topics';
import { comments, topics, votes, type Gender, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
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
const voted = (u: User, topicId: number, choice: string) => expect(vote(u, topicId, choice)).toEqual({ ok: true, value: { changed: true } });
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

  it('refuses votes and comments once past its close date, even before the sweep has closed it', () => {
    const id = addTopic(t, { authorId: mariam.id, phase: 'open' }).id;
    expect(vote(awa, id, 'for', new Date('2027-03-31T18:00:00.000Z'))).toEqual({ ok: false, error: 'forbidden' });
    expect(vote(awa, id, 'for', CONSULTATION.after)).toEqual({ ok: false, error: 'forbidden' });
    expect(createComment(t.db, as(awa), { topicId: String(id), stance: 'for', body: 'je suis pour le forage' }, CONSULTATION.after)).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(votesOn(id)).toEqual([]);
    expect(voteCount(id)).toBe(0);
    // A minute before the close, it was still open.
    expect(vote(awa, id, 'for', new Date('2027-03-31T17:59:00.000Z'))).toEqual({ ok: true, value: { changed: true } });
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
    expect(vote(awa, id, 'for')).toEqual({ ok: true, value: { changed: true } });
    expect(vote(awa, id, 'for')).toEqual({ ok: true, value: { changed: false } });
    expect(vote(awa, id, 'against', new Date('2027-03-12T08:00:00.000Z'))).toEqual({ ok: true, value: { changed: true } });

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
    expect(vote(awa, id, 'option:2')).toEqual({ ok: true, value: { changed: true } });
    expect(vote(awa, id, 'option:0')).toEqual({ ok: true, value: { changed: true } });
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

    expect(results.filter((r) => JSON.stringify(r) === JSON.stringify({ ok: true, value: { changed: true } }))).toHaveLength(1);
    expect(results.filter((r) => JSON.stringify(r) === JSON.stringify({ ok: true, value: { changed: false } }))).toHaveLength(N - 1);
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

  it('the demographic split hides groups under 5 people, and any count from 1 to 4', async () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
    const voters: { gender: Gender | null; birthYear: number | null; choice: string }[] = [
      // 7 women: 5 for, 2 against
      ...Array.from({ length: 5 }, () => ({ gender: 'woman' as const, birthYear: 2005, choice: 'for' })),
      ...Array.from({ length: 2 }, () => ({ gender: 'woman' as const, birthYear: 1980, choice: 'against' })),
      // 3 men: a group too small to show
      ...Array.from({ length: 3 }, () => ({ gender: 'man' as const, birthYear: 1995, choice: 'for' })),
      // 5 who did not say: 5 abstain
      ...Array.from({ length: 5 }, () => ({ gender: null, birthYear: null, choice: 'abstain' })),
    ];
    for (const v of voters) voted(await addUser(t, { gender: v.gender, birthYear: v.birthYear }), id, v.choice);

    const { byGender, byAge } = tallyDemographics(t.db, id, 2027);
    const asObject = (groups: typeof byGender) =>
      Object.fromEntries(groups.map((g) => [g.group, { total: g.total, choices: Object.fromEntries(g.choices) }]));

    expect(asObject(byGender)).toEqual({
      woman: { total: 7, choices: { for: 5, against: null } },
      man: { total: null, choices: { for: null } },
      unknown: { total: 5, choices: { abstain: 5 } },
    });
    // Ages in 2027: 22 (5 women), 47 (2 women), 32 (3 men), unknown (5).
    expect(asObject(byAge)).toEqual({
      '15-24': { total: 5, choices: { for: 5 } },
      '36+': { total: null, choices: { against: null } },
      '25-35': { total: null, choices: { for: null } },
      unknown: { total: 5, choices: { abstain: 5 } },
    });
  });
});

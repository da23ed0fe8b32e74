import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tally } from '@/lib/votes/queries';
import { users, votes, type User } from '@/db/schema';
import { castVote } from '@/lib/votes/cast-vote';
import { withdrawVote } from '@/lib/votes/withdraw-vote';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, type TestDb } from '../helpers/db';

// The tally reads vote_tallies, kept by triggers (migration 0010). It must always equal what the
// page used to compute: every vote joined to its voter's current commune.
let t: TestDb;
let kayes: number;
let nioro: number;
let mariam: User;
beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  nioro = t.communeId('nioro-du-sahel');
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire' }] });
});
afterEach(() => t.cleanup());

type Tally = Record<string, { residents: number; others: number }>;
const asObject = (m: Map<string, { residents: number; others: number }>): Tally => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

/** The query the topic page ran before 0010, counting every vote. */
function counted(topicId: number, communeId: number): Tally {
  const rows = t.db.$client
    .prepare(
      `SELECT v.choice, u.commune_id = ? AS resident, count(*) AS n FROM votes v JOIN users u ON u.id = v.user_id
       WHERE v.topic_id = ? GROUP BY v.choice, resident`,
    )
    .all(communeId, topicId) as { choice: string; resident: number; n: number }[];
  const out: Tally = {};
  for (const r of rows) {
    const c = (out[r.choice] ??= { residents: 0, others: 0 });
    if (r.resident) c.residents += r.n;
    else c.others += r.n;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

describe('vote tallies kept by triggers', () => {
  it('equal a direct count after votes, changes, withdrawals, raw deletes and voters moving commune', async () => {
    const a = addTopic(t, { authorId: mariam.id }).id;
    const b = addTopic(t, { authorId: mariam.id }).id;
    const people: User[] = [];
    for (let i = 0; i < 12; i++) {
      people.push(await addUser(t, { displayName: `Votant ${i}`, communeId: i % 3 === 0 ? nioro : kayes }));
    }
    const check = () => {
      for (const id of [a, b]) {
        for (const c of [kayes, nioro]) expect(asObject(tally(t.db, id, c))).toEqual(counted(id, c));
      }
    };
    const choices = ['for', 'against', 'abstain'];
    people.forEach((p, i) => {
      expect(castVote(t.db, actorOf(t.db, p.id), { topicId: String(a), choice: choices[i % 3]! }, CONSULTATION.during).ok).toBe(true);
      if (i % 2) expect(castVote(t.db, actorOf(t.db, p.id), { topicId: String(b), choice: 'for' }, CONSULTATION.during).ok).toBe(true);
    });
    check();
    expect(counted(a, kayes)).not.toEqual({});

    // change of mind, withdrawal, a raw delete and a raw update
    expect(castVote(t.db, actorOf(t.db, people[0]!.id), { topicId: String(a), choice: 'against' }, CONSULTATION.during).ok).toBe(true);
    expect(withdrawVote(t.db, actorOf(t.db, people[1]!.id), { topicId: String(a) }, CONSULTATION.during).ok).toBe(true);
    t.db.delete(votes).where(eq(votes.userId, people[2]!.id)).run();
    t.db.update(votes).set({ choice: 'abstain' }).where(eq(votes.userId, people[3]!.id)).run();
    check();

    // voters moving to another commune take their votes along, in both directions
    t.db.update(users).set({ communeId: nioro }).where(eq(users.id, people[4]!.id)).run();
    t.db.update(users).set({ communeId: kayes }).where(eq(users.id, people[6]!.id)).run();
    t.db.update(users).set({ communeId: kayes }).where(eq(users.id, people[5]!.id)).run(); // unchanged
    check();
    expect(asObject(tally(t.db, a, kayes))).not.toEqual(asObject(tally(t.db, a, nioro)));
  });
});

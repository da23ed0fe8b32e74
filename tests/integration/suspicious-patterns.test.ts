import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, moderations, projects, projectSupports, users, votes, type User } from '@/db/schema';
import { findSupportBursts, findVoteClusters, SUSPICION_RULES } from '@/lib/moderation/suspicious-patterns';
import { moderationQueuePage } from '@/lib/moderation/views';
import { actorOf, addTopic, addUser, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

/**
 * The moderation dashboard's flags (issue 12 §4), on generated data: clusters of accounts registered
 * within an hour voting alike, and bursts of supports from week-old accounts. They are only shown.
 */
const NOW = new Date('2027-03-20T12:00:00.000Z');
const DAY = 24 * 60;

let t: TestDb;
let kayes: number;
let nioro: number;
let mayor: User;
let seq = 0;
beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  nioro = t.communeId('nioro-du-sahel');
  mayor = await addUser(t, { displayName: 'Maire', grants: [{ role: 'official', communeId: kayes, title: 'Maire' }] });
});
afterEach(() => t.cleanup());

/** `n` accounts registered at the given instants (minutes from NOW), inserted directly (generated data). */
async function accountsAt(minutes: number[]): Promise<User[]> {
  const out: User[] = [];
  for (const m of minutes) out.push(await addUser(t, { displayName: `Compte ${++seq}`, createdAt: minutesAfter(NOW, m).toISOString() }));
  return out;
}

function vote(us: User[], topicId: number, choice: string, atMinutes = -60) {
  for (const u of us) t.db.insert(votes).values({ topicId, userId: u.id, choice, createdAt: minutesAfter(NOW, atMinutes).toISOString() }).run();
}

describe('many accounts registered within an hour that vote the same way on one topic', () => {
  it('12 accounts registered within 50 minutes all voting "for" are flagged, with the window; the rest of the topic is not', async () => {
    const topic = addTopic(t, { authorId: mayor.id, communeId: kayes, title: 'Budget du marché' });
    const cluster = await accountsAt(Array.from({ length: 12 }, (_, i) => -3 * DAY + i * 4.5)); // 0 to 49.5 minutes apart
    vote(cluster, topic.id, 'for');
    // Ordinary voters: registered over months, voting both ways.
    const spread = await accountsAt(Array.from({ length: 40 }, (_, i) => -200 * DAY + i * 5 * DAY));
    vote(spread.slice(0, 25), topic.id, 'for');
    vote(spread.slice(25), topic.id, 'against');

    expect(findVoteClusters(t.db, 'all', NOW)).toEqual([
      {
        topicId: topic.id,
        topicTitle: 'Budget du marché',
        choice: 'for',
        pollOption: false,
        accounts: 12,
        firstRegisteredAt: cluster[0]!.createdAt,
        lastRegisteredAt: cluster[11]!.createdAt,
      },
    ]);
  });

  it('below the threshold, or spread over more than an hour, or split between answers: nothing', async () => {
    const r = SUSPICION_RULES.voteCluster;
    const topic = addTopic(t, { authorId: mayor.id, communeId: kayes });
    vote(await accountsAt(Array.from({ length: r.minAccounts - 1 }, (_, i) => -DAY + i)), topic.id, 'for');
    // 12 accounts, one every 6 minutes: any hour holds at most 11 of them... of which 5 said "against".
    const mixed = await accountsAt(Array.from({ length: 12 }, (_, i) => -2 * DAY + i * 6));
    vote(mixed.filter((_, i) => i % 2 === 0), topic.id, 'for');
    vote(mixed.filter((_, i) => i % 2 === 1), topic.id, 'against');
    // 20 accounts one every 7 minutes voting alike: at most 9 in any hour.
    vote(await accountsAt(Array.from({ length: 20 }, (_, i) => -4 * DAY + i * 7)), topic.id, 'against');
    expect(findVoteClusters(t.db, 'all', NOW)).toEqual([]);
  });

  it('names a poll option by its text; old votes (over 30 days) are not looked at; a commune moderator sees their communes only', async () => {
    const poll = addTopic(t, { authorId: mayor.id, communeId: nioro, title: 'Où mettre le forage ?', pollOptions: ['Près de l’école', 'Au marché'] });
    vote(await accountsAt(Array.from({ length: 10 }, (_, i) => -5 * DAY + i)), poll.id, 'option:1');
    const old = addTopic(t, { authorId: mayor.id, communeId: kayes });
    vote(await accountsAt(Array.from({ length: 15 }, (_, i) => -90 * DAY + i)), old.id, 'for', -60 * DAY);
    expect(findVoteClusters(t.db, 'all', NOW)).toMatchObject([{ topicId: poll.id, choice: 'Au marché', pollOption: true, accounts: 10 }]);
    expect(findVoteClusters(t.db, [kayes], NOW)).toEqual([]);
    expect(findVoteClusters(t.db, [nioro], NOW)).toHaveLength(1);
  });
});

describe('many supports on one project from accounts created that week', () => {
  async function project(title: string, communeId = kayes) {
    const author = await addUser(t, { displayName: `Porteur ${title}` });
    return t.db
      .insert(projects)
      .values({ communeId, authorId: author.id, title, problem: 'p', solution: 's', sector: 'water', location: 'Kayes', beneficiaries: ['women'], status: 'collecting', threshold: 50 })
      .returning()
      .get();
  }
  const support = (us: User[], projectId: number, atMinutes: number) =>
    us.forEach((u) => t.db.insert(projectSupports).values({ projectId, userId: u.id, createdAt: minutesAfter(NOW, atMinutes).toISOString() }).run());

  it('11 supports this week from accounts two days old are flagged; supports from old accounts are not', async () => {
    const lamp = await project('Lampes solaires');
    const fresh = await accountsAt(Array.from({ length: 11 }, (_, i) => -2 * DAY + i * 60));
    support(fresh, lamp.id, -DAY);
    const old = await accountsAt(Array.from({ length: 30 }, (_, i) => -300 * DAY + i * DAY));
    support(old, lamp.id, -DAY);
    const well = await project('Forage');
    support(old, well.id, -DAY);
    expect(findSupportBursts(t.db, 'all', NOW)).toEqual([{ projectId: lamp.id, projectTitle: 'Lampes solaires', fromNewAccounts: 11, lastWeek: 41 }]);
  });

  it('an account more than a week old when it supported does not count as new; supports older than a week are not looked at', async () => {
    const lamp = await project('Lampes solaires');
    support(await accountsAt(Array.from({ length: 12 }, () => -9 * DAY)), lamp.id, -DAY);
    support(await accountsAt(Array.from({ length: 12 }, () => -20 * DAY)), lamp.id, -15 * DAY);
    support(await accountsAt(Array.from({ length: SUSPICION_RULES.supportBurst.minSupports - 1 }, () => -3 * DAY)), lamp.id, -DAY);
    expect(findSupportBursts(t.db, 'all', NOW)).toEqual([]);
  });
});

describe('the dashboard only shows them', () => {
  it('to moderators; and looking changes nothing: no vote, support, moderation or account touched', async () => {
    const topic = addTopic(t, { authorId: mayor.id, communeId: kayes });
    vote(await accountsAt(Array.from({ length: 15 }, (_, i) => -DAY + i)), topic.id, 'against');
    const moderator = await addUser(t, { displayName: 'Modératrice', grants: [{ role: 'moderator', communeId: null }] });
    const citizen = await addUser(t, { displayName: 'Citoyenne' });
    const elsewhere = await addUser(t, { displayName: 'Modérateur de Nioro', grants: [{ role: 'moderator', communeId: nioro }] });
    const count = () => [votes, users, moderations, auditLog, projectSupports].map((table) => t.db.select().from(table).all().length);
    const before = count();
    const page = moderationQueuePage({ db: t.db, actor: actorOf(t.db, moderator.id), now: NOW }, {});
    expect('forbidden' in page ? null : page.suspicious.voteClusters).toHaveLength(1);
    expect(moderationQueuePage({ db: t.db, actor: actorOf(t.db, citizen.id), now: NOW }, {})).toEqual({ forbidden: true });
    expect(moderationQueuePage({ db: t.db, actor: null, now: NOW }, {})).toEqual({ forbidden: true });
    // A moderator of another commune sees none of Kayes's patterns.
    const theirs = moderationQueuePage({ db: t.db, actor: actorOf(t.db, elsewhere.id), now: NOW }, {});
    expect('forbidden' in theirs ? null : theirs.suspicious.voteClusters).toEqual([]);
    expect(count()).toEqual(before);
  });
});

// What a newcomer noticed (issue 17 §8), on a real database: debates are searchable and snippets read as
// text, a topic in its information phase does not ask anonymous readers to sign in, and the demo's dates
// agree with each other and with today. (Where a sign-in leads: tests/integration/views/account.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comments, topicPhaseChanges, topics, votes, type User } from '@/db/schema';
import { DEMO_ACCOUNTS, seedDemo } from '@/db/seed';
import { hashPassword } from '@/lib/accounts/password';
import { cancelMeeting } from '@/lib/meetings/cancel-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { searchPage } from '@/lib/search/views';
import { topicPage } from '@/lib/topics/topic-page-view';
import { seedDemoContent } from '@/scripts/demo-content';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let fanta: User;
let maire: User;
let nioro: number;

const NOW = new Date('2027-03-10T09:00:00.000Z');

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
  maire = await addUser(t, { displayName: 'Maire de Nioro', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
});
afterEach(() => t.cleanup());

describe('search', () => {
  it('finds a public debate by its agenda, and forgets it when it is cancelled', () => {
    const r = scheduleMeeting(
      t.db,
      actorOf(t.db, fanta.id),
      { spaceId: String(t.spaceId('nioro')), title: 'Débat sur le maraîchage', startsAt: '2027-03-20T15:00', place: 'Espace connecté', agenda: '1. Les périmètres maraîchers\n2. L’eau des jardins', topicId: '', projectId: '' },
      NOW,
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const found = searchPage({ db: t.db }, { q: 'perimetres' });
    expect(found.groups).toMatchObject([{ kind: 'meeting', results: [{ path: `/meetings/${r.value.meetingId}`, title: 'Débat sur le maraîchage' }] }]);
    expect(cancelMeeting(t.db, actorOf(t.db, fanta.id), { meetingId: String(r.value.meetingId) }, NOW)).toMatchObject({ ok: true });
    expect(searchPage({ db: t.db }, { q: 'perimetres' }).count).toBe(0);
  });

  it('shows a topic’s text without its Markdown marks', () => {
    addTopic(t, { authorId: maire.id, communeId: nioro, title: 'Forage de Tata', body: '## Le projet\n\nLe quartier **Tata** n’a pas de point d’eau.' });
    const [hit] = searchPage({ db: t.db }, { q: 'Tata' }).groups[0]!.results;
    const text = hit!.snippet.map((p) => p.text).join('');
    expect(text).toContain('Le projet Le quartier Tata');
    expect(text).not.toMatch(/[#*]/);
  });
});

describe('a topic in its information phase', () => {
  it('tells every reader it is not open yet, never to sign in to vote', () => {
    const id = addTopic(t, { authorId: maire.id, communeId: nioro, phase: 'information', opensAt: '2027-04-01T09:00:00.000Z', closesAt: '2027-04-30T18:00:00.000Z' }).id;
    const anonymous = topicPage({ db: t.db, actor: null, now: NOW }, { id: String(id), sp: {} })!;
    expect(anonymous.vote).toMatchObject({ mayVote: false, instead: 'notYetOpen' });
    const closed = addTopic(t, { authorId: maire.id, communeId: nioro, phase: 'decided', decision: 'Décidé en conseil communal le 5 mars, avec un comité de gestion.' }).id;
    expect(topicPage({ db: t.db, actor: null, now: NOW }, { id: String(closed), sp: {} })!.vote.instead).toBe('closed');
    const open = addTopic(t, { authorId: maire.id, communeId: nioro }).id;
    expect(topicPage({ db: t.db, actor: null, now: NOW }, { id: String(open), sp: {} })!.vote.instead).toBe('signIn');
  });
});

describe('the demo', () => {
  it('has dates that agree with each other and with the day it was seeded', async () => {
    const demo = makeTestDb({ geography: false });
    try {
      await seedDemo(demo.db, hashPassword);
      expect(DEMO_ACCOUNTS.length).toBeGreaterThan(0);
      seedDemoContent(demo.db);
      checkDates(demo);
    } finally {
      demo.cleanup();
    }
  });
});

function checkDates(t: TestDb) {
    const now = new Date().toISOString();
    const all = t.db.select().from(topics).all();
    for (const topic of all) {
      expect(topic.opensAt < topic.closesAt, `${topic.title}: opens before it closes`).toBe(true);
      if (['deliberation', 'decided', 'archived'].includes(topic.phase)) {
        expect(topic.closesAt <= now, `${topic.title}: closed (${topic.phase}) on ${topic.closesAt}, not in the future`).toBe(true);
      }
      if (topic.decidedAt) expect(topic.decidedAt >= topic.closesAt, `${topic.title}: decided after it closed`).toBe(true);
      if (topic.phase === 'information') expect(topic.opensAt > now, `${topic.title}: opens later`).toBe(true);
      for (const c of t.db.select().from(comments).all().filter((x) => x.topicId === topic.id)) {
        expect(c.createdAt <= (topic.phase === 'open' ? now : topic.closesAt), `${topic.title}: comment written before it closed`).toBe(true);
      }
      for (const v of t.db.select().from(votes).all().filter((x) => x.topicId === topic.id)) {
        expect(v.createdAt >= topic.opensAt.slice(0, 16) && v.createdAt <= (topic.phase === 'open' ? now : topic.closesAt), `${topic.title}: vote cast while it was open`).toBe(true);
      }
      const steps = t.db.select().from(topicPhaseChanges).all().filter((x) => x.topicId === topic.id).map((x) => x.createdAt);
      expect(steps, `${topic.title}: its timeline runs forward`).toEqual([...steps].sort());
    }
}

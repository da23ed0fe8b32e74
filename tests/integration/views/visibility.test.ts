import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { comments, topics, VISIBILITIES, type User } from '@/db/schema';
import { readableCommentsSql, withheldText } from '@/lib/comments/visibility';
import { can, isPublicTopic, type Actor } from '@/lib/permissions';
import { PHASES } from '@/lib/topics/phases';
import { publicTopicSql, readableTopicsSql } from '@/lib/topics/visibility';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../../helpers/db';

/**
 * Each visibility rule is written twice: as a predicate in lib/permissions.ts (for one subject) and as a
 * SQL fragment beside it (for lists, searches, feeds). These tests hold the two together: every phase ×
 * visibility × commune, read by every kind of person, gives the same answer both ways.
 */

let t: TestDb;
let c1: number;
let c2: number;
const people: [string, Actor | null][] = [];
/** Everyone asked, by name (the accounts are made once the database exists). */
const NAMES = [
  'anonymous',
  'citizen',
  'suspended citizen',
  'official of commune 1',
  'official of commune 2',
  'suspended official of commune 1',
  'moderator of commune 1',
  'region moderator',
  'suspended moderator of commune 1',
  'facilitator',
  'admin',
  'the author',
] as const;
const ids: number[] = [];
let author: User;

beforeAll(async () => {
  t = makeTestDb();
  c1 = t.communeId('kayes');
  c2 = t.communeId('nioro-du-sahel');
  author = await addUser(t, { displayName: 'Auteur', grants: [{ role: 'official', communeId: c1 }] });
  const specs: [string, Parameters<typeof addUser>[1]][] = [
    ['citizen', {}],
    ['suspended citizen', { suspendedUntil: '2999-01-01T00:00:00.000Z' }],
    ['official of commune 1', { grants: [{ role: 'official', communeId: c1 }] }],
    ['official of commune 2', { grants: [{ role: 'official', communeId: c2 }] }],
    ['suspended official of commune 1', { grants: [{ role: 'official', communeId: c1 }], suspendedUntil: '2999-01-01T00:00:00.000Z' }],
    ['moderator of commune 1', { grants: [{ role: 'moderator', communeId: c1 }] }],
    ['region moderator', { grants: [{ role: 'moderator', communeId: null }] }],
    ['suspended moderator of commune 1', { grants: [{ role: 'moderator', communeId: c1 }], suspendedUntil: '2999-01-01T00:00:00.000Z' }],
    ['facilitator', { grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] }],
    ['admin', { grants: [{ role: 'admin' }] }],
  ];
  people.push(['anonymous', null]);
  for (const [name, fields] of specs) {
    const u = await addUser(t, { displayName: name, ...fields });
    people.push([name, actorOf(t.db, u.id)]);
  }
  people.push(['the author', actorOf(t.db, author.id)]);
  for (const communeId of [c1, c2]) {
    for (const phase of PHASES) {
      for (const visibility of VISIBILITIES) ids.push(addTopic(t, { authorId: author.id, communeId, phase, visibility }).id);
    }
  }
});
afterAll(() => t.cleanup());

const allTopics = () => t.db.select().from(topics).where(inArray(topics.id, ids)).all();
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('topics: `topic.read` and lib/topics/visibility.ts agree', () => {
  it('publicTopicSql selects exactly the topics isPublicTopic calls public', () => {
    const sqlIds = t.db.select({ id: topics.id }).from(topics).where(and(inArray(topics.id, ids), publicTopicSql)).all().map((r) => r.id);
    expect(sorted(sqlIds)).toEqual(sorted(allTopics().filter(isPublicTopic).map((r) => r.id)));
    expect(sqlIds.length).toBeGreaterThan(0);
  });

  it.each(NAMES)('readableTopicsSql gives %s what can(…, topic.read) allows', (name) => {
    const actor = people.find(([n]) => n === name)![1];
    const sqlIds = t.db.select({ id: topics.id }).from(topics).where(and(inArray(topics.id, ids), readableTopicsSql(actor))).all().map((r) => r.id);
    const allowed = allTopics().filter((topic) => can(actor, 'topic.read', topic)).map((r) => r.id);
    expect(sorted(sqlIds)).toEqual(sorted(allowed));
  });
});

describe('comments: `comment.readWithheld` and lib/comments/visibility.ts agree', () => {
  let commentIds: number[] = [];
  let topicOf: Map<number, number>;
  beforeAll(() => {
    // One topic per commune; on each, a comment by each person in each visibility.
    topicOf = new Map([c1, c2].map((communeId) => [communeId, addTopic(t, { authorId: author.id, communeId }).id]));
    for (const [communeId, topicId] of topicOf) {
      for (const [, who] of people) {
        if (!who) continue;
        for (const visibility of VISIBILITIES) {
          commentIds.push(t.db.insert(comments).values({ topicId, authorId: who.id, stance: 'for', body: `texte ${visibility} ${communeId}`, visibility }).returning({ id: comments.id }).get().id);
        }
      }
    }
    commentIds = sorted(commentIds);
  });

  it.each(NAMES)('%s sees the held comments, and the hidden texts, the predicate allows', (name) => {
    const actor = people.find(([n]) => n === name)![1];
    for (const [communeId, topicId] of topicOf) {
      const rows = t.db.select().from(comments).where(eq(comments.topicId, topicId)).all();
      const sqlIds = t.db.select({ id: comments.id }).from(comments).where(and(eq(comments.topicId, topicId), readableCommentsSql(actor, communeId))).all().map((r) => r.id);
      const withheld = (r: (typeof rows)[number]) => can(actor, 'comment.readWithheld', { authorId: r.authorId, communeId });
      expect(sorted(sqlIds), `commune ${communeId}`).toEqual(sorted(rows.filter((r) => r.visibility !== 'held' || withheld(r)).map((r) => r.id)));
      for (const r of withheldText(rows, actor, communeId)) {
        const original = rows.find((o) => o.id === r.id)!;
        expect(r.body, `comment ${r.id} (${original.visibility})`).toBe(original.visibility !== 'hidden' || withheld(original) ? original.body : '');
      }
    }
  });
});

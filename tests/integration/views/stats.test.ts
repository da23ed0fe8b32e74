import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comments, projects, projectSupports, topics, votes, type User } from '@/db/schema';
import { inclusionDashboard } from '@/lib/stats/dashboard';
import { statsCsv, statsPage, type StatsPageView } from '@/lib/stats/views';
import type { ViewContext } from '@/lib/view-context';
import { actorOf, addTopic, addUser, makeTestDb, type TestDb } from '../../helpers/db';
import { eq } from 'drizzle-orm';

/**
 * /stats and its CSV for each reader: the whole platform and a commune for everyone; one topic or
 * project only for the officials who run it (and admins), not for officials of another commune nor
 * moderators. The figures are the dashboard's (lib/stats/dashboard.ts), small groups hidden, whoever asks.
 */

const NOW = new Date('2027-03-20T10:00:00.000Z');
let t: TestDb;
let kayes: number;
let official: User, otherOfficial: User, moderator: User, admin: User, citizen: User;
let topicId: number;
let draftTopic: number;
let projectId: number;

const as = (u: User) => actorOf(t.db, u.id);
const ctx = (u: User | null): ViewContext => ({ db: t.db, actor: u ? as(u) : null, now: NOW });
const view = (u: User | null, sp: Record<string, string> = {}) => statsPage(ctx(u), sp);
const shown = (v: ReturnType<typeof statsPage>): StatsPageView => {
  if ('refused' in v || 'unknownScope' in v) throw new Error(JSON.stringify(v));
  return v;
};

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  const nioro = t.communeId('nioro-du-sahel');
  official = await addUser(t, { displayName: 'Maire de Kayes', grants: [{ role: 'official', communeId: kayes, title: 'Maire' }] });
  otherOfficial = await addUser(t, { displayName: 'Maire de Nioro', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  moderator = await addUser(t, { displayName: 'Modératrice', grants: [{ role: 'moderator', communeId: null }] });
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  citizen = await addUser(t, { displayName: 'Awa Traoré' });
  topicId = addTopic(t, { authorId: official.id, communeId: kayes, title: 'Forage' }).id;
  draftTopic = addTopic(t, { authorId: official.id, communeId: kayes, title: 'Brouillon', phase: 'draft' }).id;
  projectId = t.db
    .insert(projects)
    .values({ communeId: kayes, authorId: citizen.id, title: 'Moulin', problem: 'p', solution: 's', sector: 'women', location: 'Kayes', beneficiaries: [], status: 'collecting', submittedAt: '2027-03-05T10:00:00.000Z' })
    .returning({ id: projects.id })
    .get().id;
  // 7 women and 3 men vote; 3 of the women comment; 2 support the project.
  const women: User[] = [];
  for (let i = 0; i < 7; i++) women.push(await addUser(t, { displayName: `Femme ${i}`, gender: 'woman', birthYear: 2005 }));
  const men: User[] = [];
  for (let i = 0; i < 3; i++) men.push(await addUser(t, { displayName: `Homme ${i}`, gender: 'man', birthYear: 1990 }));
  for (const u of [...women, ...men]) t.db.insert(votes).values({ topicId, userId: u.id, choice: 'for', createdAt: '2027-03-02T10:00:00.000Z' }).run();
  for (const u of women.slice(0, 3)) t.db.insert(comments).values({ topicId, authorId: u.id, stance: 'for', body: 'Oui', createdAt: '2027-03-03T10:00:00.000Z' }).run();
  for (const u of women.slice(0, 2)) t.db.insert(projectSupports).values({ projectId, userId: u.id, createdAt: '2027-03-06T10:00:00.000Z' }).run();
});
afterEach(() => t.cleanup());

describe('the inclusion dashboard, as each reader sees it', () => {
  it('the whole platform and a commune: the same figures for everyone, as the dashboard protects them', () => {
    const all = shown(view(null));
    expect(all.scope).toEqual({ kind: 'all' });
    expect(all.dashboard).toEqual(inclusionDashboard(t.db, { kind: 'all' }, NOW));
    for (const u of [citizen, official, moderator, admin]) expect(shown(view(u)).dashboard).toEqual(all.dashboard);
    const commune = shown(view(null, { commune: String(kayes) }));
    expect(commune).toMatchObject({ scope: { kind: 'commune', title: 'Kayes' }, communeFilter: String(kayes), csvHref: `/exports/stats.csv?commune=${kayes}` });
    // Small groups stay private: 3 men read "fewer than 5", never 3.
    const gender = all.dashboard.breakdowns.find((b) => b.dimension === 'gender')!;
    expect(gender.rows.find((r) => r.group === 'man')!.values.participants).toBe('few');
  });

  it('one topic or project: its commune’s officials and admins; refused to others; an unknown one says so', () => {
    for (const u of [official, admin]) {
      expect(shown(view(u, { topic: String(topicId) }))).toMatchObject({ scope: { kind: 'topic', title: 'Forage' }, csvHref: `/exports/stats.csv?topic=${topicId}` });
      expect(shown(view(u, { project: String(projectId) })).scope).toEqual({ kind: 'project', title: 'Moulin' });
    }
    for (const u of [null, citizen, otherOfficial, moderator]) {
      expect(view(u, { topic: String(topicId) })).toEqual({ refused: 'forbidden' });
      expect(view(u, { project: String(projectId) })).toEqual({ refused: 'forbidden' });
    }
    expect(view(official, { topic: '999999' })).toEqual({ unknownScope: true });
    expect(view(null, { commune: 'abc' })).toEqual({ unknownScope: true });
  });

  it('officials get links to the figures of their own commune’s published topics and projects only', () => {
    expect(shown(view(official)).mine).toEqual({ topics: [{ id: topicId, title: 'Forage' }], projects: [{ id: projectId, title: 'Moulin' }] });
    expect(shown(view(official)).mine.topics.map((x) => x.id)).not.toContain(draftTopic);
    for (const u of [null, citizen, moderator, otherOfficial]) expect(shown(view(u)).mine).toEqual({ topics: [], projects: [] });
    expect(shown(view(admin)).mine.topics.map((x) => x.id)).toEqual([topicId]);
  });

  it('the CSV: the same scopes and refusals, small groups written "<5", and scoped files never kept by shared caches', () => {
    const all = statsCsv(ctx(null), {});
    if (!all.ok) throw new Error('refused');
    expect(all).toMatchObject({ filename: 'baro-inclusion.csv', cacheControl: 'public, max-age=60' });
    expect(all.csv).toMatch(/^gender,man,man,<5/m);
    expect(statsCsv(ctx(null), { topic: String(topicId) })).toEqual({ ok: false, status: 403 });
    expect(statsCsv(ctx(official), { topic: '999999' })).toEqual({ ok: false, status: 404 });
    expect(statsCsv(ctx(official), { project: String(projectId) })).toMatchObject({ ok: true, filename: `baro-inclusion-project-${projectId}.csv`, cacheControl: 'private, no-store' });
  });

  it('reading the dashboard writes nothing', () => {
    const before = t.db.select().from(topics).where(eq(topics.id, topicId)).get();
    shown(view(official, { topic: String(topicId) }));
    expect(t.db.select().from(topics).where(eq(topics.id, topicId)).get()).toEqual(before);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { auditLog, communeProjectSettings, connectedSpaces, communes, media, projects, sanctions, topics, translationProposals, users, type User } from '@/db/schema';
import { openSession } from '@/lib/accounts/sessions';
import { createComment } from '@/lib/comments/create-comment';
import { supportComment } from '@/lib/comments/support-comment';
import { startRefusal } from '@/lib/demo/deployment';
import { REMOVAL_SQL, removeDemoData, USER_REFERENCES } from '@/lib/demo/remove-demo';
import { demoAccountsExist } from '@/lib/demo/status';
import { createCourse } from '@/lib/learn/save-course';
import { createLesson } from '@/lib/learn/save-lesson';
import { setTopicLessons } from '@/lib/learn/topic-links';
import { mediaFilePath } from '@/lib/media/store';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { enqueueMessage } from '@/lib/messaging/send-message';
import { warnUser } from '@/lib/moderation/sanctions';
import { registerParticipant } from '@/lib/participants/register-participant';
import { supportProject } from '@/lib/projects/support-project';
import { proposeTranslation } from '@/lib/translations/propose';
import { reviewTranslation } from '@/lib/translations/review';
import type { ViewContext } from '@/lib/view-context';
import { castVote } from '@/lib/votes/cast-vote';
import { seedNewDatabase } from '@/scripts/seed-new-database';
import { actorOf, addTopic, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';
import { courseForm, lessonForm } from '../helpers/learn';

let t: TestDb;
afterEach(() => t.cleanup());

const all = (sql: string) => t.db.$client.prepare(sql).all() as Record<string, unknown>[];
const one = (sql: string, ...params: unknown[]) => t.db.$client.prepare(sql).pluck().get(...params) as number;

/**
 * Stored counters that differ from a count of their rows, by the rules of the use cases (and of
 * scripts/large/seed.ts): none on a consistent database.
 */
function counterMismatches(): Record<string, unknown>[] {
  // Votes and supports count from verified accounts only (0020).
  const verified = 'JOIN users u ON u.id = x.user_id AND u.verified_at IS NOT NULL';
  return [
    ...all(`SELECT 'topic.comment_count' AS what, id, comment_count AS stored, (SELECT count(*) FROM comments c WHERE c.topic_id = t.id AND c.visibility = 'visible' AND c.deleted_at IS NULL) AS counted FROM topics t WHERE stored <> counted`),
    ...all(`SELECT 'topic.vote_count' AS what, id, vote_count AS stored, (SELECT count(*) FROM votes x ${verified} WHERE x.topic_id = t.id) AS counted FROM topics t WHERE stored <> counted`),
    ...all(`SELECT 'topic.stance_for_count' AS what, id, stance_for_count AS stored, (SELECT count(*) FROM comments c WHERE c.topic_id = t.id AND c.visibility = 'visible' AND c.deleted_at IS NULL AND c.stance = 'for') AS counted FROM topics t WHERE stored <> counted`),
    ...all(`SELECT 'topic.top_comment_count' AS what, id, top_comment_count AS stored, (SELECT count(*) FROM comments c WHERE c.topic_id = t.id AND c.parent_id IS NULL AND c.visibility <> 'held') AS counted FROM topics t WHERE stored <> counted`),
    ...all(`SELECT 'tally' AS what, t.id, (SELECT coalesce(sum(n), 0) FROM vote_tallies WHERE topic_id = t.id) AS stored, (SELECT count(*) FROM votes x ${verified} WHERE x.topic_id = t.id) AS counted FROM topics t WHERE stored <> counted`),
    ...all(`SELECT 'project.comment_count' AS what, id, comment_count AS stored, (SELECT count(*) FROM comments c WHERE c.project_id = p.id AND c.visibility = 'visible' AND c.deleted_at IS NULL) AS counted FROM projects p WHERE stored <> counted`),
    ...all(`SELECT 'project.support_count' AS what, id, support_count AS stored, (SELECT count(*) FROM project_supports x ${verified} WHERE x.project_id = p.id) AS counted FROM projects p WHERE stored <> counted`),
    ...all(`SELECT 'comment.support_count' AS what, id, support_count AS stored, (SELECT count(*) FROM comment_supports x ${verified} WHERE x.comment_id = c.id) AS counted FROM comments c WHERE stored <> counted`),
    ...all(`SELECT 'comment.reply_count' AS what, id, reply_count AS stored, (SELECT count(*) FROM comments r WHERE r.parent_id = c.id AND r.visibility = 'visible') AS counted FROM comments c WHERE stored <> counted`),
    ...all(`SELECT 'meeting.registration_count' AS what, id, registration_count AS stored, (SELECT count(*) FROM meeting_registrations r WHERE r.meeting_id = m.id) AS counted FROM meetings m WHERE stored <> counted`),
  ];
}

/** Search entries pointing at rows that no longer exist. */
function orphanSearchEntries(): number {
  return one(`SELECT count(*) FROM search_index WHERE (kind = 'topic' AND ref_id NOT IN (SELECT id FROM topics))
    OR (kind = 'comment' AND ref_id NOT IN (SELECT id FROM comments)) OR (kind = 'project' AND ref_id NOT IN (SELECT id FROM projects))`);
}

const demoUser = (email: string | null, phone: string | null = null) =>
  t.db.select().from(users).where(email ? eq(users.email, email) : eq(users.phone, phone!)).get()!;
const as = (u: User) => actorOf(t.db, u.id);
const ctxOf = (u: User): ViewContext => ({ db: t.db, actor: as(u), now: new Date() });

function must<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r.value;
}

describe('a new database', () => {
  it('gets with DEMO=false the geography alone: communes, cercles, spaces, and no account or content', async () => {
    t = makeTestDb({ geography: false });
    await seedNewDatabase(t.db, { demo: false });
    expect(t.db.select().from(communes).all()).toHaveLength(9);
    expect(t.db.select().from(connectedSpaces).all()).toHaveLength(3);
    expect(one('SELECT count(*) FROM cercles')).toBe(3);
    expect(one('SELECT count(*) FROM users')).toBe(0);
    expect(one('SELECT count(*) FROM topics') + one('SELECT count(*) FROM projects') + one('SELECT count(*) FROM meetings')).toBe(0);
    expect(demoAccountsExist(t.db)).toBe(false);
  });

  it('gets the demo by default, every account of which is marked as a demo account', async () => {
    t = makeTestDb({ geography: false });
    await seedNewDatabase(t.db, { demo: true });
    const all = t.db.select({ isDemo: users.isDemo, code: users.participantCode }).from(users).all();
    expect(all).toHaveLength(9);
    expect(all.every((u) => u.isDemo)).toBe(true);
    expect(all.some((u) => u.code === 'NIO-DEM42')).toBe(true);
    expect(demoAccountsExist(t.db)).toBe(true);
  });
});

describe('demo removal', () => {
  let real: { citizen: User; official: User; admin: User; translator: User };
  let realTopic: number;
  let realComment: number;
  let mediaDir: string;
  /** recordings: one file used by demo recordings only, one shared with a kept recording */
  const DEMO_ONLY = 'a'.repeat(64);
  const SHARED = 'b'.repeat(64);
  let proposals: { byDemo: number; approvedByDemo: number; refusedByReal: number };
  let realLesson: string;

  beforeEach(async () => {
    t = makeTestDb({ geography: false });
    await seedNewDatabase(t.db, { demo: true });
    const kayes = t.communeId('kayes');
    const nioro = t.communeId('nioro-du-sahel');
    real = {
      citizen: await addUser(t, { displayName: 'Oumou Sangaré', communeId: nioro }),
      official: await addUser(t, { displayName: 'Seydou Traoré', communeId: kayes, grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] }),
      admin: await addUser(t, { displayName: 'Administration de Kayes', grants: [{ role: 'admin' }] }),
      translator: await addUser(t, { displayName: 'Djénéba Coulibaly', communeId: nioro, grants: [{ role: 'translator' }] }),
    };
    const awa = demoUser(null, '+22376000001');
    const moussa = demoUser(null, '+22376000002');
    const kadiatou = demoUser('moderation@baro.ml');
    const fanta = demoUser('animatrice.nioro@baro.ml');

    // A real consultation, where demo accounts took part…
    realTopic = addTopic(t, { authorId: real.official.id, communeId: kayes, opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z' }).id;
    realComment = must(createComment(t.db, as(real.citizen), { topicId: String(realTopic), stance: 'for', body: 'Le forage doit être près du marché.' })).commentId;
    must(createComment(t.db, as(awa), { topicId: String(realTopic), stance: 'against', body: 'Plutôt près de l’école, pour les enfants.' }));
    must(createComment(t.db, as(moussa), { topicId: String(realTopic), parentId: String(realComment), stance: 'question', body: 'Pourquoi le marché ?' }));
    must(supportComment(t.db, as(awa), { commentId: String(realComment), intent: 'add' }));
    must(castVote(t.db, as(moussa), { topicId: String(realTopic), choice: 'for' }));
    must(castVote(t.db, as(real.citizen), { topicId: String(realTopic), choice: 'against' }));
    // …and a real person who took part in the demo's content.
    const forage = t.db.select().from(topics).where(eq(topics.title, "Un forage d'eau potable pour le quartier Tata")).get()!;
    must(createComment(t.db, as(real.citizen), { topicId: String(forage.id), stance: 'for', body: 'Je suis d’accord avec le comité de femmes.' }));
    must(castVote(t.db, as(real.citizen), { topicId: String(forage.id), choice: 'for' }));
    const lampes = t.db.select().from(projects).where(eq(projects.title, 'Des lampadaires solaires sur la route du lycée')).get()!;
    must(supportProject(t.db, as(real.citizen), { projectId: String(lampes.id), intent: 'add' }));
    const meeting = one("SELECT id FROM meetings WHERE title LIKE '%forage de Tata%'");
    must(registerForMeeting(t.db, as(real.citizen), { meetingId: String(meeting), intent: 'register' }));
    // A demo moderator warned a real citizen; the demo facilitator registered a real participant.
    must(warnUser(t.db, as(kadiatou), { userId: String(real.citizen.id), reason: 'Restez courtois, merci.' }));
    const nioroSpace = t.spaceId('nioro');
    const participant = must(
      await registerParticipant(t.db, as(fanta), { spaceId: String(nioroSpace), displayName: 'Hawa Diallo', communeId: String(nioro), gender: 'woman', birthYear: '1990', language: 'fr', consent: 'yes', consentDate: new Date().toISOString().slice(0, 10) }),
    );
    (real as Record<string, User>).participant = t.db.select().from(users).where(eq(users.id, participant.userId)).get()!;

    // Sessions and queued messages of demo accounts and of a real one.
    openSession(t.db, { userId: awa.id, sessionVersion: awa.sessionVersion });
    openSession(t.db, { userId: real.citizen.id, sessionVersion: real.citizen.sessionVersion });
    for (const [u, to] of [[awa, '+22376000001'], [real.citizen, '+22376999999']] as const) {
      expect(enqueueMessage(t.db, { channel: 'sms', to, text: 'Bonjour', purpose: 'notification', userId: u.id }, { limits: [] }).ok).toBe(true);
    }

    // Recordings: a demo account's, one of a real person on a demo consultation (goes with it), a kept one.
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-demo-media-'));
    for (const sha of [DEMO_ONLY, SHARED]) {
      fs.mkdirSync(path.dirname(mediaFilePath(mediaDir, sha)), { recursive: true });
      fs.writeFileSync(mediaFilePath(mediaDir, sha), 'opus');
    }
    const recording = (ownerId: number, kind: 'comment' | 'topic_summary', subjectId: number, sha256: string) =>
      t.db.insert(media).values({ ownerId, communeId: kayes, kind, subjectId, state: 'published', sha256, mime: 'audio/webm', sizeBytes: 4, durationMs: 1000, sourceFormat: 'webm' }).run();
    recording(awa.id, 'topic_summary', realTopic, DEMO_ONLY);
    const onDemoTopic = one('SELECT id FROM comments WHERE topic_id = ? AND author_id = ?', forage.id, real.citizen.id);
    recording(real.citizen.id, 'comment', onDemoTopic, SHARED);
    recording(real.citizen.id, 'comment', realComment, SHARED);

    // Translations: a demo translator's proposal, a real one approved by a demo translator, one a real person refused.
    const sira = demoUser('moderation.nioro@baro.ml');
    const propose = (u: User, key: string, text: string) => must(proposeTranslation(ctxOf(u), { locale: 'bm', key, text })).proposalId;
    proposals = { byDemo: propose(fanta, 'Nav.home', 'So'), approvedByDemo: propose(real.translator, 'Nav.topics', 'Baarow'), refusedByReal: propose(sira, 'Nav.projects', 'Porozew') };
    must(reviewTranslation(ctxOf(real.translator), { proposalId: String(proposals.byDemo), verdict: 'approve' }));
    must(reviewTranslation(ctxOf(fanta), { proposalId: String(proposals.approvedByDemo), verdict: 'approve' }));
    must(reviewTranslation(ctxOf(real.translator), { proposalId: String(proposals.refusedByReal), verdict: 'reject' }));

    // Learning: a real course and lesson; the real topic points to it and to a demo lesson; a real person's progress on a demo lesson.
    const course = must(createCourse(ctxOf(real.admin), courseForm({ slug: 'le-marche' }))).courseId;
    realLesson = must(createLesson(ctxOf(real.admin), lessonForm(course, { slug: 'qui-gere-le-marche' }))).slug;
    const demoLesson = all("SELECT id, slug FROM lessons WHERE language = 'fr' ORDER BY id LIMIT 1")[0] as { id: number; slug: string };
    must(setTopicLessons(ctxOf(real.official), { topicId: String(realTopic), lessons: [demoLesson.slug, realLesson] }));
    t.db.$client.prepare('INSERT INTO lesson_progress (user_id, lesson_id, best_score, last_score, question_count, updated_at) VALUES (?, ?, 3, 3, 3, ?)').run(real.citizen.id, demoLesson.id, new Date().toISOString());
    expect(counterMismatches()).toEqual([]);
  });
  afterEach(() => fs.rmSync(mediaDir, { recursive: true, force: true }));

  it('deletes the demo accounts and what they wrote, keeps everybody else with consistent counters, search and keys', () => {
    const before = { users: one('SELECT count(*) FROM users') };
    const removed = removeDemoData(t.db, { mediaDir });

    expect(removed.users).toBe(9);
    expect(removed.topics).toBe(4);
    expect(removed.projects).toBe(3);
    expect(one('SELECT count(*) FROM users WHERE is_demo = 1')).toBe(0);
    expect(one('SELECT count(*) FROM users')).toBe(before.users - 9);
    for (const u of Object.values(real)) expect(t.db.select().from(users).where(eq(users.id, u.id)).get()).toBeDefined();
    expect(one('SELECT count(*) FROM topics')).toBe(1);
    expect(one('SELECT count(*) FROM projects')).toBe(0);
    expect(one('SELECT count(*) FROM meetings')).toBe(0);

    // The real consultation: the demo comment, reply, support and vote are gone; the real ones stay.
    expect(t.db.select().from(topics).where(eq(topics.id, realTopic)).get()).toMatchObject({ commentCount: 1, voteCount: 1, stanceAgainstCount: 0, stanceForCount: 1, topCommentCount: 1 });
    expect(one('SELECT reply_count FROM comments WHERE id = ?', realComment)).toBe(0);
    expect(one('SELECT support_count FROM comments WHERE id = ?', realComment)).toBe(0);
    expect(one("SELECT coalesce(sum(n), 0) FROM vote_tallies WHERE topic_id = ? AND choice = 'for'", realTopic)).toBe(0);
    expect(one("SELECT coalesce(sum(n), 0) FROM vote_tallies WHERE topic_id = ? AND choice = 'against'", realTopic)).toBe(1);
    expect(counterMismatches()).toEqual([]);
    expect(orphanSearchEntries()).toBe(0);
    expect(one("SELECT count(*) FROM search_index WHERE kind = 'comment' AND ref_id = ?", realComment)).toBe(1);

    // What demo accounts did to real ones goes; who did it is forgotten where the row stays.
    expect(t.db.select().from(sanctions).all()).toEqual([]);
    expect(t.db.select({ by: users.registeredBy }).from(users).where(eq(users.id, (real as Record<string, User>).participant!.id)).get()).toEqual({ by: null });
    expect(t.db.select().from(communeProjectSettings).all()).toEqual([]);
    expect(one('SELECT count(*) FROM notifications WHERE user_id NOT IN (SELECT id FROM users)')).toBe(0);
    expect(all('SELECT user_id AS id FROM sessions')).toEqual([{ id: real.citizen.id }]);
    expect(all('SELECT user_id AS id FROM messages')).toEqual([{ id: real.citizen.id }]);

    // Recordings: the demo's and those of removed items go, and a file once no kept row uses it.
    expect(removed.recordings).toBe(2);
    expect(all('SELECT owner_id AS owner, subject_id AS subject FROM media')).toEqual([{ owner: real.citizen.id, subject: realComment }]);
    expect(fs.existsSync(mediaFilePath(mediaDir, DEMO_ONLY))).toBe(false);
    expect(fs.existsSync(mediaFilePath(mediaDir, SHARED))).toBe(true);

    // Translations: the demo's proposals go (a text they wrote leaves the site); a decision a demo account
    // took is taken again by real people; a real person's decision on a kept proposal stands.
    expect(removed.translations).toBe(2);
    const state = (id: number) => t.db.select({ state: translationProposals.state, by: translationProposals.decidedBy }).from(translationProposals).where(eq(translationProposals.id, id)).get();
    expect(state(proposals.byDemo)).toBeUndefined();
    expect(state(proposals.refusedByReal)).toBeUndefined();
    expect(state(proposals.approvedByDemo)).toEqual({ state: 'proposed', by: null });
    expect(one('SELECT count(*) FROM translation_reviews')).toBe(0);
    expect(one("SELECT count(*) FROM translation_proposals WHERE proposed_by IS NULL AND state = 'proposed'")).toBeGreaterThan(0);

    // Learning: the demo's courses (both languages), lessons, training session and what hung on them go.
    expect(removed.courses).toBe(6);
    expect(all('SELECT slug FROM courses')).toEqual([{ slug: 'le-marche' }]);
    expect(all('SELECT slug FROM lessons')).toEqual([{ slug: realLesson }]);
    expect(all('SELECT lesson_slug AS slug FROM topic_lessons')).toEqual([{ slug: realLesson }]);
    expect(one('SELECT count(*) FROM lesson_progress') + one('SELECT count(*) FROM training_sessions') + one('SELECT count(*) FROM training_participants')).toBe(0);
    expect(one("SELECT count(*) FROM search_index WHERE kind = 'lesson'")).toBe(0);

    // Nothing points at a missing row, the file is sound, and the removal is in the audit log.
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
    expect(one('PRAGMA integrity_check')).toBe('ok' as unknown as number);
    const audit = auditRows(t.db, 'demo.remove');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, subjectType: 'site', details: removed });
    expect(one('SELECT count(*) FROM audit_log WHERE actor_id IS NOT NULL AND actor_id NOT IN (SELECT id FROM users)')).toBe(0);
    expect(demoAccountsExist(t.db)).toBe(false);
  });

  it('runs again without harm when nothing is left to remove', () => {
    removeDemoData(t.db, { mediaDir });
    const second = removeDemoData(t.db, { mediaDir });
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    expect(auditRows(t.db, 'demo.remove')).toHaveLength(2);
  });

  it('is seen by a server connection without a restart (another process removed them)', () => {
    const server = openDatabase(t.file);
    try {
      expect(demoAccountsExist(server)).toBe(true);
      removeDemoData(t.db, { mediaDir });
      expect(demoAccountsExist(server)).toBe(false);
    } finally {
      server.$client.close();
    }
  });
});

it('knows what to do with every column that refers to an account (a new table cannot be forgotten)', () => {
  t = makeTestDb();
  const tables = (all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND sql NOT LIKE 'CREATE VIRTUAL%'") as { name: string }[]).map((r) => r.name);
  const references = tables.flatMap((table) =>
    (all(`PRAGMA foreign_key_list(${JSON.stringify(table)})`) as { table: string; from: string }[]).filter((fk) => fk.table === 'users').map((fk) => `${table}.${fk.from}`),
  );
  expect(references.sort()).toEqual(Object.keys(USER_REFERENCES).sort());
  // …and the removal does what the list says, column by column.
  const sql = REMOVAL_SQL.replace(/\s+/g, ' ');
  for (const [ref, policy] of Object.entries(USER_REFERENCES)) {
    const [table, column] = ref.split('.');
    if (policy === 'null') expect(sql, ref).toContain(`UPDATE ${table} SET ${column} = NULL`);
    else expect(sql, ref).toMatch(new RegExp(`DELETE FROM ${table} WHERE [^;]*\\b${column}\\b|SELECT [^;]*FROM ${table} (?:[a-z] )?WHERE [^;]*\\b${column} IN t_users`));
  }
});

describe('npm start on a real deployment', () => {
  it('refuses an https PUBLIC_URL while demo accounts exist, and says how to fix it', () => {
    const message = startRefusal('https://baro.kayes.ml', true);
    expect(message).toMatch(/https:\/\/baro\.kayes\.ml/);
    expect(message).toMatch(/npm run admin:create/);
    expect(message).toMatch(/npm run demo:remove/);
    expect(message).toMatch(/DEMO=false/);
  });

  it('serves the demo over http, and a real site once the demo accounts are gone', () => {
    expect(startRefusal('http://localhost:3000', true)).toBeNull();
    expect(startRefusal(undefined, true)).toBeNull();
    expect(startRefusal('https://baro.kayes.ml', false)).toBeNull();
    expect(startRefusal(' HTTPS://baro.kayes.ml ', true)).not.toBeNull();
  });
});

it('records no demo row as a real account (the audit of the seed names demo actors only)', async () => {
  t = makeTestDb({ geography: false });
  await seedNewDatabase(t.db, { demo: true });
  const actors = all('SELECT DISTINCT actor_id AS id FROM audit_log WHERE actor_id IS NOT NULL') as { id: number }[];
  const demoIds = new Set(t.db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).all().map((u) => u.id));
  expect(actors.every((a) => demoIds.has(a.id))).toBe(true);
  expect(t.db.select().from(auditLog).all().length).toBeGreaterThan(0);
});

describe('a database seeded before demo accounts were marked (migration demo_accounts)', () => {
  it('marks the demo seed’s accounts by name and identifier together, and nobody else', async () => {
    const { migrate } = await import('drizzle-orm/better-sqlite3/migrator');
    const { MIGRATIONS_FOLDER, migrateDatabase } = await import('@/db/client');
    const { seedGeography } = await import('@/db/seed');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-demo-mig-'));
    const db = openDatabase(path.join(dir, 'old.db'));
    try {
      // The migrations before this one.
      const out = path.join(dir, 'migrations');
      fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
      const stop = journal.entries.findIndex((e) => /_demo_accounts$/.test(e.tag));
      expect(stop).toBeGreaterThan(0);
      const kept = journal.entries.slice(0, stop);
      for (const e of kept) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
      fs.writeFileSync(path.join(out, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
      migrate(db, { migrationsFolder: out });
      seedGeography(db);

      const sql = db.$client;
      const commune = sql.prepare("SELECT id FROM communes WHERE slug = 'kayes'").pluck().get();
      const add = sql.prepare('INSERT INTO users (display_name, phone, email, password_hash, commune_id, participant_code) VALUES (?, ?, ?, ?, ?, ?) RETURNING id');
      const id = (...v: unknown[]) => (add.get(...v) as { id: number }).id;
      const demo = [
        id('Awa Traoré', '+22376000001', null, 'x', commune, null),
        id('Fanta Sissoko', '+22376000003', 'animatrice.nioro@baro.ml', 'x', commune, null),
        id('Administration Baro', null, 'admin@baro.ml', 'x', commune, null),
        id('Aminata Konaté', null, null, 'x', commune, 'NIO-DEM42'),
      ];
      const real = [
        id('Oumou Sangaré', '+22376000002', null, 'x', commune, null), // a demo number, another name
        id('Seydou Traoré', '+22377001122', null, 'x', commune, null),
        id('Kadi', null, null, 'x', commune, 'KAY-7K3PA'),
      ];

      migrateDatabase(db);
      const marked = sql.prepare('SELECT id FROM users WHERE is_demo = 1 ORDER BY id').pluck().all();
      expect(marked).toEqual(demo);
      for (const r of real) expect(marked).not.toContain(r);
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { searchContent } from '@/lib/search/queries';
import { createComment } from '@/lib/comments/create-comment';
import { castVote } from '@/lib/votes/cast-vote';
import { seedLarge, type SeedLargeSummary } from '@/scripts/large/seed';
import { actorOf } from '../helpers/db';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const SIZE = { users: 300, topics: 40, comments: 4000, projects: 12, bigTopicComments: 1500, smallTopicComments: 100, seed: 7, now: NOW };
const files: string[] = [];
const tmpFile = () => {
  const f = path.join(os.tmpdir(), `baro-large-${process.pid}-${crypto.randomUUID()}.db`);
  files.push(f);
  return f;
};

let file: string;
let summary: SeedLargeSummary;
let db: Db;

/** Every row of every table, password hashes aside (argon2 salts each hash). */
function dump(f: string): string {
  const d = openDatabase(f);
  const tables = d.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const h = crypto.createHash('sha256');
  for (const { name } of tables) {
    for (const row of d.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]) {
      h.update(JSON.stringify({ ...row, password_hash: undefined }));
    }
  }
  d.$client.close();
  return h.digest('hex');
}

const one = (sql: string, ...params: unknown[]) => Object.values(db.$client.prepare(sql).get(...params) as object)[0] as number;

beforeAll(async () => {
  file = tmpFile();
  summary = await seedLarge({ file, ...SIZE });
  db = openDatabase(file);
}, 60_000);

afterAll(() => {
  db?.$client.close();
  for (const f of files) for (const s of ['', '-wal', '-shm', '-journal', '.seed.json']) fs.rmSync(f + s, { force: true });
});

describe('npm run seed:large', () => {
  it('writes the asked numbers of citizens, topics, comments and projects, with one topic of each chosen size', () => {
    expect(one('SELECT count(*) FROM users WHERE phone LIKE ?', '+2237000%')).toBe(300);
    expect(one('SELECT count(*) FROM topics')).toBe(40);
    expect(one('SELECT count(*) FROM comments')).toBe(4000);
    expect(one('SELECT count(*) FROM projects')).toBe(12);
    expect(one('SELECT count(*) FROM comments WHERE topic_id = ?', summary.bigTopicId)).toBe(1500);
    expect(one('SELECT count(*) FROM comments WHERE topic_id = ?', summary.smallTopicId)).toBe(100);
    expect(one("SELECT count(*) FROM topics WHERE id IN (?, ?) AND phase = 'open' AND closes_at > ? AND opens_at < ?", summary.bigTopicId, summary.smallTopicId, NOW.toISOString(), NOW.toISOString())).toBe(2);
    expect(one('SELECT count(*) FROM comments WHERE parent_id IS NOT NULL')).toBeGreaterThan(500);
    expect(one("SELECT count(*) FROM votes WHERE choice LIKE 'option:%'")).toBeGreaterThan(0);
    expect(one('SELECT count(*) FROM comment_supports')).toBeGreaterThan(0);
    expect(one('SELECT count(*) FROM project_supports')).toBeGreaterThan(0);
    expect(one('SELECT count(*) FROM comments WHERE created_at > ?', NOW.toISOString())).toBe(0);
  });

  it('keeps every counter equal to its rows, by the rules the use cases follow', () => {
    // Every generated account stands for a verified person: all its votes and supports count (migration verified_counts).
    expect(one('SELECT count(*) FROM users WHERE verified_at IS NULL')).toBe(0);
    expect(one(`SELECT count(*) FROM topics t WHERE t.comment_count <> (SELECT count(*) FROM comments c WHERE c.topic_id = t.id AND c.visibility = 'visible' AND c.deleted_at IS NULL)`)).toBe(0);
    expect(one(`SELECT count(*) FROM projects p WHERE p.comment_count <> (SELECT count(*) FROM comments c WHERE c.project_id = p.id AND c.visibility = 'visible' AND c.deleted_at IS NULL)`)).toBe(0);
    expect(one('SELECT count(*) FROM topics t WHERE t.vote_count <> (SELECT count(*) FROM votes v WHERE v.topic_id = t.id)')).toBe(0);
    // vote_tallies (0010), per topic, choice and voter's commune, equal the votes
    expect(
      one(`SELECT count(*) FROM (SELECT v.topic_id, v.choice, u.commune_id, count(*) AS n FROM votes v JOIN users u ON u.id = v.user_id
           GROUP BY 1, 2, 3) c LEFT JOIN vote_tallies vt USING (topic_id, choice, commune_id) WHERE vt.n IS NOT c.n`),
    ).toBe(0);
    expect(one('SELECT count(*) FROM vote_tallies WHERE n <> 0')).toBe(one('SELECT count(*) FROM (SELECT 1 FROM votes v JOIN users u ON u.id = v.user_id GROUP BY v.topic_id, v.choice, u.commune_id)'));
    // The page counters of 0009: stance counts of visible, not deleted comments; top-level comments not held.
    for (const [table, column] of [['topics', 'topic_id'], ['projects', 'project_id']]) {
      for (const stance of ['for', 'against', 'neutral', 'question']) {
        expect(one(`SELECT count(*) FROM ${table} s WHERE s.stance_${stance}_count <> (SELECT count(*) FROM comments c WHERE c.${column} = s.id AND c.visibility = 'visible' AND c.deleted_at IS NULL AND c.stance = ?)`, stance)).toBe(0);
      }
      expect(one(`SELECT count(*) FROM ${table} s WHERE s.top_comment_count <> (SELECT count(*) FROM comments c WHERE c.${column} = s.id AND c.parent_id IS NULL AND c.visibility <> 'held')`)).toBe(0);
    }
    expect(one('SELECT stance_for_count + stance_against_count + stance_neutral_count + stance_question_count FROM topics WHERE id = ?', summary.bigTopicId)).toBeGreaterThan(1000);
    expect(one('SELECT count(*) FROM comments c WHERE c.support_count <> (SELECT count(*) FROM comment_supports s WHERE s.comment_id = c.id)')).toBe(0);
    expect(one(`SELECT count(*) FROM comments c WHERE c.reply_count <> (SELECT count(*) FROM comments r WHERE r.parent_id = c.id AND r.visibility = 'visible')`)).toBe(0);
    expect(one('SELECT count(*) FROM projects p WHERE p.support_count <> (SELECT count(*) FROM project_supports s WHERE s.project_id = p.id)')).toBe(0);
    // One level of replies, on the same subject, never to a held comment.
    expect(one('SELECT count(*) FROM comments r JOIN comments p ON p.id = r.parent_id WHERE p.parent_id IS NOT NULL OR p.topic_id IS NOT r.topic_id OR p.project_id IS NOT r.project_id OR p.visibility = \'held\'')).toBe(0);
    // Every held or hidden comment has its moderation record.
    expect(one(`SELECT count(*) FROM comments c WHERE c.visibility <> 'visible' AND NOT EXISTS (SELECT 1 FROM moderations m WHERE m.content_type = 'comment' AND m.content_id = c.id AND m.state = c.visibility)`)).toBe(0);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('fills the search index with exactly the public content, and leaves the triggers as the migrations define them', () => {
    expect(one("SELECT count(*) FROM search_index WHERE kind = 'comment'")).toBe(
      one(`SELECT count(*) FROM comments c LEFT JOIN projects p ON p.id = c.project_id WHERE c.visibility = 'visible' AND c.deleted_at IS NULL AND (c.topic_id IS NOT NULL OR p.status <> 'draft')`),
    );
    expect(one("SELECT count(*) FROM search_index WHERE kind = 'topic'")).toBe(one("SELECT count(*) FROM topics WHERE phase <> 'draft' AND visibility = 'visible'"));
    expect(one("SELECT count(*) FROM search_index WHERE kind = 'project'")).toBe(one("SELECT count(*) FROM projects WHERE status <> 'draft' AND visibility = 'visible'"));

    const fresh = openDatabase(tmpFile());
    migrateDatabase(fresh);
    const triggers = (d: Db) => d.$client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    expect(triggers(db)).toEqual(triggers(fresh));
    fresh.$client.close();
  });

  it('is a database the use cases work on: a citizen comments and votes on the big topic, and search finds the comment', () => {
    const citizen = actorOf(db, one("SELECT id FROM users WHERE phone = '+22370000042'"));
    const before = one('SELECT comment_count FROM topics WHERE id = ?', summary.bigTopicId);
    const forBefore = one('SELECT stance_for_count FROM topics WHERE id = ?', summary.bigTopicId);
    const topBefore = one('SELECT top_comment_count FROM topics WHERE id = ?', summary.bigTopicId);
    const during = new Date(NOW.getTime() + 3_600_000);
    const r = createComment(db, citizen, { topicId: String(summary.bigTopicId), stance: 'for', body: 'Le forage de Tambacara doit être géré par les femmes, zébrures.' }, during);
    expect(r.ok).toBe(true);
    expect(one('SELECT comment_count FROM topics WHERE id = ?', summary.bigTopicId)).toBe(before + 1);
    // The recreated counter triggers keep counting.
    expect(one('SELECT stance_for_count FROM topics WHERE id = ?', summary.bigTopicId)).toBe(forBefore + 1);
    expect(one('SELECT top_comment_count FROM topics WHERE id = ?', summary.bigTopicId)).toBe(topBefore + 1);
    expect(searchContent(db, 'zebrures').map((h) => h.refId)).toContain(r.ok ? r.value.commentId : -1);
    expect(castVote(db, citizen, { topicId: String(summary.bigTopicId), choice: 'for' }, during).ok).toBe(true);
  });

  it('writes the same rows for the same arguments', async () => {
    const again = tmpFile();
    const other = tmpFile();
    await seedLarge({ file: again, ...SIZE });
    await seedLarge({ file: other, ...SIZE, seed: 8 });
    const first = tmpFile();
    await seedLarge({ file: first, ...SIZE });
    expect(dump(again)).toBe(dump(first));
    expect(dump(other)).not.toBe(dump(first));
  }, 60_000);
});

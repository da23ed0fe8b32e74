import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS_FOLDER, openDatabase, migrateDatabase, type Db } from '@/db/client';
import { seedGeography } from '@/db/seed';
import { tally } from '@/lib/votes/queries';

/**
 * A database from before verified accounts (migrations up to the one before verified_accounts), with
 * people, votes and supports in it, then migrated: existing accounts are asked to verify, except
 * participants registered at a space and the demo accounts; their votes and supports stop counting
 * until they verify.
 */
const VERIFIED_ACCOUNTS = /_verified_accounts\.sql$/;

let dir: string;
let db: Db;
afterEach(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function migrationsBefore(target: string): string {
  const out = path.join(dir, 'migrations');
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((e) => VERIFIED_ACCOUNTS.test(`${e.tag}.sql`));
  expect(stop, target).toBeGreaterThan(0);
  const kept = journal.entries.slice(0, stop);
  for (const e of kept) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  fs.writeFileSync(path.join(out, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  return out;
}

describe('migrating a database that existed before verification', () => {
  it('asks existing accounts to verify, except participants registered at a space and the demo accounts; tallies count verified voters only', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `baro-mig-${crypto.randomUUID()}`));
    db = openDatabase(path.join(dir, 'old.db'));
    migrate(db, { migrationsFolder: migrationsBefore('verified_accounts') });
    seedGeography(db);
    const sql = db.$client;
    const commune = (sql.prepare("SELECT id FROM communes WHERE slug = 'kayes'").get() as { id: number }).id;
    const space = (sql.prepare("SELECT id FROM connected_spaces WHERE slug = 'kayes-ville'").get() as { id: number }).id;
    const add = sql.prepare('INSERT INTO users (display_name, phone, email, password_hash, commune_id, participant_code, registered_at_space_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id');
    const id = (...v: unknown[]) => (add.get(...v) as { id: number }).id;
    const citizen = id('Citoyenne', '+22377001122', null, 'x', commune, null, null);
    const official = id('Élu', null, 'elu@exemple.ml', 'x', commune, null, null);
    const demo = id('Awa Traoré', '+22376000001', null, 'x', commune, null, null);
    const demoAdmin = id('Administration Baro', null, 'admin@baro.ml', 'x', commune, null, null);
    const participant = id('Kadi', null, null, 'x', commune, 'KAY-7K3PA', space);
    // A real person who registered a demo number under her own name is not taken for the demo account.
    const lookalike = id('Oumou Sangaré', '+22376000002', null, 'x', commune, null, null);
    const topic = (sql.prepare("INSERT INTO topics (commune_id, author_id, title, summary, body, sector, opens_at, closes_at, phase, vote_count) VALUES (?, ?, 'T', 'S', 'B', 'water', '2027-01-01', '2027-12-31', 'open', 3) RETURNING id").get(commune, official) as { id: number }).id;
    for (const [user, choice] of [[citizen, 'for'], [demo, 'for'], [participant, 'against']] as const) {
      sql.prepare('INSERT INTO votes (topic_id, user_id, choice) VALUES (?, ?, ?)').run(topic, user, choice);
    }
    expect([...tally(db, topic, commune).entries()]).toEqual([
      ['against', { residents: 1, others: 0 }],
      ['for', { residents: 2, others: 0 }],
    ]);
    const project = (
      sql
        .prepare(
          "INSERT INTO projects (commune_id, author_id, title, problem, solution, sector, location, beneficiaries, status, threshold, collection_ends_at) VALUES (?, ?, 'P', 'p', 's', 'water', 'l', '[]', 'collecting', 50, '2027-12-31') RETURNING id",
        )
        .get(commune, participant) as { id: number }
    ).id;
    for (const user of [citizen, demo, lookalike]) sql.prepare('INSERT INTO project_supports (project_id, user_id) VALUES (?, ?)').run(project, user);
    const supports = () => (sql.prepare('SELECT support_count AS n FROM projects WHERE id = ?').get(project) as { n: number }).n;
    expect(supports()).toBe(3);

    migrateDatabase(db);
    const verified = (u: number) => sql.prepare('SELECT verified_at IS NOT NULL AS v, verified_via AS via FROM users WHERE id = ?').get(u);
    expect(verified(citizen)).toEqual({ v: 0, via: null });
    expect(verified(official)).toEqual({ v: 0, via: null });
    expect(verified(demo)).toEqual({ v: 1, via: 'seed' });
    expect(verified(demoAdmin)).toEqual({ v: 1, via: 'seed' });
    expect(verified(participant)).toEqual({ v: 1, via: 'in_person' });
    expect(verified(lookalike)).toEqual({ v: 0, via: null });
    // Supports of unverified accounts stop counting, and count again once verified (the old counting triggers are gone).
    expect(supports()).toBe(1);
    expect((sql.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'project_supports_count_%'").get() as { n: number }).n).toBe(0);
    sql.prepare('INSERT INTO project_supports (project_id, user_id) VALUES (?, ?)').run(project, official);
    expect(supports()).toBe(1);
    sql.prepare('DELETE FROM project_supports WHERE project_id = ? AND user_id = ?').run(project, demo);
    expect(supports()).toBe(0);
    sql.prepare("UPDATE users SET verified_at = '2027-03-01T00:00:00.000Z', verified_via = 'email' WHERE id = ?").run(official);
    expect(supports()).toBe(1);
    // The citizen's vote waits for her verification; the others count.
    expect([...tally(db, topic, commune).entries()]).toEqual([
      ['against', { residents: 1, others: 0 }],
      ['for', { residents: 1, others: 0 }],
    ]);
    expect((sql.prepare('SELECT vote_count FROM topics WHERE id = ?').get(topic) as { vote_count: number }).vote_count).toBe(2);
    sql.prepare("UPDATE users SET verified_at = '2027-03-01T00:00:00.000Z', verified_via = 'sms' WHERE id = ?").run(citizen);
    expect(tally(db, topic, commune).get('for')).toEqual({ residents: 2, others: 0 });
  });
});

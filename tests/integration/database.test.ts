import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getDb, migrateDatabase, MIGRATIONS_FOLDER } from '@/db/client';
import { communes, connectedSpaces, roleGrants, users } from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from '@/db/seed';
import { authenticate } from '@/lib/accounts/authenticate';
import { hashPassword } from '@/lib/accounts/password';
import { passwordSchema } from '@/lib/accounts/schemas';
import { loadActor } from '@/lib/accounts/load-actor';
import { uniqueViolation } from '@/lib/accounts/unique';
import { makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('the database', () => {
  it('is opened with WAL, foreign keys, a busy timeout and power-loss durability', () => {
    t = makeTestDb();
    const pragma = (name: string) => t!.db.$client.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
    expect(pragma('synchronous')).toBe(2); // FULL
  });

  it('migrations create every foundation table, and running them again changes nothing', () => {
    t = makeTestDb();
    const tables = () =>
      t!.db.$client
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
        .pluck()
        .all();
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const applied = () => t!.db.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied()).toBe(journal.entries.length);
    expect(tables()).toEqual(expect.arrayContaining([
      '__drizzle_migrations',
      'audit_log',
      'cercles',
      'communes',
      'connected_spaces',
      'rate_limits',
      'regions',
      'role_grants',
      'settings',
      'users',
    ]));
    const before = tables();
    migrateDatabase(t.db);
    expect(applied()).toBe(journal.entries.length);
    expect(tables()).toEqual(before);
    expect(t.db.$client.prepare('SELECT count(*) FROM communes').pluck().get()).toBe(9);
  });

  it('refuses an account with neither a phone number nor an email', () => {
    t = makeTestDb();
    expect(() =>
      t!.db.insert(users).values({ displayName: 'Personne', passwordHash: 'x', communeId: t!.communeId('kayes') }).run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('refuses an account in a commune that does not exist, and a phone number used twice', () => {
    t = makeTestDb();
    expect(() =>
      t!.db.insert(users).values({ displayName: 'Awa', phone: '+22376123456', passwordHash: 'x', communeId: 9999 }).run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    const awa = { displayName: 'Awa', phone: '+22376123456', passwordHash: 'x', communeId: t.communeId('kayes') };
    t.db.insert(users).values(awa).run();
    expect(() => t!.db.insert(users).values(awa).run()).toThrow(/UNIQUE constraint failed: users\.phone/);
  });

  it('when two people race for the same number or email, the unique index says which one was taken', () => {
    t = makeTestDb();
    const base = { displayName: 'Awa', passwordHash: 'x', communeId: t.communeId('kayes') };
    t.db.insert(users).values({ ...base, phone: '+22376123456', email: 'awa@exemple.ml' }).run();
    const errorOf = (values: typeof users.$inferInsert) => {
      try {
        t!.db.insert(users).values(values).run();
      } catch (e) {
        return e;
      }
      throw new Error('the insert should have failed');
    };
    expect(uniqueViolation(errorOf({ ...base, phone: '+22376123456' }))).toBe('phone');
    expect(uniqueViolation(errorOf({ ...base, email: 'awa@exemple.ml' }))).toBe('email');
    expect(uniqueViolation(errorOf({ ...base }))).toBeNull(); // a CHECK failure is not a taken identifier
    expect(uniqueViolation(new Error('disk I/O error'))).toBeNull();
  });
});

describe('seeding', () => {
  it('the geography: Kayes region, its three cercles, nine communes and three connected spaces', () => {
    t = makeTestDb();
    const all = t.db.select().from(communes).all();
    expect(all.map((c) => c.slug).sort()).toEqual(
      ['diabigue', 'gogui', 'kayes', 'khouloum', 'kremis', 'liberte-dembaya', 'nioro-du-sahel', 'tringa', 'yelimane'],
    );
    expect(all.find((c) => c.slug === 'yelimane')?.name).toBe('Yélimané');
    const spaces = t.db.select().from(connectedSpaces).all();
    expect(spaces.map((s) => [s.slug, s.communeId])).toEqual([
      ['kayes-ville', t.communeId('kayes')],
      ['nioro', t.communeId('nioro-du-sahel')],
      ['yelimane', t.communeId('yelimane')],
    ]);
  });

  it('the demo: one account per role, each able to sign in with the demo password', async () => {
    t = makeTestDb({ geography: false });
    expect(isEmpty(t.db)).toBe(true);
    await seedDemo(t.db, hashPassword);
    expect(isEmpty(t.db)).toBe(false);
    expect(passwordSchema.safeParse(DEMO_PASSWORD).success).toBe(true);

    const seeded = t.db.select().from(users).all();
    expect(seeded).toHaveLength(DEMO_ACCOUNTS.length);
    const roles = t.db.select({ role: roleGrants.role }).from(roleGrants).all().map((g) => g.role);
    expect(roles.sort()).toEqual(['admin', 'facilitator', 'moderator', 'moderator', 'official', 'official', 'translator', 'translator']);

    for (const account of DEMO_ACCOUNTS) {
      const identifier = account.phone ?? account.email!;
      const r = await authenticate(t.db, { identifier, password: DEMO_PASSWORD }, { ip: '127.0.0.1' });
      expect(r.ok, identifier).toBe(true);
      if (!r.ok) continue;
      const actor = loadActor(t.db, { userId: r.value.userId, sessionVersion: r.value.sessionVersion });
      expect(actor?.displayName).toBe(account.displayName);
      expect(actor?.grants.map((g) => g.role)).toEqual(account.grants.map((g) => g.role));
    }
  });
});

describe('the shared connection', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-getdb-'));
  afterEach(() => {
    closeDb();
    vi.unstubAllEnvs();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is opened once at DATABASE_PATH, reopened when the path changes, and closed by closeDb', () => {
    vi.stubEnv('DATABASE_PATH', path.join(dir, 'a', 'baro.db'));
    const first = getDb();
    expect(getDb()).toBe(first);
    expect(fs.existsSync(path.join(dir, 'a', 'baro.db'))).toBe(true);

    vi.stubEnv('DATABASE_PATH', path.join(dir, 'b.db'));
    const second = getDb();
    expect(second).not.toBe(first);
    expect(first.$client.open).toBe(false);

    closeDb();
    expect(second.$client.open).toBe(false);
    expect(getDb()).not.toBe(second);
  });
});

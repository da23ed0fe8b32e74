import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import {
  auditLog,
  communes,
  connectedSpaces,
  roleGrants,
  topics,
  users,
  type AuditEntry,
  type NewTopic,
  type NewUser,
  type Topic,
  type User,
} from '@/db/schema';
import { seedGeography } from '@/db/seed';
import { hashPassword } from '@/lib/accounts/password';
import { loadActor } from '@/lib/accounts/load-actor';
import type { Grant } from '@/lib/permissions';

export type TestDb = {
  db: Db;
  file: string;
  /** Closes the connection and removes the database file and its WAL companions. */
  cleanup: () => void;
  /** The id of a seeded commune, by slug ("kayes", "nioro-du-sahel", …). */
  communeId: (slug: string) => number;
  /** The id of a seeded connected space, by slug ("kayes-ville", "nioro", "yelimane"). */
  spaceId: (slug: string) => number;
};

/**
 * A fresh SQLite database in a temporary file, built by the real migrations and holding the
 * seeded geography (region, cercles, communes, connected spaces) but no accounts.
 * `geography: false` leaves it empty (for testing the seeds themselves).
 */
export function makeTestDb(options: { geography?: boolean } = {}): TestDb {
  const file = path.join(os.tmpdir(), `baro-test-${process.pid}-${crypto.randomUUID()}.db`);
  const db = openDatabase(file);
  migrateDatabase(db);
  if (options.geography !== false) seedGeography(db);
  return {
    db,
    file,
    cleanup() {
      if (db.$client.open) db.$client.close();
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    },
    communeId(slug) {
      const row = db.select({ id: communes.id }).from(communes).where(eq(communes.slug, slug)).get();
      if (!row) throw new Error(`No seeded commune "${slug}"`);
      return row.id;
    },
    spaceId(slug) {
      const row = db.select({ id: connectedSpaces.id }).from(connectedSpaces).where(eq(connectedSpaces.slug, slug)).get();
      if (!row) throw new Error(`No seeded connected space "${slug}"`);
      return row.id;
    },
  };
}

/** The password of every account made by `addUser` (not on the common-password list). */
export const TEST_PASSWORD = 'Sanu-ka-di-2026';

let testHash: Promise<string> | undefined;
/** Hashed once per test file: argon2 costs ~50 ms a time. */
function testPasswordHash(): Promise<string> {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

type GrantSpec = { role: Grant['role']; communeId?: number | null; spaceId?: number | null; title?: string | null };

/**
 * Inserts an account directly (no use case, no audit row), with TEST_PASSWORD and the given
 * grants. For arranging a test; the behaviour under test goes through the use cases. The account is
 * verified unless `verifiedAt: null` is given (an account that has not proven its phone or e-mail).
 */
export async function addUser(
  t: TestDb,
  fields: Partial<NewUser> & { grants?: GrantSpec[] } = {},
): Promise<User> {
  const { grants = [], ...rest } = fields;
  const user = t.db
    .insert(users)
    .values({
      displayName: 'Awa Traoré',
      communeId: t.communeId('kayes'),
      passwordHash: await testPasswordHash(),
      ...(rest.phone === undefined && rest.email === undefined ? { email: `user-${crypto.randomUUID()}@test.ml` } : {}),
      ...(rest.verifiedAt === null
        ? { verifiedVia: null }
        : { verifiedAt: '2026-01-01T00:00:00.000Z', verifiedVia: rest.participantCode ? 'in_person' : rest.phone ? 'sms' : 'email' }),
      ...rest,
    })
    .returning()
    .get();
  for (const g of grants) {
    t.db
      .insert(roleGrants)
      .values({ userId: user.id, role: g.role, communeId: g.communeId ?? null, spaceId: g.spaceId ?? null, title: g.title ?? null })
      .run();
  }
  return user;
}

/** The actor a valid session of this user would load right now. */
export function actorOf(db: Db, userId: number) {
  const u = db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
  if (!u) throw new Error(`No user ${userId}`);
  const actor = loadActor(db, { userId, sessionVersion: u.sessionVersion });
  if (!actor) throw new Error(`User ${userId} has no valid session`);
  return actor;
}

export function countUsers(db: Db): number {
  return db.select({ id: users.id }).from(users).all().length;
}

/** Audit rows with this action, oldest first. */
export function auditRows(db: Db, action: string): AuditEntry[] {
  return db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id).all();
}

// ---------------------------------------------------------------- consultation

/** The consultation window most tests use, and instants inside and after it (Mali is UTC+0). */
export const CONSULTATION = {
  opensAt: '2027-03-01T09:00',
  closesAt: '2027-03-31T18:00',
  /** while the consultation is open */
  during: new Date('2027-03-10T10:00:00.000Z'),
  /** after its close date */
  after: new Date('2027-04-02T10:00:00.000Z'),
} as const;

/** `minutes` after `from`. */
export const minutesAfter = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

/** A topic form as the browser sends it: every field a string. */
export function topicForm(communeId: number, fields: Record<string, string> = {}): Record<string, string> {
  return {
    communeId: String(communeId),
    title: 'Nouveau forage au quartier Plateau',
    summary: 'La mairie propose un forage équipé d’une pompe solaire près de l’école.',
    body: 'Le quartier Plateau n’a qu’un puits, à sec trois mois par an. Le forage coûterait 12 millions de FCFA.',
    sector: 'water',
    location: '',
    opensAt: CONSULTATION.opensAt,
    closesAt: CONSULTATION.closesAt,
    pollOptions: '',
    ...fields,
  };
}

/**
 * Inserts a topic directly (no screening, no audit, no timeline), already in the given phase:
 * for arranging lists, tallies, comments and searches. Defaults: open, visible, the standard window.
 */
export function addTopic(t: TestDb, fields: Partial<NewTopic> & { authorId: number }): Topic {
  return t.db
    .insert(topics)
    .values({
      communeId: t.communeId('kayes'),
      title: 'Nouveau forage au quartier Plateau',
      summary: 'La mairie propose un forage équipé d’une pompe solaire.',
      body: 'Le quartier Plateau n’a qu’un puits, à sec trois mois par an.',
      sector: 'water',
      opensAt: '2027-03-01T09:00:00.000Z',
      closesAt: '2027-03-31T18:00:00.000Z',
      phase: 'open',
      ...fields,
    })
    .returning()
    .get();
}

import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { topics, users } from '@/db/schema';
import { backupDatabase, backupName, checkBackup, restoreDatabase } from '@/lib/ops/backup';
import { topicPage } from '@/lib/topics/topic-page-view';
import { addTopic, addUser, makeTestDb, type TestDb } from '../helpers/db';

/**
 * The backup and restore drill of docs/operations.md, on a real database built by the migrations: a copy
 * taken while the database is open and written to, checked, restored in place of the live one, and read by
 * the app; a damaged copy is refused and changes nothing.
 */
let t: TestDb;
let dir: string;
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeEach(() => {
  t = makeTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-backup-'));
});
afterEach(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the backup and restore drill', () => {
  it('copies an open database, and the copy restored in its place serves the same consultation', async () => {
    const mayor = await addUser(t, { displayName: 'Maire de Kayes' });
    const topic = addTopic(t, { authorId: mayor.id, title: 'Forage du quartier Plateau' });
    const media = path.join(dir, 'live-media');
    fs.mkdirSync(path.join(media, 'ab'), { recursive: true });
    fs.writeFileSync(path.join(media, 'ab', 'abcdef.webm'), 'recording');

    const backup = await backupDatabase(t.db.$client, path.join(dir, 'backups'), { mediaDir: media, now: new Date('2026-12-05T10:15:00Z') });
    expect(backup).toMatchObject({ ok: true, integrity: 'ok', users: 1, mediaCopied: 1 });
    expect(path.basename(backup.file)).toBe('baro-20261205T101500Z.db');
    expect(backup.migrations).toBeGreaterThan(10);

    // The live database moves on after the backup, then is lost (here: overwritten by the restore).
    await addUser(t, { displayName: 'Inscrite après la sauvegarde' });
    t.db.$client.close();
    fs.rmSync(path.join(media, 'ab', 'abcdef.webm'));

    const check = restoreDatabase(backup.file, t.file, { mediaDir: media });
    expect(check.ok).toBe(true);
    expect(fs.existsSync(`${t.file}.before-restore`)).toBe(true);
    expect(fs.readFileSync(path.join(media, 'ab', 'abcdef.webm'), 'utf8')).toBe('recording');

    const restored = openDatabase(t.file);
    try {
      expect(restored.select().from(users).all().map((u) => u.displayName)).toEqual(['Maire de Kayes']);
      expect(restored.select().from(topics).all()).toHaveLength(1);
      const view = topicPage({ db: restored, actor: null, now: new Date('2027-03-10T10:00:00Z') }, { id: String(topic.id), sp: {} });
      expect(view?.header.title).toBe('Forage du quartier Plateau');
    } finally {
      restored.$client.close();
      fs.rmSync(`${t.file}.before-restore`, { force: true });
    }
  });

  it('refuses a damaged or foreign copy and leaves the live database as it was', async () => {
    await addUser(t);
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(t.file);
    const damaged = path.join(dir, 'damaged.db');
    const good = await backupDatabase(t.db.$client, dir);
    fs.writeFileSync(damaged, fs.readFileSync(good.file).subarray(0, 4096));
    const foreign = path.join(dir, 'notes.db');
    fs.writeFileSync(foreign, 'not a database');

    for (const file of [damaged, foreign, path.join(dir, 'missing.db')]) {
      expect(checkBackup(file).ok).toBe(false);
      expect(() => restoreDatabase(file, t.file)).toThrow(/nothing was changed/);
    }
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha(t.file)).toBe(before);
    expect(fs.existsSync(`${t.file}.restoring`)).toBe(false);
  });

  it('keeps the newest copies only', async () => {
    for (let day = 1; day <= 4; day++) await backupDatabase(t.db.$client, dir, { now: new Date(`2026-12-0${day}T02:00:00Z`), keep: 2 });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.db')).sort()).toEqual([backupName(new Date('2026-12-03T02:00:00Z')), backupName(new Date('2026-12-04T02:00:00Z'))]);
  });

  it('runs from the command line: npm run backup, then npm run restore', async () => {
    await addUser(t, { displayName: 'Fanta Keïta' });
    const env = { ...process.env, DATABASE_PATH: t.file, MEDIA_DIR: path.join(dir, 'media'), BACKUP_KEEP: '3' };
    const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const backup = spawnSync(process.execPath, [tsx, 'scripts/backup.ts', path.join(dir, 'cli')], { env, encoding: 'utf8' });
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/integrity ok, \d+ migrations, 1 accounts/);
    const [file] = fs.readdirSync(path.join(dir, 'cli')).filter((f) => f.endsWith('.db'));

    await addUser(t, { displayName: 'Après la sauvegarde' });
    t.db.$client.close();
    const restore = spawnSync(process.execPath, [tsx, 'scripts/restore.ts', path.join(dir, 'cli', file!)], { env, encoding: 'utf8' });
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/restored/);
    const restored = openDatabase(t.file);
    try {
      expect(restored.select().from(users).all().map((u) => u.displayName)).toEqual(['Fanta Keïta']);
    } finally {
      restored.$client.close();
      fs.rmSync(`${t.file}.before-restore`, { force: true });
    }

    const refused = spawnSync(process.execPath, [tsx, 'scripts/restore.ts', path.join(dir, 'nothing.db')], { env, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/restore refused/);
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { roleGrants, users } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { createAdmin } from '@/lib/accounts/create-admin';
import { auditRows, makeTestDb, type TestDb } from '../helpers/db';

/**
 * Going from the demo to a real deployment, as an operator does it on the server: the first
 * administrator, the demo accounts removed, and `npm start` refusing a public https address while
 * demo accounts exist. The scripts themselves run (tsx), on throw-away databases.
 */
const PASSWORD = 'Kayes-mairie-2027!';

describe('createAdmin (npm run admin:create)', () => {
  let t: TestDb;
  beforeEach(() => {
    t = makeTestDb();
  });
  afterEach(() => t.cleanup());

  it('creates an administrator who signs in with the password they chose, audited', async () => {
    const r = await createAdmin(t.db, { displayName: 'Administration de Kayes', email: 'Admin@Kayes.ml', phone: '', commune: 'kayes', password: PASSWORD });
    expect(r.ok).toBe(true);
    const id = r.ok ? r.value.userId : 0;
    expect(t.db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, id)).all()).toEqual([{ role: 'admin' }]);
    expect(t.db.select({ isDemo: users.isDemo, email: users.email }).from(users).where(eq(users.id, id)).get()).toEqual({ isDemo: false, email: 'admin@kayes.ml' });
    expect(auditRows(t.db, 'admin.create')).toMatchObject([{ actorId: null, subjectType: 'user', subjectId: id }]);
    const signIn = await authenticate(t.db, { identifier: 'admin@kayes.ml', password: PASSWORD }, { ip: '127.0.0.1' });
    expect(signIn.ok).toBe(true);
  });

  it('applies the password policy and refuses what it cannot use, creating nothing', async () => {
    const base = { displayName: 'Administration de Kayes', email: 'admin@kayes.ml', phone: '', commune: 'kayes', password: PASSWORD };
    expect(await createAdmin(t.db, { ...base, password: 'court' })).toMatchObject({ ok: false, fieldErrors: { password: 'passwordTooShort' } });
    expect(await createAdmin(t.db, { ...base, password: 'password' })).toMatchObject({ ok: false, fieldErrors: { password: 'passwordCommon' } });
    expect(await createAdmin(t.db, { ...base, email: '', phone: '' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await createAdmin(t.db, { ...base, commune: 'paris' })).toMatchObject({ ok: false, fieldErrors: { commune: 'communeRequired' } });
    expect(await createAdmin(t.db, { ...base, role: 'admin' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(t.db.select().from(users).all()).toEqual([]);
    expect((await createAdmin(t.db, base)).ok).toBe(true);
    expect(await createAdmin(t.db, { ...base, displayName: 'Quelqu’un d’autre' })).toMatchObject({ ok: false, error: 'conflict', fieldErrors: { email: 'emailTaken' } });
    expect(auditRows(t.db, 'admin.create')).toHaveLength(1);
  });
});

describe('the operator scripts', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-deploy-'));
    file = path.join(dir, 'baro.db');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A script as `npm run` runs it, with this database and no terminal. */
  function run(script: string, args: string[] = [], env: Record<string, string> = {}, input = '') {
    const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
      env: { PATH: process.env.PATH!, NODE_ENV: 'test', DATABASE_PATH: file, AUTH_SECRET: 'x'.repeat(32), ...env },
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }
  const query = <T>(sql: string) => {
    const db = openDatabase(file);
    try {
      return db.$client.prepare(sql).pluck().get() as T;
    } finally {
      db.$client.close();
    }
  };

  it('npm start refuses an https PUBLIC_URL on the demo, saying how to fix it; DEMO=false gives a site with no account', () => {
    const refused = run('scripts/setup.ts', [], { PUBLIC_URL: 'https://baro.kayes.ml' });
    expect(refused.status).toBe(3);
    expect(refused.out).toMatch(/Not serving: PUBLIC_URL is https:\/\/baro\.kayes\.ml/);
    expect(refused.out).toMatch(/npm run admin:create[\s\S]*npm run demo:remove/);

    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    const real = run('scripts/setup.ts', [], { PUBLIC_URL: 'https://baro.kayes.ml', DEMO: 'false' });
    expect(real.status).toBe(0);
    expect(real.out).toMatch(/geography only/);
    expect(real.out).toMatch(/npm run admin:create/);
    expect(query<number>('SELECT count(*) FROM users')).toBe(0);
    expect(query<number>('SELECT count(*) FROM communes')).toBe(9);
  });

  it('admin:create, then demo:remove: the demo site becomes a real one that npm start serves on https', () => {
    expect(run('scripts/setup.ts').status).toBe(0);
    const created = run('scripts/admin-create.ts', ['--name', 'Administration de Kayes', '--email', 'admin@kayes.ml', '--commune', 'kayes'], {}, `${PASSWORD}\n`);
    expect(created.out).toMatch(/administrator #\d+ created/);
    expect(created.status).toBe(0);

    const unconfirmed = run('scripts/demo-remove.ts');
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.out).toMatch(/--yes/);
    expect(query<number>('SELECT count(*) FROM users WHERE is_demo = 1')).toBe(9);

    const removed = run('scripts/demo-remove.ts', ['--yes']);
    expect(removed.status).toBe(0);
    expect(removed.out).toMatch(/removed: 9 users, 4 topics, 3 projects/);
    expect(query<number>('SELECT count(*) FROM users')).toBe(1);
    expect(query<number>("SELECT count(*) FROM audit_log WHERE action = 'demo.remove'")).toBe(1);

    const served = run('scripts/setup.ts', [], { PUBLIC_URL: 'https://baro.kayes.ml' });
    expect(served.status).toBe(0);
    expect(served.out).not.toMatch(/demo/i);
  });

  it('admin:create takes the password from ADMIN_PASSWORD, never from an argument, and refuses a weak one', () => {
    expect(run('scripts/setup.ts', [], { DEMO: 'false' }).status).toBe(0);
    const weak = run('scripts/admin-create.ts', ['--name', 'Administration', '--phone', '76 12 34 56'], { ADMIN_PASSWORD: 'azerty' });
    expect(weak.status).toBe(1);
    expect(weak.out).toMatch(/password: /);
    expect(query<number>('SELECT count(*) FROM users')).toBe(0);
    const ok = run('scripts/admin-create.ts', ['--name', 'Administration', '--phone', '76 12 34 56'], { ADMIN_PASSWORD: PASSWORD });
    expect(ok.status).toBe(0);
    expect(query<string>("SELECT u.phone FROM users u JOIN role_grants g ON g.user_id = u.id WHERE g.role = 'admin'")).toBe('+22376123456');
  });
});

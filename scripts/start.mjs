// npm start: prepare data/ and the auth secret, migrate, seed when empty, build when needed, serve.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { prepareEnv } from './env.mjs';

const root = process.cwd();
const env = { ...prepareEnv(root), NODE_ENV: 'production' };

function run(args, label) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  // 3: scripts/setup.ts refused to serve (an https PUBLIC_URL with demo accounts) and said why.
  if (r.status !== 0) {
    if (r.status !== 3) console.error(`[baro] ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

run(['node_modules/tsx/dist/cli.mjs', 'scripts/setup.ts'], 'database setup');

// Rebuild when there is no build, or when the sources changed since the last one, or what the build
// bakes in: HSTS when PUBLIC_URL is https (next.config.js), and the demo banner of the prerendered
// 404 page while demo accounts exist.
const fingerprintFile = path.join(root, '.next', 'baro-fingerprint');
const fingerprint = `${sourceFingerprint()} https:${/^https:/i.test(env.PUBLIC_URL)} demo:${hasDemoAccounts()}`;
const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID'));
if (!built || readOr(fingerprintFile) !== fingerprint) {
  console.log('[baro] building…');
  run(['node_modules/next/dist/bin/next', 'build'], 'build');
  run(['scripts/build-sw.mjs'], 'service worker build');
  fs.writeFileSync(fingerprintFile, fingerprint);
} else if (!fs.existsSync(path.join(root, '.next', 'baro', 'sw.js'))) {
  // Built by a bare `next build`: the service worker is built after it (issue 17).
  run(['scripts/build-sw.mjs'], 'service worker build');
}

console.log(`[baro] serving on http://localhost:${env.PORT}`);
// scripts/server.mjs rather than `next start`: it gives the app the connection's address (lib/auth/client-ip.ts).
const server = spawn(process.execPath, ['scripts/server.mjs'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

function hasDemoAccounts() {
  const db = new Database(env.DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT 1 FROM users WHERE is_demo = 1 LIMIT 1').get() !== undefined;
  } finally {
    db.close();
  }
}

function readOr(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function sourceFingerprint() {
  const h = crypto.createHash('sha256');
  const dirs = ['app', 'components', 'lib', 'db', 'messages', 'public', 'sw'];
  const files = ['next.config.js', 'package-lock.json', 'proxy.ts', 'instrumentation.ts', 'postcss.config.mjs', 'tsconfig.json', 'scripts/build-sw.mjs'];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  dirs.forEach((d) => walk(path.join(root, d)));
  for (const f of files) {
    const p = path.isAbsolute(f) ? f : path.join(root, f);
    if (fs.existsSync(p)) h.update(p.slice(root.length)).update(fs.readFileSync(p));
  }
  return h.digest('hex');
}

// npm run test:e2e: start the app on a fresh, seeded, throw-away database (building first when the
// sources changed, via scripts/start.mjs), run tests/e2e/*.test.mjs with node's test runner, then stop
// the server's whole process group, whatever happened.
//
// Env: E2E_PORT (default 3210), E2E_START_TIMEOUT_MS (default 6 min: the first run builds),
//      SHARED_IDLE_MINUTES (default 0.5 here: shared-computer sessions expire in 30 s),
//      CHROMIUM_PATH (default /usr/bin/chromium), E2E_KEEP_TMP=1 to keep the temp DB and server log.
// Args: words; only the test files whose names contain one of them run.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = Number(process.env.E2E_PORT || 3210);
const baseUrl = `http://localhost:${port}`;
const startTimeoutMs = Number(process.env.E2E_START_TIMEOUT_MS || 6 * 60 * 1000);
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const testDir = path.join(root, 'tests', 'e2e');

const t0 = Date.now();
const log = (msg) => console.log(`[e2e] ${msg}`);
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-e2e-'));
const serverLogPath = path.join(tmp, 'server.log');
const dbPath = path.join(tmp, 'baro.db');
let server = null;
let serverExited = false;
let cleanedUp = false;

async function main() {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  }
  const files = fs
    .readdirSync(testDir)
    .filter((f) => f.endsWith('.test.mjs'))
    // `npm run test:e2e -- consultation projects` runs only the files whose names contain a word given
    .filter((f) => process.argv.length <= 2 || process.argv.slice(2).some((w) => f.includes(w)))
    .sort()
    .map((f) => path.join('tests', 'e2e', f));
  if (files.length === 0) throw new Error('no tests/e2e/*.test.mjs files');

  if (await portAnswers(port)) {
    throw new Error(`port ${port} is already in use: stop that server or set E2E_PORT`);
  }

  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    // The address the browser uses: absolute links (feeds, share box, slips) must point back to it.
    PUBLIC_URL: baseUrl,
    DATABASE_PATH: dbPath,
    MEDIA_DIR: path.join(tmp, 'media'),
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    // Shared computers end idle sessions after 30 s instead of 10 min, so the idle expiry is tested in
    // seconds (tests/e2e/shared-computer.test.mjs). Only browsers marked as shared are concerned.
    SHARED_IDLE_MINUTES: process.env.SHARED_IDLE_MINUTES || '0.5',
  };
  log(`starting the app on ${baseUrl} (database ${env.DATABASE_PATH}; builds first if the sources changed)`);
  const out = fs.openSync(serverLogPath, 'a');
  // Own process group, so that start.mjs, next start and next-server all stop together.
  server = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, detached: true, stdio: ['ignore', out, out] });
  server.on('exit', () => {
    serverExited = true;
  });

  await waitForServer();
  log(`server ready after ${elapsed()}`);

  const code = await runTests(files);
  return code;
}

async function waitForServer() {
  const deadline = Date.now() + startTimeoutMs;
  let lastNote = Date.now();
  while (Date.now() < deadline) {
    if (serverExited) throw new Error('the server exited before answering (its log follows)');
    try {
      const res = await fetch(`${baseUrl}/`, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() - lastNote > 30_000) {
      log(`still waiting for the server (${elapsed()})…`);
      lastNote = Date.now();
    }
    await sleep(1000);
  }
  throw new Error(`the server did not answer within ${startTimeoutMs / 1000} s`);
}

function runTests(files) {
  return new Promise((resolve) => {
    const args = ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=180000', ...files];
    log(`node ${args.join(' ')}`);
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: {
        ...process.env,
        BARO_E2E_URL: baseUrl,
        CHROMIUM_PATH: chromiumPath,
        NEXT_TELEMETRY_DISABLED: '1',
        // the server's database, recordings folder and log, for the tests that arrange data or read what it said
        BARO_E2E_DB: dbPath,
        BARO_E2E_MEDIA_DIR: path.join(tmp, 'media'),
        BARO_E2E_SERVER_LOG: serverLogPath,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      output += d.toString();
    });
    child.on('exit', (code, signal) => {
      const count = (name) => {
        const m = output.match(new RegExp(`^\\S*\\s*${name} (\\d+)\\s*$`, 'm'));
        return m ? Number(m[1]) : NaN;
      };
      const passed = count('pass');
      const failed = count('fail');
      const cancelled = count('cancelled');
      const ok = code === 0 && failed === 0 && !(cancelled > 0);
      resolve({ code: ok ? 0 : code || 1, passed, failed, cancelled, signal });
    });
  });
}

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (server && server.pid && !serverExited) {
    killGroup('SIGTERM');
    const until = Date.now() + 10_000;
    while (!serverExited && Date.now() < until) await sleep(100);
  }
  // SIGKILL whatever is left in the group (next-server can outlive its parent).
  if (server && server.pid) killGroup('SIGKILL');
  if (!process.env.E2E_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}`);
}

function killGroup(signal) {
  try {
    process.kill(-server.pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') console.error(`[e2e] kill ${signal}: ${e.message}`);
  }
}

function printServerLogTail(lines = 80) {
  try {
    const text = fs.readFileSync(serverLogPath, 'utf8').trimEnd().split('\n');
    console.log(`[e2e] --- last ${Math.min(lines, text.length)} lines of the server log ---`);
    console.log(text.slice(-lines).join('\n'));
    console.log('[e2e] --- end of server log ---');
  } catch {
    // no log
  }
}

function portAnswers(p) {
  return new Promise((resolve) => {
    const s = net.connect({ port: p, host: 'localhost' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    log(`${sig}: stopping the server`);
    await cleanup();
    process.exit(130);
  });
}

let exitCode = 1;
try {
  const r = await main();
  if (r.code !== 0) printServerLogTail();
  console.log(
    `[e2e] ${Number.isNaN(r.passed) ? '?' : r.passed} passed, ${Number.isNaN(r.failed) ? '?' : r.failed} failed` +
      (r.cancelled > 0 ? `, ${r.cancelled} cancelled` : '') +
      ` (wall time ${elapsed()})`,
  );
  exitCode = r.code;
} catch (e) {
  console.error(`[e2e] ${e instanceof Error ? e.message : e}`);
  printServerLogTail();
  console.log(`[e2e] 0 passed, 1 failed (setup failed; wall time ${elapsed()})`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);

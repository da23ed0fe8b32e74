// A quick measure of the anonymous topic page (served from Next's cache) against the bare node:http
// baseline, on a fresh demo database: for checking what a change to proxy.ts, headers or the cache
// does to the page `npm run bench` rates (anonymous ÷ baseline ≥ 0.25), in about a minute instead of five.
// Run it under the build lock, since it may build: flock /tmp/baro-build.lock node scripts/bench/anonymous-page.mjs
// Env: PORT (3270; baseline PORT+1), SECONDS (5), RUNS (3), CONNECTIONS (20).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loopbackUrl, portAnswers, root, sleep, startApp } from '../lib/app-server.mjs';

const PORT = Number(process.env.PORT || 3270);
const SECONDS = Number(process.env.SECONDS || 5);
const RUNS = Number(process.env.RUNS || 3);
const CONNECTIONS = Number(process.env.CONNECTIONS || 20);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-anon-'));
const file = path.join(tmp, 'baro.db');
const app = startApp({ port: PORT, databasePath: file, authSecret: crypto.randomBytes(32).toString('base64url'), logPath: path.join(tmp, 'server.log') });
let baseline = null;

async function cannon(url, seconds) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return { rps: r['2xx'] / seconds, p50: r.latency.p50, bad: r.non2xx + r.errors + r.timeouts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await app.ready(8 * 60_000);
  const out = fs.openSync(path.join(tmp, 'baseline.log'), 'a');
  baseline = spawn(process.execPath, ['scripts/baseline-server.mjs', '--db', file, '--port', String(PORT + 1)], { cwd: root, detached: true, stdio: ['ignore', out, out] });
  for (let i = 0; i < 100 && !(await portAnswers(PORT + 1)); i++) await sleep(100);
  const targets = { baseline: `${loopbackUrl(PORT + 1)}/topics/1`, anonymous: `${loopbackUrl(PORT)}/topics/1` };
  const head = await fetch(targets.anonymous);
  await head.arrayBuffer();
  console.log(`anonymous page: ${head.status}, x-nextjs-cache ${head.headers.get('x-nextjs-cache')}, CSP ${head.headers.get('content-security-policy') ? 'sent' : 'absent'}`);
  for (const url of Object.values(targets)) await cannon(url, 2);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const one = {};
    for (const [name, url] of Object.entries(targets)) one[name] = await cannon(url, SECONDS);
    console.log(`round ${i + 1}: baseline ${Math.round(one.baseline.rps)} req/s; anonymous ${Math.round(one.anonymous.rps)} req/s (p50 ${one.anonymous.p50} ms, ${one.anonymous.bad} not 2xx); ratio ${(one.anonymous.rps / one.baseline.rps).toFixed(3)}`);
    runs.push(one);
  }
  console.log(
    `median: anonymous ${Math.round(median(runs.map((r) => r.anonymous.rps)))} req/s, baseline ${Math.round(median(runs.map((r) => r.baseline.rps)))} req/s, ratio ${median(runs.map((r) => r.anonymous.rps / r.baseline.rps)).toFixed(3)} (${CONNECTIONS} connections, ${SECONDS} s × ${RUNS})`,
  );
} finally {
  if (baseline) {
    try {
      process.kill(-baseline.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await app.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

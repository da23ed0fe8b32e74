// Two builds of Baro side by side on the same page, rounds alternated, so that the load of the machine
// weighs on both alike: req/s (autocannon, 20 connections) and the servers' CPU time per request (from
// /proc, steadier than req/s on a shared machine). For "what did this change cost the cached page?".
//   node scripts/bench/compare-builds.mjs BEFORE_DIR BEFORE_DB AFTER_DIR AFTER_DB [/topics/2]
// Each DIR is a checkout with node_modules and a build (.next); each DB a seeded database (npm start
// makes one). Run it under the build lock. Env: ROUNDS (8), SECONDS per round (5).
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';

const [beforeDir, beforeDb, afterDir, afterDb, page = '/topics/2'] = process.argv.slice(2);
if (!afterDb) {
  console.error('usage: node scripts/bench/compare-builds.mjs BEFORE_DIR BEFORE_DB AFTER_DIR AFTER_DB [/topics/2]');
  process.exit(2);
}
const ROUNDS = Number(process.env.ROUNDS || 8);
const SECONDS = Number(process.env.SECONDS || 5);
const TICK = Number(execSync('getconf CLK_TCK')) || 100;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU milliseconds used so far by every process of a process group. */
function cpuMs(pgid) {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return (ticks / TICK) * 1000;
}

const servers = [
  { name: 'before', dir: beforeDir, db: beforeDb, port: 3281 },
  { name: 'after', dir: afterDir, db: afterDb, port: 3282 },
].map((s) => ({
  ...s,
  url: `http://127.0.0.1:${s.port}${page}`,
  proc: spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(s.port)], {
    cwd: s.dir,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_PATH: s.db, AUTH_SECRET: 'compare-builds-secret-0123456789abcdef', PUBLIC_URL: `http://localhost:${s.port}` },
  }),
  rps: [],
  cpu: [],
}));

try {
  for (const s of servers) {
    for (let i = 0; i < 150; i++) {
      try {
        await (await fetch(s.url)).text();
        break;
      } catch {
        await sleep(200);
      }
    }
    for (let i = 0; i < 3; i++) await (await fetch(s.url)).text();
    const r = await fetch(s.url);
    console.log(`${s.name}: ${r.status}, x-nextjs-cache ${r.headers.get('x-nextjs-cache')}, ${(await r.text()).length} bytes, CSP ${r.headers.get('content-security-policy') ? 'sent' : 'absent'}`);
    await autocannon({ url: s.url, connections: 20, amount: 3000 });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of round % 2 ? [...servers].reverse() : servers) {
      const cpu0 = cpuMs(s.proc.pid);
      const r = await autocannon({ url: s.url, connections: 20, duration: SECONDS });
      await sleep(500); // what was still queued at the deadline is answered (and counted in the CPU time)
      s.rps.push(r['2xx'] / SECONDS);
      s.cpu.push(((cpuMs(s.proc.pid) - cpu0) * 1000) / (r['2xx'] + r.non2xx));
      console.log(`round ${round + 1} ${s.name}: ${Math.round(s.rps.at(-1))} req/s, ${Math.round(s.cpu.at(-1))} µs CPU per request, ${r.non2xx + r.errors} failed`);
    }
  }
  const [b, a] = servers;
  console.log(`median req/s: before ${Math.round(median(b.rps))}, after ${Math.round(median(a.rps))} (× ${(median(a.rps) / median(b.rps)).toFixed(3)})`);
  console.log(`median CPU per request: before ${Math.round(median(b.cpu))} µs, after ${Math.round(median(a.cpu))} µs (× ${(median(a.cpu) / median(b.cpu)).toFixed(3)})`);
} finally {
  for (const s of servers) {
    try {
      process.kill(-s.proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

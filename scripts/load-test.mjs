// npm run test:load: LOAD_CONNECTIONS (200) concurrent clients for LOAD_SECONDS (60) against next start
// on loopback, on a fresh temporary database. 80 % reads (topic pages: anonymous, which the proxy
// serves from Next's cache, and signed-in, rendered per request), 20 % writes (comments and votes
// by LOAD_USERS (40) citizens, through the real no-JS form posts to the server actions).
// Asserts: no response >= 500, no failed request, and every acknowledged write in the database
// (each comment carries a unique marker; a vote is acknowledged by the redirect to ?voted=1).
// Run it as `flock /tmp/baro-build.lock npm run test:load`: it may build, and it serves from .next.
// Env: LOAD_SECONDS, LOAD_CONNECTIONS, LOAD_USERS, LOAD_PORT (3231), LOAD_KEEP_TMP=1.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from './lib/form-client.mjs';
import { loopbackUrl, portAnswers, root, startApp } from './lib/app-server.mjs';

const seconds = Number(process.env.LOAD_SECONDS || 60);
const connections = Number(process.env.LOAD_CONNECTIONS || 200);
const userCount = Number(process.env.LOAD_USERS || 40);
const port = Number(process.env.LOAD_PORT || 3231);
const base = loopbackUrl(port);
const DEMO_PASSWORD = 'Baro-demo-2026';

const t0 = Date.now();
const log = (m) => console.log(`[load] ${m} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-load-'));
const databasePath = path.join(tmp, 'baro.db');
const logPath = path.join(tmp, 'server.log');

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${what}`);
}

const stats = { anonymousRead: [], signedInRead: [], comment: [], vote: [] };
const statuses = new Map();
const errors = new Map();
const ackedComments = [];
const ackedVotes = [];
let app = null;
let summary = null;

async function main() {
  if (await portAnswers(port)) throw new Error(`port ${port} is in use: set LOAD_PORT`);
  app = startApp({ port, databasePath, authSecret: crypto.randomBytes(32).toString('base64url'), logPath });
  await app.ready(6 * 60_000);
  log(`app ready on ${base}`);

  const { topics, phones } = prepareDatabase();
  const users = [];
  for (const phone of phones) {
    const c = new Client(base);
    await c.signIn(phone, DEMO_PASSWORD);
    users.push({ phone, client: c, pages: new Map() });
  }
  log(`${users.length} citizens signed in; open topics ${topics.map((t) => t.id).join(', ')}; ${connections} connections for ${seconds} s`);

  const anonymous = new Client(base);
  const deadline = Date.now() + seconds * 1000;
  let seq = 0;
  const loop = async (i) => {
    while (Date.now() < deadline) {
      const topic = topics[Math.floor(Math.random() * topics.length)];
      const user = users[(i + seq++) % users.length];
      const r = Math.random();
      if (r < 0.5) await timed('anonymousRead', () => anonymous.get(`${Math.random() < 0.8 ? '' : '/en'}/topics/${topic.id}`, { timeoutMs: 120_000 }));
      else if (r < 0.8) await timed('signedInRead', () => user.client.get(`/topics/${topic.id}`, { timeoutMs: 120_000 }));
      else await write(user, topic, r < 0.9 ? 'comment' : 'vote');
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  const wall = (Date.now() - t0) / 1000;
  log('load done');
  await app.stop();
  app = null;

  const db = new Database(databasePath, { readonly: true });
  const hasComment = db.prepare('SELECT 1 FROM comments WHERE topic_id = ? AND instr(body, ?) > 0');
  const lostComments = ackedComments.filter((c) => !hasComment.get(c.topicId, c.marker)).length;
  const hasVote = db.prepare('SELECT 1 FROM votes v JOIN users u ON u.id = v.user_id WHERE v.topic_id = ? AND u.phone = ?');
  const lostVotes = ackedVotes.filter((v) => !hasVote.get(v.topicId, normalize(v.phone))).length;
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();

  const all = Object.values(stats).flat();
  const server5xx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  summary = {
    date: new Date().toISOString(),
    command: `LOAD_SECONDS=${seconds} LOAD_CONNECTIONS=${connections} LOAD_USERS=${userCount} npm run test:load`,
    seconds,
    connections,
    users: userCount,
    requests: all.length,
    requestsPerSecond: Math.round(all.length / seconds),
    byKind: Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, { n: v.length, p50: pct(v, 50), p99: pct(v, 99) }])),
    statuses: Object.fromEntries(statuses),
    errors: Object.fromEntries(errors),
    acknowledged: { comments: ackedComments.length, votes: ackedVotes.length },
    lost: { comments: lostComments, votes: lostVotes },
    integrity,
  };
  console.log(JSON.stringify(summary, null, 2));
  const out = path.join(root, 'bench', 'tmp');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'load-last.json'), JSON.stringify(summary, null, 2) + '\n');
  log(`wall ${wall.toFixed(1)} s; summary in bench/tmp/load-last.json`);

  check(all.length > 0 && ackedComments.length > 0 && ackedVotes.length > 0, `the load ran (${all.length} requests, ${ackedComments.length} comments and ${ackedVotes.length} votes acknowledged)`);
  check(server5xx === 0, `no response >= 500 (${server5xx})`);
  check(errorCount === 0, `no failed request: timeout, reset, refused (${errorCount})`);
  check(lostComments === 0, `every acknowledged comment is in the database (${lostComments} lost)`);
  check(lostVotes === 0, `every acknowledged vote is in the database (${lostVotes} lost)`);
  check(integrity === 'ok', `PRAGMA integrity_check = ${integrity}`);
}

const normalize = (phone) => `+223${phone}`;

/** Topics open for votes and comments, and LOAD_USERS citizens with the demo password (copied hash). */
function prepareDatabase() {
  const db = new Database(databasePath);
  db.pragma('busy_timeout = 5000');
  const topics = db
    .prepare("SELECT id, poll_options FROM topics WHERE phase = 'open' AND visibility = 'visible' AND closes_at > ? ORDER BY id")
    .all(new Date().toISOString())
    .map((r) => ({ id: r.id, choices: r.poll_options ? JSON.parse(r.poll_options).map((_, i) => `option:${i}`) : ['for', 'against', 'abstain'] }));
  if (topics.length === 0) throw new Error('no open topic in the seeded database');
  const insert = db.prepare(
    "INSERT INTO users (display_name, phone, password_hash, commune_id, language, verified_at, verified_via) SELECT ?, ?, password_hash, commune_id, 'fr', verified_at, 'seed' FROM users WHERE phone = '+22376000001'",
  );
  const phones = [];
  db.transaction(() => {
    for (let i = 0; i < userCount; i++) {
      const phone = `7650${String(i).padStart(4, '0')}`;
      insert.run(`Citoyenne ${i}`, normalize(phone));
      phones.push(phone);
    }
  })();
  db.close();
  return { topics, phones };
}

async function timed(kind, fn) {
  const start = performance.now();
  try {
    const r = await fn();
    stats[kind].push(performance.now() - start);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    return r;
  } catch (e) {
    const name = e?.cause?.code || e?.name || 'error';
    errors.set(name, (errors.get(name) ?? 0) + 1);
    return null;
  }
}

async function write(user, topic, kind) {
  const pagePath = `/topics/${topic.id}`;
  let html = user.pages.get(pagePath);
  if (!html) {
    const page = await timed('signedInRead', () => user.client.get(pagePath, { timeoutMs: 120_000 }));
    if (!page || page.status !== 200) return;
    html = page.html;
    user.pages.set(pagePath, html);
  }
  if (kind === 'comment') {
    const marker = `load-${crypto.randomUUID()}`;
    const r = await timed('comment', () => user.client.submit(pagePath, 'comment-form', { stance: 'for', body: `Charge ${marker}` }, { html, timeoutMs: 120_000 }));
    if (r?.status === 303 && /[?&](posted|held)=1/.test(r.location ?? '')) ackedComments.push({ marker, topicId: topic.id });
  } else {
    const choice = topic.choices[Math.floor(Math.random() * topic.choices.length)];
    const r = await timed('vote', () => user.client.submit(pagePath, 'vote-form', { choice }, { html, timeoutMs: 120_000 }));
    if (r?.status === 303 && /[?&]voted=1/.test(r.location ?? '')) ackedVotes.push({ topicId: topic.id, phone: user.phone });
  }
}

function pct(values, p) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
}

let code = 1;
try {
  await main();
  code = failed === 0 ? 0 : 1;
} catch (e) {
  console.error(`[load] ${e instanceof Error ? e.message : e}`);
  try {
    console.error(fs.readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n'));
  } catch {
    // no log
  }
  failed++;
} finally {
  if (app) await app.stop();
  if (process.env.LOAD_KEEP_TMP) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`[load] ${passed} passed, ${failed} failed (wall time ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(code);

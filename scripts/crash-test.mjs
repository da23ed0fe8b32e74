// npm run test:crash: does Baro lose an acknowledged write when its process dies?
// Starts the built app on a fresh temporary database (loopback, port CRASH_PORT, default 3230),
// then CRASH_CYCLES times (default 20): signed-in demo citizens post comments and votes through the
// real no-JS form posts (server actions under next start), the whole server process group gets
// SIGKILL at a random moment, and the app is started again on the same database.
// Afterwards: every acknowledged comment (a unique marker in its body, acknowledged by the redirect to
// ?posted=1 or ?held=1) and every acknowledged vote (redirect to ?voted=1) is in the database,
// PRAGMA integrity_check is "ok", and no (topic_id, user_id) has two votes.
// Run it as `flock /tmp/baro-build.lock npm run test:crash`: it may build, and it serves from .next.
// Env: CRASH_CYCLES (20), CRASH_PORT (3230), CRASH_KEEP_TMP=1 keeps the database and the server log.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from './lib/form-client.mjs';
import { loopbackUrl, portAnswers, sleep, startApp } from './lib/app-server.mjs';

const cycles = Number(process.env.CRASH_CYCLES || 20);
const port = Number(process.env.CRASH_PORT || 3230);
const base = loopbackUrl(port);
const DEMO_PASSWORD = 'Baro-demo-2026';
const WRITERS = ['76000001', '76000002', '76000003', 'moderation@baro.ml', 'admin@baro.ml'];

const t0 = Date.now();
const log = (m) => console.log(`[crash] ${m} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-crash-'));
const databasePath = path.join(tmp, 'baro.db');
const logPath = path.join(tmp, 'server.log');
const authSecret = crypto.randomBytes(32).toString('base64url');
const start = () => startApp({ port, databasePath, authSecret, logPath });

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${what}`);
}

const ackedComments = []; // { marker, topicId, user }
const ackedVotes = []; // { topicId, user, choice }
let app = null;

async function main() {
  if (await portAnswers(port)) throw new Error(`port ${port} is in use: set CRASH_PORT`);
  app = start();
  await app.ready(6 * 60_000);
  log(`app ready on ${base}, database ${databasePath}`);

  const topics = openTopics();
  if (topics.length === 0) throw new Error('no open topic in the seeded database');
  const writers = [];
  for (const id of WRITERS) {
    const c = new Client(base);
    await c.signIn(id, DEMO_PASSWORD);
    writers.push({ id, client: c, pages: new Map() });
  }
  log(`${writers.length} writers signed in; open topics ${topics.map((t) => t.id).join(', ')}`);

  for (let cycle = 1; cycle <= cycles; cycle++) {
    let stop = false;
    const killAfter = 500 + Math.floor(Math.random() * 3000);
    const loops = writers.map((w) => writeLoop(w, topics, cycle, () => stop));
    await sleep(killAfter);
    app.kill('SIGKILL');
    stop = true;
    await Promise.allSettled(loops);
    // next-server dies with the group; wait until the port is free before starting again.
    const until = Date.now() + 10_000;
    while ((await portAnswers(port)) && Date.now() < until) await sleep(50);
    app = start();
    await app.ready(60_000);
    log(`cycle ${cycle}/${cycles}: killed after ${killAfter} ms, restarted; acknowledged so far ${ackedComments.length} comments, ${ackedVotes.length} votes`);
  }
  await app.stop();
  app = null;

  const db = new Database(databasePath, { readonly: true });
  check(db.pragma('integrity_check', { simple: true }) === 'ok', 'PRAGMA integrity_check = ok');
  check(ackedComments.length > 0 && ackedVotes.length > 0, `the load wrote something (${ackedComments.length} comments and ${ackedVotes.length} votes acknowledged)`);
  const hasComment = db.prepare('SELECT 1 FROM comments WHERE topic_id = ? AND instr(body, ?) > 0');
  const lostComments = ackedComments.filter((c) => !hasComment.get(c.topicId, c.marker));
  check(lostComments.length === 0, `every acknowledged comment is in the database (${lostComments.length} lost${lostComments.length ? `: ${lostComments.slice(0, 5).map((c) => c.marker).join(', ')}` : ''})`);
  const hasVote = db.prepare('SELECT 1 FROM votes v JOIN users u ON u.id = v.user_id WHERE v.topic_id = ? AND (u.phone = ? OR u.email = ?)');
  const lostVotes = ackedVotes.filter((v) => !hasVote.get(v.topicId, `+223${v.user}`, v.user));
  check(lostVotes.length === 0, `every acknowledged vote is in the database (${lostVotes.length} lost)`);
  const dup = db.prepare('SELECT topic_id, user_id, count(*) n FROM votes GROUP BY topic_id, user_id HAVING n > 1').all();
  check(dup.length === 0, `no duplicate vote per (topic, user) (${dup.length} found)`);
  // Votes of verified accounts only are counted (migration verified_counts).
  const counters = db
    .prepare('SELECT t.id, t.vote_count, (SELECT count(*) FROM votes v JOIN users u ON u.id = v.user_id WHERE v.topic_id = t.id AND u.verified_at IS NOT NULL) n FROM topics t WHERE t.vote_count != n')
    .all();
  check(counters.length === 0, `each topic's vote counter equals its counted votes (${counters.length} differ)`);
  db.close();
}

function openTopics() {
  const db = new Database(databasePath, { readonly: true });
  const rows = db
    .prepare("SELECT id, poll_options FROM topics WHERE phase = 'open' AND visibility = 'visible' AND closes_at > ? ORDER BY id")
    .all(new Date().toISOString());
  db.close();
  return rows.map((r) => ({ id: r.id, choices: r.poll_options ? JSON.parse(r.poll_options).map((_, i) => `option:${i}`) : ['for', 'against', 'abstain'] }));
}

async function writeLoop(w, topics, cycle, stopped) {
  let n = 0;
  while (!stopped()) {
    const topic = topics[Math.floor(Math.random() * topics.length)];
    const pagePath = `/topics/${topic.id}`;
    try {
      let html = w.pages.get(pagePath);
      if (!html) {
        html = (await w.client.get(pagePath, { timeoutMs: 10_000 })).html;
        w.pages.set(pagePath, html);
      }
      if (Math.random() < 0.7) {
        const marker = `crash-${cycle}-${w.id.replace(/\W/g, '')}-${n++}-${crypto.randomBytes(4).toString('hex')}`;
        const body = `Essai de coupure ${cycle}, message ${n} : ${marker}`;
        const r = await w.client.submit(pagePath, 'comment-form', { stance: 'question', body }, { html, timeoutMs: 10_000 });
        if (r.status === 303 && /[?&](posted|held)=1/.test(r.location ?? '')) ackedComments.push({ marker, topicId: topic.id, user: w.id });
      } else {
        const choice = topic.choices[Math.floor(Math.random() * topic.choices.length)];
        const r = await w.client.submit(pagePath, 'vote-form', { choice }, { html, timeoutMs: 10_000 });
        if (r.status === 303 && /[?&]voted=1/.test(r.location ?? '')) ackedVotes.push({ topicId: topic.id, user: w.id, choice });
      }
    } catch {
      // the server died under us: nothing acknowledged
      if (!stopped()) await sleep(50);
    }
  }
}

let code = 1;
try {
  await main();
  code = failed === 0 ? 0 : 1;
} catch (e) {
  console.error(`[crash] ${e instanceof Error ? e.message : e}`);
  try {
    console.error(fs.readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n'));
  } catch {
    // no log
  }
  failed++;
} finally {
  if (app) await app.stop();
  if (process.env.CRASH_KEEP_TMP) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`[crash] ${passed} passed, ${failed} failed (${cycles} cycles, ${ackedComments.length} comments and ${ackedVotes.length} votes acknowledged, wall time ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(code);

/**
 * Part of `npm run bench`: comments and votes written in-process through the use cases (createComment,
 * castVote: validation, permission, screening, transaction with counters and audit row) against raw
 * better-sqlite3 INSERTs of the same rows, on the same database with the app's pragmas (WAL, synchronous as
 * SQLITE_SYNCHRONOUS, FULL by default), one transaction per write in both cases. Both sides
 * take turns in blocks of 100. Prints one JSON object on stdout.
 *   tsx scripts/bench/use-case-writes.ts --db FILE [--writes 2000] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { loadActor } from '../../lib/accounts/load-actor';
import { createComment } from '../../lib/comments/create-comment';
import { castVote } from '../../lib/votes/cast-vote';

const { values } = parseArgs({ options: { db: { type: 'string' }, writes: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } } });
if (!values.db) throw new Error('--db FILE is required');
const writes = Number(values.writes);
const runs = Number(values.runs);

const db = openDatabase(values.db);
const sqlite = db.$client;
const nowIso = new Date().toISOString();
const topics = (sqlite.prepare("SELECT id, poll_options FROM topics WHERE phase = 'open' AND visibility = 'visible' AND opens_at <= ? AND closes_at > ? ORDER BY id").all(nowIso, nowIso) as { id: number; poll_options: string | null }[]).map(
  (t) => ({ id: t.id, choice: t.poll_options ? 'option:0' : 'for' }),
);
const citizens = (sqlite.prepare("SELECT id, session_version FROM users WHERE phone LIKE '+2237000%' ORDER BY id").all() as { id: number; session_version: number }[]);
if (topics.length < 10 || citizens.length < 1000) throw new Error(`not enough open topics (${topics.length}) or citizens (${citizens.length}) in ${values.db}`);

// Fresh (topic, citizen) pairs for every vote, so each one inserts a row; citizens taken in turn, so nobody
// posts more than a few comments in two minutes (the screening would hold a burst: that is not what we measure).
let cursor = 0;
const votedPairs = new Set((sqlite.prepare('SELECT topic_id, user_id FROM votes').all() as { topic_id: number; user_id: number }[]).map((v) => `${v.topic_id}:${v.user_id}`));
function nextPair() {
  for (;;) {
    const c = citizens[cursor % citizens.length]!;
    const t = topics[Math.floor(cursor / citizens.length + cursor * 7) % topics.length]!;
    cursor++;
    const key = `${t.id}:${c.id}`;
    if (!votedPairs.has(key)) {
      votedPairs.add(key);
      return { topic: t, citizen: c };
    }
  }
}
const actors = new Map<number, NonNullable<ReturnType<typeof loadActor>>>();
const actorOf = (c: { id: number; session_version: number }) => {
  let a = actors.get(c.id);
  if (!a) actors.set(c.id, (a = loadActor(db, { userId: c.id, sessionVersion: c.session_version })!));
  return a;
};

let seq = 0;
const body = () => `Banc d'essai ${process.pid}-${seq++} : le forage doit être géré par un comité de femmes.`;

function viaUseCases(n: number): { seconds: number; failed: number } {
  const jobs = Array.from({ length: n }, (_, i) => ({ i, ...nextPair() }));
  for (const j of jobs) actorOf(j.citizen);
  let failed = 0;
  const t0 = performance.now();
  for (const j of jobs) {
    const actor = actorOf(j.citizen);
    const r =
      j.i % 2 === 0
        ? createComment(db, actor, { topicId: String(j.topic.id), stance: 'for', body: body() })
        : castVote(db, actor, { topicId: String(j.topic.id), choice: j.topic.choice });
    if (!r.ok) failed++;
  }
  return { seconds: (performance.now() - t0) / 1000, failed };
}

const insertComment = sqlite.prepare("INSERT INTO comments (topic_id, author_id, stance, body, visibility, created_at) VALUES (?, ?, 'for', ?, 'visible', ?)");
const insertVote = sqlite.prepare('INSERT INTO votes (topic_id, user_id, choice) VALUES (?, ?, ?)');
function raw(n: number): { seconds: number; failed: number } {
  const jobs = Array.from({ length: n }, (_, i) => ({ i, ...nextPair() }));
  const t0 = performance.now();
  for (const j of jobs) {
    if (j.i % 2 === 0) insertComment.run(j.topic.id, j.citizen.id, body(), new Date().toISOString());
    else insertVote.run(j.topic.id, j.citizen.id, j.topic.choice);
  }
  return { seconds: (performance.now() - t0) / 1000, failed: 0 };
}

// Warm-up: prepared statements, the JIT, the page cache.
viaUseCases(200);
raw(200);
// Each round alternates blocks of 100 writes of each side, so a busy neighbour on the machine slows both alike.
const BLOCK = 100;
const rounds: { useCase: number; raw: number; failed: number }[] = [];
for (let r = 0; r < runs; r++) {
  let useCaseSeconds = 0;
  let rawSeconds = 0;
  let failed = 0;
  for (let done = 0; done < writes; done += BLOCK) {
    const n = Math.min(BLOCK, writes - done);
    const u = viaUseCases(n);
    rawSeconds += raw(n).seconds;
    useCaseSeconds += u.seconds;
    failed += u.failed;
  }
  rounds.push({ useCase: writes / useCaseSeconds, raw: writes / rawSeconds, failed });
}
sqlite.close();
console.log(JSON.stringify({ writes, runs, synchronous: (process.env.SQLITE_SYNCHRONOUS || 'FULL').toUpperCase(), rounds }));

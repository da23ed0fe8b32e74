// Screening speed: `npx tsx scripts/bench/screening.ts`. Screening runs on every comment, topic, project and
// name, so it must stay far below a millisecond. Screens a 2,000-character comment made of realistic lines of
// the corpus (fine ones: the matcher reads the whole text) N times, after a warm-up, and prints the median and
// 95th percentile of: the matcher alone (shipped lists + a moderator's term), and the whole screen() call
// (which also reads the moderators' terms and the author's recent posts in SQLite).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../../db/client';
import { moderationTerms } from '../../db/schema';
import { screen } from '../../lib/moderation/screen';
import { currentTerms, findTerm } from '../../lib/moderation/terms';

const N = Number(process.env.N || 2000);
const corpus = fs
  .readFileSync(path.join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'screening-corpus.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('fine\t'))
  .map((l) => l.slice(5));
let comment = '';
for (let i = 0; comment.length < 2000; i++) comment += `${corpus[(i * 7) % corpus.length]}. `;
comment = comment.slice(0, 2000);

const file = path.join(os.tmpdir(), `baro-bench-screening-${process.pid}.db`);
const db = openDatabase(file);
migrateDatabase(db);
db.insert(moderationTerms).values({ term: 'bandits de grand chemin', language: 'fr' }).run();

function measure(name: string, fn: () => unknown) {
  for (let i = 0; i < 200; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
  console.log(`${name}: median ${at(0.5)} ms, p95 ${at(0.95)} ms (${N} runs, ${comment.length} characters)`);
}

try {
  const terms = currentTerms(db);
  if (findTerm(comment, terms)) throw new Error('the benchmark comment should be fine');
  measure('matcher (findTerm)', () => findTerm(comment, terms));
  measure('screen()', () => screen(db, { kind: 'comment', authorId: 1, text: comment, trusted: false }));
} finally {
  db.$client.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

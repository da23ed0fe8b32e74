/**
 * npm run seed:large -- --users 10000 --topics 1000 --comments 100000 [--projects N] [--db data/large.db]
 *   [--seed 42] [--big-topic-comments N] [--small-topic-comments 100] [--now 2026-12-01]
 *
 * A large, deterministic data set in its own database file (never the demo database): same arguments,
 * same rows (password hashes aside: argon2 salts them). Progress on stderr, a JSON summary on stdout,
 * and the same summary beside the database (<db>.seed.json) for `npm run bench`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { seedLarge } from './large/seed';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '10000' },
    topics: { type: 'string', default: '1000' },
    comments: { type: 'string', default: '100000' },
    projects: { type: 'string' },
    db: { type: 'string', default: path.join('data', 'large.db') },
    seed: { type: 'string', default: '42' },
    'big-topic-comments': { type: 'string', default: '0' },
    'small-topic-comments': { type: 'string', default: '100' },
    now: { type: 'string' },
  },
  strict: true,
});

function count(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replace(/[_\s]/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got "${v}")`);
  return n;
}

const file = path.resolve(values.db!);
// The demo database (and whatever DATABASE_PATH points at) is never overwritten.
const protectedFiles = [path.resolve('data', 'baro.db'), ...(process.env.DATABASE_PATH ? [path.resolve(process.env.DATABASE_PATH)] : [])];
if (protectedFiles.includes(file)) {
  console.error(`[seed:large] refusing to write into ${file}: that is the app's database. Choose another --db.`);
  process.exit(2);
}
const now = values.now ? new Date(values.now) : undefined;
if (now && Number.isNaN(now.getTime())) {
  console.error(`[seed:large] --now must be a date such as 2026-12-01 (got "${values.now}")`);
  process.exit(2);
}

// In a terminal, cli-progress redraws during the (synchronous) inserts. Outside one (CI, bench logs) its redraws
// wait for timers that a synchronous bulk insert never lets run: print a plain line every 5 s instead.
const tty = !!process.stderr.isTTY;
const bar = new cliProgress.SingleBar(
  { format: '[seed:large] {bar} {percentage}% | {phase} | {value}/{total} rows | {duration}s', hideCursor: true, etaBuffer: 50 },
  cliProgress.Presets.shades_classic,
);
let started = false;
let lastLine = 0;
const t0 = Date.now();
function plainProgress(phase: string, done: number, total: number) {
  if (Date.now() - lastLine < 5000 && done < total) return;
  lastLine = Date.now();
  console.error(`[seed:large] ${Math.floor((100 * done) / total)}% | ${phase} | ${done}/${total} rows | ${Math.round((Date.now() - t0) / 1000)}s`);
}

seedLarge({
  file,
  users: count('users', values.users)!,
  topics: count('topics', values.topics)!,
  comments: count('comments', values.comments)!,
  projects: count('projects', values.projects),
  seed: count('seed', values.seed),
  bigTopicComments: count('big-topic-comments', values['big-topic-comments']),
  smallTopicComments: count('small-topic-comments', values['small-topic-comments']),
  now,
  onProgress(phase, done, total) {
    if (!tty) return plainProgress(phase, done, total);
    if (!started) {
      bar.start(total, 0, { phase });
      started = true;
    }
    bar.update(done, { phase });
  },
})
  .then((summary) => {
    if (started) {
      bar.update(bar.getTotal(), { phase: 'done' });
      bar.stop();
    }
    console.error(`[seed:large] ${file} in ${summary.seconds} s`);
    console.log(JSON.stringify(summary, null, 2));
  })
  .catch((e) => {
    if (started) bar.stop();
    console.error(`[seed:large] ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });

// Several server processes on one listening socket (node:cluster), sharing the SQLite database (WAL: readers
// run in parallel, writers take turns under the busy timeout) and the page store (scripts/server/page-store.cjs).
// One Node process runs JavaScript on one core; a render or a form post keeps its core busy for milliseconds,
// so a second process serves the next request meanwhile.
//   WEB_CONCURRENCY=n: n processes (1: this process serves, no cluster). Unset: see defaultProcesses.
import cluster from 'node:cluster';
import os from 'node:os';

/**
 * How many processes to run. Measured on 2 cores (bench/results.md, "Several processes"): 2 processes serve
 * about 1.6–1.8 × the signed-in pages and form posts of one; more processes than cores only add memory.
 */
export function defaultProcesses(cores = os.availableParallelism?.() ?? os.cpus().length) {
  return Math.max(1, Math.min(cores, 4));
}

/** @param {Record<string, string | undefined>} [env] */
export function processCount(env = process.env) {
  const n = Number(env.WEB_CONCURRENCY);
  if (env.WEB_CONCURRENCY === undefined || env.WEB_CONCURRENCY === '') return defaultProcesses();
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${env.WEB_CONCURRENCY}"`);
  return n;
}

/**
 * In the primary process with n > 1: starts n workers, starts again one that dies (not more than 5 times a
 * minute), stops them all on SIGINT/SIGTERM, and returns false (this process serves nothing). Otherwise
 * (a worker, or n = 1) returns true: the caller serves.
 */
export function startProcesses(n, log = (m) => console.log(m)) {
  if (n <= 1 || !cluster.isPrimary) return true;
  let stopping = false;
  const deaths = [];
  for (let i = 0; i < n; i++) cluster.fork();
  log(`[baro] ${n} server processes (WEB_CONCURRENCY)`);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && now - deaths[0] > 60_000) deaths.shift();
    if (deaths.length > 5) {
      log(`[baro] server processes keep dying (last: code ${code}, signal ${signal}): stopping`);
      stopAll(1);
      return;
    }
    log(`[baro] a server process ended (code ${code}, signal ${signal}): starting another`);
    cluster.fork();
  });
  function stopAll(code) {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(code), 2000).unref();
    let left = Object.keys(cluster.workers ?? {}).length;
    if (!left) process.exit(code);
    cluster.on('exit', () => {
      if (--left <= 0) process.exit(code);
    });
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stopAll(0));
  return false;
}

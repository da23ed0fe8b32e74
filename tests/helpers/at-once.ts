import { Worker } from 'node:worker_threads';

/**
 * Runs one call of a real use case per entry, each in its own worker thread with its own connection
 * to the database file, all released at the same instant (a shared gate opened once every worker is
 * loaded). better-sqlite3 is synchronous, so this is how tests get true concurrency.
 *
 * `module` is the use case's file from the project root (e.g. "lib/votes/cast-vote.ts"), `fn` its export;
 * it is called as fn(db, actor, input, new Date(now)), and may return a promise (it is awaited).
 */
export async function atOnce(
  file: string,
  module: string,
  fn: string,
  calls: { actor: unknown; input: unknown }[],
  now: Date,
): Promise<unknown[]> {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
const useCase = require(workerData.root + '/' + workerData.module)[workerData.fn];
const { openDatabase } = require(workerData.root + '/db/client.ts');
const db = openDatabase(workerData.file);
const gate = new Int32Array(workerData.gate);
parentPort.postMessage({ ready: true });
Atomics.wait(gate, 0, 0);
Promise.resolve()
  .then(() => useCase(db, workerData.actor, workerData.input, new Date(workerData.now)))
  .then((result) => parentPort.postMessage({ result }), (e) => parentPort.postMessage({ error: String((e && e.stack) || e) }))
  .finally(() => db.$client.close());
`;
  const gate = new SharedArrayBuffer(4);
  let ready = 0;
  const workers: Worker[] = [];
  const runs = calls.map(
    ({ actor, input }) =>
      new Promise<unknown>((resolve, reject) => {
        const w = new Worker(source, {
          eval: true,
          workerData: { root: process.cwd(), module, fn, file, gate, actor, input, now: now.toISOString() },
        });
        workers.push(w);
        w.on('message', (m: { ready?: true; result?: unknown; error?: string }) => {
          if (m.ready) {
            // Everyone is loaded and connected: open the gate for all at once.
            if (++ready === calls.length) {
              Atomics.store(new Int32Array(gate), 0, 1);
              Atomics.notify(new Int32Array(gate), 0);
            }
          } else if (m.error) reject(new Error(m.error));
          else resolve(m.result);
        });
        w.on('error', reject);
      }),
  );
  return Promise.all(runs).finally(() => Promise.all(workers.map((w) => w.terminate())));
}

import { getDb, type Db } from '@/db/client';
import { env } from '@/lib/env';
import { drain, type DrainReport } from './drain';
import { describeTransports, transportsFromEnv } from './transports';
import type { Transports } from './types';
import { onMessageQueued } from './wake';

export type MessageWorker = {
  /** runs a drain now (or once more right after the one in progress) */
  tick(): Promise<void>;
  stop(): void;
};

export type WorkerOptions = {
  db?: () => Db;
  transports?: Transports;
  /** a round every intervalMs, and at once when a message is queued in this process */
  intervalMs?: number;
  log?: (line: string) => void;
  onDrain?: (report: DrainReport) => void;
};

const KEY = Symbol.for('baro.messaging.worker');
const g = globalThis as unknown as Record<symbol, MessageWorker | undefined>;

/**
 * Starts the process's message sender (instrumentation.ts calls it when `next start` boots). Idempotent:
 * a second call returns the worker already running. Several processes on one database are safe: each
 * message is claimed by exactly one of them (lib/messaging/queue.ts). Throws when the messaging settings
 * are wrong, so the server does not start with a gateway it cannot use.
 */
export function startMessageWorker(options: WorkerOptions = {}): MessageWorker {
  const running = g[KEY];
  if (running) return running;
  const log = options.log ?? ((line: string) => console.log(line));
  const e = env();
  const transports = options.transports ?? transportsFromEnv(e);
  const database = options.db ?? getDb;

  let current: Promise<void> | null = null;
  let again = false;
  let lastProblem = { text: '', at: 0 };

  async function round() {
    do {
      again = false;
      try {
        const report = await drain(database(), { transports, log });
        options.onDrain?.(report);
      } catch (err) {
        // e.g. a database not migrated yet: said once every ten minutes, not every round.
        const text = err instanceof Error ? err.message : String(err);
        if (text !== lastProblem.text || Date.now() - lastProblem.at > 10 * 60_000) {
          log(`[baro] message worker: ${text}`);
          lastProblem = { text, at: Date.now() };
        }
      }
    } while (again);
  }

  function tick(): Promise<void> {
    if (current) {
      again = true;
      return current;
    }
    current = round().finally(() => {
      current = null;
    });
    return current;
  }

  // unref: the worker never keeps a process alive by itself (scripts, tests).
  const timer = setInterval(() => void tick(), options.intervalMs ?? 5000);
  timer.unref();
  const unsubscribe = onMessageQueued(() => void tick());
  const worker: MessageWorker = {
    tick,
    stop() {
      clearInterval(timer);
      unsubscribe();
      if (g[KEY] === worker) g[KEY] = undefined;
    },
  };
  g[KEY] = worker;
  log(`[baro] message worker started: ${describeTransports(e)}`);
  // Whatever waited while the server was down goes first.
  void tick();
  return worker;
}

import { getDb, type Db } from '@/db/client';
import { sweepIdempotencyKeys } from '@/lib/idempotency/once';
import { sweepProjects } from '@/lib/projects/sweep';
import { closeExpiredTopics } from '@/lib/topics/close-expired';

/**
 * Periodic jobs of the server process (instrumentation.ts starts them): the system's part of what has a
 * date. Pages never write; what falls due is written here, within a minute, and first thing by any use
 * case that writes on the thing concerned (e.g. a vote on a topic past its close date closes it first).
 *
 * Every job is idempotent and safe with several server processes on one database: it changes only what is
 * still due, inside one immediate transaction, so two processes running it at once do the work once.
 */
export type Job = {
  name: string;
  /** does what is due at `now`; returns how many things it changed */
  run: (db: Db, now: Date) => number;
};

export const JOBS: readonly Job[] = [
  { name: 'topics.close-expired', run: closeExpiredTopics },
  { name: 'projects.sweep', run: sweepProjects },
  { name: 'idempotency.sweep', run: sweepIdempotencyKeys },
];

export type JobReport = { name: string; changed: number } | { name: string; error: string };

/** One round: every job once, each on its own (one failing does not stop the others). */
export function runJobs(db: Db, now = new Date(), jobs: readonly Job[] = JOBS): JobReport[] {
  return jobs.map((job) => {
    try {
      return { name: job.name, changed: job.run(db, now) };
    } catch (e) {
      return { name: job.name, error: e instanceof Error ? e.message : String(e) };
    }
  });
}

export type Scheduler = {
  /** runs a round now */
  tick(): JobReport[];
  stop(): void;
};

export type SchedulerOptions = {
  db?: () => Db;
  jobs?: readonly Job[];
  /** a round every intervalMs (default: a minute) */
  intervalMs?: number;
  log?: (line: string) => void;
};

const KEY = Symbol.for('baro.scheduler');
const g = globalThis as unknown as Record<symbol, Scheduler | undefined>;

/**
 * Starts the process's scheduler: a round soon after start (what fell due while the server was down),
 * then every minute. Idempotent: a second call returns the one running.
 */
export function startScheduler(options: SchedulerOptions = {}): Scheduler {
  const running = g[KEY];
  if (running) return running;
  const database = options.db ?? getDb;
  const log = options.log ?? ((line: string) => console.log(line));
  const jobs = options.jobs ?? JOBS;
  let lastProblem = { text: '', at: 0 };

  function tick(): JobReport[] {
    const reports = runJobs(database(), new Date(), jobs);
    for (const r of reports) {
      if ('error' in r) {
        // e.g. the database busy for longer than its timeout: said once every ten minutes, tried again next round.
        const text = `${r.name}: ${r.error}`;
        if (text !== lastProblem.text || Date.now() - lastProblem.at > 10 * 60_000) {
          log(`[baro] scheduler: ${text}`);
          lastProblem = { text, at: Date.now() };
        }
      } else if (r.changed > 0) {
        log(`[baro] scheduler: ${r.name} changed ${r.changed}`);
      }
    }
    return reports;
  }

  // unref: the scheduler never keeps a process alive by itself (scripts, tests).
  const first = setTimeout(tick, 1000);
  first.unref();
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  const scheduler: Scheduler = {
    tick,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      if (g[KEY] === scheduler) g[KEY] = undefined;
    },
  };
  g[KEY] = scheduler;
  return scheduler;
}

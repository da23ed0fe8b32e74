import type { Db } from '@/db/client';
import { runJobs } from '@/lib/scheduler';

/** One scheduler round in the (db, actor, input, now) shape tests/helpers/at-once.ts calls: a server process of its own. */
export function schedulerRound(db: Db, _actor: unknown, _input: unknown, now: Date) {
  return runJobs(db, now);
}

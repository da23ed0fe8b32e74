import { RateLimiterSQLite, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';

/**
 * Abuse limits, stored in SQLite (table rate_limits, created by the migrations) so they hold
 * across restarts. A connected space puts many people behind one IP: per-IP limits are
 * generous, per-account limits strict.
 */
export const LIMITS = {
  /** failed sign-ins for one phone/email */
  signInPerIdentifier: { points: 5, duration: 15 * 60 },
  /** failed sign-ins from one address (a whole connected space) */
  signInPerIp: { points: 200, duration: 15 * 60 },
  /** new accounts from one address per hour (a facilitator may register a room full) */
  registerPerIp: { points: 60, duration: 60 * 60 },
  /** participants a facilitator registers per hour (keyed on the facilitator's account) */
  participantRegisterPerAccount: { points: 60, duration: 60 * 60 },
  /** PINs a facilitator resets per hour (keyed on the facilitator's account) */
  pinResetPerAccount: { points: 30, duration: 60 * 60 },
  /** contributions a facilitator enters for participants per hour (keyed on the facilitator's account) */
  assistPerAccount: { points: 300, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

const limiters = new WeakMap<object, Map<LimitName, RateLimiterSQLite>>();

function limiter(db: Db, name: LimitName): RateLimiterSQLite {
  let perDb = limiters.get(db.$client);
  if (!perDb) limiters.set(db.$client, (perDb = new Map()));
  let l = perDb.get(name);
  if (!l) {
    l = new RateLimiterSQLite({
      storeClient: db.$client,
      storeType: 'better-sqlite3',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: name,
      ...LIMITS[name],
    });
    perDb.set(name, l);
  }
  return l;
}

/** Seconds to wait if the key has used up its points, else 0. Does not consume. */
export async function blockedFor(db: Db, name: LimitName, key: string): Promise<number> {
  const res = await limiter(db, name).get(key);
  if (res && res.consumedPoints >= LIMITS[name].points) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return 0;
}

/** Counts one event. Returns the seconds to wait if this event went over the limit, else 0. */
export async function hit(db: Db, name: LimitName, key: string): Promise<number> {
  try {
    await limiter(db, name).consume(key);
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

export async function resetLimit(db: Db, name: LimitName, key: string): Promise<void> {
  await limiter(db, name).delete(key);
}

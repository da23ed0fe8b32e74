import { and, eq, isNull, lt } from 'drizzle-orm';
import { withoutDiskWait, type Db } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';

/**
 * Exactly-once form posts (issue 17): the server remembers, for 24 hours, what a post did under its
 * (person, key), and answers a second post with the same key with the first one's outcome instead of
 * doing the work again. A double tap, a retry on a dropped connection, a resubmission from Back or the
 * outbox sending again never write twice.
 *
 * The key is claimed (a row without outcome) before the work starts, in one immediate transaction, so two
 * posts arriving at once cannot both start it: the second waits for the first and gets its outcome.
 * Only outcomes worth repeating are kept; a refused form forgets its key, so the person corrects it and
 * sends it again with the same key.
 */

/** How long an outcome is remembered (the scheduler removes older rows: sweepIdempotencyKeys). */
export const KEEP_MS = 24 * 60 * 60 * 1000;
/** A claim without outcome older than this is a post whose process died mid-way: a new post may take it over. */
export const STALE_CLAIM_MS = 2 * 60 * 1000;
/** How long a second post waits for the first before saying "still being sent" (see `busy`). */
export const WAIT_MS = 20_000;
const POLL_MS = 50;

export type KeyRef = { userId: number; key: string; scope: string };

/**
 * What the caller does with `work`'s result: `keep` (JSON-able) is remembered and replayed to later posts
 * with the key; null forgets the key. `value` is this post's own answer.
 */
export type WorkResult<K, V> = { keep: K | null; value: V };

export type OnceAnswer<K, V> =
  /** this post did the work */
  | { ran: true; value: V }
  /** an earlier post with this key did it: its outcome */
  | { ran: false; replay: K }
  /** an earlier post with this key is still at it after WAIT_MS */
  | { ran: false; busy: true };

type Claim = { state: 'claimed' } | { state: 'done'; outcome: string } | { state: 'pending' } | { state: 'other_scope' };

const iso = (ms: number) => new Date(ms).toISOString();

/** Takes the key for this post, or says who has it. */
export function claimKey(db: Db, ref: KeyRef, now = new Date()): Claim {
  return withoutDiskWait(db, () => claimTransaction(db, ref, now));
}

function claimTransaction(db: Db, ref: KeyRef, now: Date): Claim {
  return db.transaction(
    (tx) => {
      const where = and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key));
      let row = tx.select().from(idempotencyKeys).where(where).get();
      const t = now.getTime();
      if (row && (row.createdAt < iso(t - KEEP_MS) || (row.outcome === null && row.createdAt < iso(t - STALE_CLAIM_MS)))) {
        tx.delete(idempotencyKeys).where(where).run();
        row = undefined;
      }
      if (!row) {
        tx.insert(idempotencyKeys).values({ userId: ref.userId, key: ref.key, scope: ref.scope, createdAt: now.toISOString() }).run();
        return { state: 'claimed' } as const;
      }
      if (row.scope !== ref.scope) return { state: 'other_scope' } as const;
      return row.outcome === null ? ({ state: 'pending' } as const) : ({ state: 'done', outcome: row.outcome } as const);
    },
    { behavior: 'immediate' },
  );
}

export function completeKey(db: Db, ref: KeyRef, outcome: unknown): void {
  withoutDiskWait(db, () =>
    db.update(idempotencyKeys)
      .set({ outcome: JSON.stringify(outcome) })
      .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key)))
      .run(),
  );
}

/** Forgets a claim that kept nothing (a refused form, an error): the key may be used again. */
export function releaseKey(db: Db, ref: KeyRef): void {
  withoutDiskWait(db, () =>
    db.delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key), isNull(idempotencyKeys.outcome)))
      .run(),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work` once for this (person, key) within 24 hours; see the top of this file. `work` must not throw
 * for an outcome worth keeping: it returns it (the caller catches what its framework throws).
 */
export async function once<K, V>(
  db: Db,
  ref: KeyRef,
  work: () => Promise<WorkResult<K, V>>,
  options: { now?: () => Date; waitMs?: number } = {},
): Promise<OnceAnswer<K, V>> {
  const now = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  for (;;) {
    const claim = claimKey(db, ref, now());
    if (claim.state === 'done') return { ran: false, replay: JSON.parse(claim.outcome) as K };
    if (claim.state === 'other_scope') {
      // A key reused for another form (never rendered so): done as an ordinary post, nothing kept.
      return { ran: true, value: (await work()).value };
    }
    if (claim.state === 'claimed') {
      let result: WorkResult<K, V>;
      try {
        result = await work();
      } catch (e) {
        releaseKey(db, ref);
        throw e;
      }
      if (result.keep === null) releaseKey(db, ref);
      else completeKey(db, ref, result.keep);
      return { ran: true, value: result.value };
    }
    // Another post with this key is at work (a double tap): wait for its outcome.
    if (Date.now() >= deadline) return { ran: false, busy: true };
    await sleep(POLL_MS);
  }
}

/** The scheduler's job: outcomes older than 24 hours are forgotten. Returns how many rows went. */
export function sweepIdempotencyKeys(db: Db, now = new Date()): number {
  return db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, iso(now.getTime() - KEEP_MS)))
    .run().changes;
}

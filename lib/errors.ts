/** The typed result every use case returns. Field errors carry message *keys* (see messages/*.json, "Errors"). */
export type FieldErrors = Record<string, string>;

export type Failure =
  | { ok: false; error: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; error: 'forbidden' }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'rejected'; reason: string }
  /** reason: a message key when the wait needs its own words (the 24-hour sign-in lock: "accountLocked") */
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number; reason?: string }
  | { ok: false; error: 'conflict'; fieldErrors: FieldErrors };

export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const invalid = (fieldErrors: FieldErrors): Failure => ({ ok: false, error: 'invalid', fieldErrors });
export const forbidden = (): Failure => ({ ok: false, error: 'forbidden' });
export const notFound = (): Failure => ({ ok: false, error: 'not_found' });
export const conflict = (fieldErrors: FieldErrors): Failure => ({ ok: false, error: 'conflict', fieldErrors });
export const rateLimited = (retryAfterSeconds: number, reason?: string): Failure =>
  reason ? { ok: false, error: 'rate_limited', retryAfterSeconds, reason } : { ok: false, error: 'rate_limited', retryAfterSeconds };

/**
 * SQLite's write lock was not free within busy_timeout (SQLITE_BUSY and its extended codes): nothing was
 * written, and the same post may be sent again. `keyed()` answers a form with `Errors.busy` and its text
 * kept, not with a 500.
 */
export function isDatabaseBusy(e: unknown): boolean {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

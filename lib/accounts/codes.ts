import crypto from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { accountCodes, type AccountCode, type AccountCodeChannel, type AccountCodePurpose } from '@/db/schema';
import { env } from '@/lib/env';

/**
 * One-time codes that prove a phone or an e-mail address (verification) or let a person set a new
 * password (recovery), issue 12 §2–3: 6 digits, valid 10 minutes (30 when handed over in person),
 * 5 tries, and a newer code of the same purpose replaces the previous one. How often a code may be
 * *sent* (60 s between two, 5 a day per phone) is lib/messaging's limits.
 */
export const CODE_RULES = {
  length: 6,
  validMinutes: 10,
  /** a code shown on a facilitator's or admin's screen, typed in by the person on the spot */
  inPersonValidMinutes: 30,
  maxTries: 5,
} as const;

/** A fresh code: 6 digits, uniformly drawn (leading zeros kept). */
export function generateCode(): string {
  return String(crypto.randomInt(0, 10 ** CODE_RULES.length)).padStart(CODE_RULES.length, '0');
}

/**
 * Only an HMAC of the code is stored, keyed with AUTH_SECRET: a copy of the database alone does not
 * give the million possible codes away in a second, as a plain hash of 6 digits would.
 */
export function hashCode(code: string): string {
  return crypto.createHmac('sha256', `baro-account-code:${env().AUTH_SECRET}`).update(code).digest('hex');
}

/** What a person typed, as a code: digits only, spaces and dashes ignored ("482 913" = "482913"). */
export function normalizeCode(input: string): string | null {
  const digits = input.replace(/[\s\-.]/g, '');
  return new RegExp(`^\\d{${CODE_RULES.length}}$`).test(digits) ? digits : null;
}

export type IssuedCode = { id: number; code: string; expiresAt: Date };

/**
 * A new code for this account and purpose, inside the caller's transaction (with the message that
 * carries it): the previous open code of the same purpose stops working ("replaced").
 */
export function issueCode(
  tx: Tx | Db,
  c: { userId: number; purpose: AccountCodePurpose; channel: AccountCodeChannel; recipient: string | null; code?: string; validMinutes?: number },
  now: Date,
): IssuedCode {
  const code = c.code ?? generateCode();
  const minutes = c.validMinutes ?? (c.channel === 'in_person' ? CODE_RULES.inPersonValidMinutes : CODE_RULES.validMinutes);
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  tx.update(accountCodes)
    .set({ closedAt: at, closedReason: 'replaced' })
    .where(and(eq(accountCodes.userId, c.userId), eq(accountCodes.purpose, c.purpose), isNull(accountCodes.closedAt)))
    .run();
  const row = tx
    .insert(accountCodes)
    .values({
      userId: c.userId,
      purpose: c.purpose,
      channel: c.channel,
      recipient: c.recipient,
      codeHash: hashCode(code),
      createdAt: at,
      expiresAt: expiresAt.toISOString(),
    })
    .returning({ id: accountCodes.id })
    .get();
  return { id: row.id, code, expiresAt };
}

/** The account's open code of this purpose (the latest; older ones were replaced), expired or not. */
export function openCode(db: Pick<Db, 'select'>, userId: number, purpose: AccountCodePurpose): AccountCode | undefined {
  return db
    .select()
    .from(accountCodes)
    .where(and(eq(accountCodes.userId, userId), eq(accountCodes.purpose, purpose), isNull(accountCodes.closedAt)))
    .orderBy(desc(accountCodes.id))
    .get();
}

/** Why a typed code was refused: the field error key (messages → Errors). */
export type CodeRefusal = 'codeWrong' | 'codeExpired' | 'codeTooManyTries';

export type CodeCheck<T> = { ok: true; value: T; code: AccountCode } | { ok: false; reason: CodeRefusal };

/**
 * Checks a typed code against the account's open code of this purpose, in one immediate transaction:
 * the try is counted before the comparison, the fifth wrong try closes the code, and a right one
 * closes it ("used") and runs `onMatch` in the same transaction (the write the code allows). Two
 * submissions of the right code at once: one succeeds, the other finds no open code.
 */
export function redeemCode<T>(
  db: Db,
  c: { userId: number; purpose: AccountCodePurpose; code: string },
  onMatch: (tx: Tx, code: AccountCode) => T,
  now: Date,
): CodeCheck<T> {
  return db.transaction((tx): CodeCheck<T> => {
    const row = openCode(tx, c.userId, c.purpose);
    if (!row) return { ok: false, reason: 'codeWrong' };
    const at = now.toISOString();
    if (row.expiresAt <= at) return { ok: false, reason: 'codeExpired' };
    const tries = row.attempts + 1;
    const right = crypto.timingSafeEqual(Buffer.from(hashCode(c.code), 'hex'), Buffer.from(row.codeHash, 'hex'));
    if (!right) {
      const spent = tries >= CODE_RULES.maxTries;
      tx.update(accountCodes)
        .set({ attempts: tries, ...(spent ? { closedAt: at, closedReason: 'tries' as const } : {}) })
        .where(eq(accountCodes.id, row.id))
        .run();
      return { ok: false, reason: spent ? 'codeTooManyTries' : 'codeWrong' };
    }
    tx.update(accountCodes).set({ attempts: tries, closedAt: at, closedReason: 'used' }).where(eq(accountCodes.id, row.id)).run();
    return { ok: true, value: onMatch(tx, row), code: row };
  }, { behavior: 'immediate' });
}

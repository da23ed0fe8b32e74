import crypto from 'node:crypto';

/**
 * A certificate's verification code: 10 characters drawn uniformly from 31 letters and digits that cannot be
 * mistaken for one another when read aloud or copied by hand (no 0/O, 1/I/L). 31^10 ≈ 8 × 10^14 codes:
 * nobody finds someone's certificate by trying codes.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;

export function newCertificateCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return s;
}

/** Printed in two groups, "K7M3Q-9XR2T", easier to copy. */
export function formatCertificateCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What someone typed or followed, as a code to look up: upper case, without spaces or hyphens. Anything
 * else (wrong length, a character outside the alphabet) becomes a string no code can equal, so the lookup
 * runs the same way whatever was typed.
 */
export function normalizeCertificateCode(raw: unknown): string {
  const s = (typeof raw === 'string' ? raw : '').toUpperCase().replace(/[\s-]/g, '').slice(0, 40);
  const valid = s.length === CODE_LENGTH && [...s].every((ch) => CODE_ALPHABET.includes(ch));
  return valid ? s : '!'.repeat(CODE_LENGTH);
}

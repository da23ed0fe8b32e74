import { randomInt } from 'node:crypto';

/**
 * Characters of a participant code, read aloud or copied from a slip without confusion: no letter that
 * looks or sounds like another character (B/8, G/6, I/L/1, O/Q/0, S/5, V/U, Z/2) and no 0 or 1.
 * 25 characters, 5 of them: 9.7 million codes per prefix.
 */
export const CODE_ALPHABET = '23456789ACDEFHJKMNPRTUWXY';
export const CODE_LENGTH = 5;
export const PREFIX_LENGTH = 3;

const SUFFIX = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** "nioro" → "NIO", "kayes-ville" → "KAY", "yelimane" → "YEL": the space's first three letters. */
export function codePrefix(spaceSlug: string): string {
  const letters = spaceSlug
    .normalize('NFD')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  return (letters + 'XXX').slice(0, PREFIX_LENGTH);
}

/** A fresh random code for a space, e.g. "NIO-7K3PA" (crypto-random; uniqueness is checked by the caller). */
export function generateParticipantCode(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < CODE_LENGTH; i++) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

/**
 * The stored form of a code typed by a person, whatever the case, spaces or dashes:
 * "nio7k3pa", "NIO 7K3PA", "nio-7k3pa" → "NIO-7K3PA". null when it cannot be a participant code
 * (a phone number or an e-mail address, for instance).
 */
export function normalizeParticipantCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-‐‑–—_.]/g, '');
  if (compact.length !== PREFIX_LENGTH + CODE_LENGTH) return null;
  const prefix = compact.slice(0, PREFIX_LENGTH);
  const suffix = compact.slice(PREFIX_LENGTH);
  if (!/^[A-Z]{3}$/.test(prefix) || !SUFFIX.test(suffix)) return null;
  return `${prefix}-${suffix}`;
}

/** A 6-digit PIN, uniformly drawn (leading zeros kept). */
export function generatePin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

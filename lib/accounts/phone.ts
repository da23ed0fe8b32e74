import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a phone number to E.164. Numbers without a country code are read as Malian,
 * so "+223 76 12 34 56", "0022376123456" and "76123456" are the same person.
 * Returns null when the number is not a valid one.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 32) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'ML');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** Does the identifier typed on the sign-in form look like an email (else: a phone)? */
export function looksLikeEmail(identifier: string): boolean {
  return identifier.includes('@');
}

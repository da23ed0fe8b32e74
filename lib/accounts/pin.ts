import { z } from 'zod';

/** PINs people pick first and thieves try first (beyond the patterns below). */
const COMMON = new Set([
  '112233', '121212', '123123', '131313', '159753', '147258', '147852', '258369', '369258', '654321',
  '123321', '111222', '112211', '121121', '101010', '200000', '100000', '696969', '775577', '789456',
  '456789', '987654', '123654', '000001', '999999', '223344', '102030', '010203', '202020', '135790',
]);

const DIGITS = '0123456789';

/**
 * Is this 6-digit PIN one a stranger would try first: one digit repeated, a run up or down
 * (123456, 987654, 890123), a repeated pair or triple (121212, 123123), a common PIN, or the person's
 * birth year in it (so 199819 and 011998 are refused for someone born in 1998)?
 */
export function isTrivialPin(pin: string, birthYear?: number | null): boolean {
  if (!/^\d{6}$/.test(pin)) return true;
  if (COMMON.has(pin)) return true;
  if (/^(\d)\1+$/.test(pin)) return true;
  if (/^(\d\d)\1\1$/.test(pin) || /^(\d{3})\1$/.test(pin)) return true;
  const up = DIGITS + DIGITS;
  const down = [...up].reverse().join('');
  if (up.includes(pin) || down.includes(pin)) return true;
  if (birthYear && (pin.includes(String(birthYear)) || pin.includes(String(birthYear).slice(2).repeat(2)))) return true;
  return false;
}

/** A new PIN as typed: 6 digits (spaces ignored). Triviality is checked by the use case (it knows the birth year). */
export const pinSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().min(1, 'required').regex(/^\d{6}$/, 'pinFormat'));

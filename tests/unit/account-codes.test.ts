import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_RULES, generateCode, hashCode, normalizeCode } from '@/lib/accounts/codes';

describe('one-time codes (lib/accounts/codes.ts)', () => {
  it('are 6 digits, leading zeros kept, and drawn over the whole range', () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    // 2,000 draws from a million: all but a handful differ, and the first digit takes many values.
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(new Set(codes.map((c) => c[0])).size).toBe(10);
    expect(CODE_RULES).toMatchObject({ length: 6, validMinutes: 10, maxTries: 5 });
  });

  it('are read as typed, with spaces, dashes or dots; anything else is not a code', () => {
    expect(normalizeCode(' 482 913 ')).toBe('482913');
    expect(normalizeCode('482-913')).toBe('482913');
    expect(normalizeCode('48.29.13')).toBe('482913');
    for (const bad of ['48291', '4829130', 'abcdef', '482 91x', '']) expect(normalizeCode(bad)).toBeNull();
  });

  it('are stored as a keyed HMAC: not the code, not its plain sha-256, the same for the same code', () => {
    const h = hashCode('482913');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(hashCode('482913'));
    expect(h).not.toBe(hashCode('482914'));
    expect(h).not.toContain('482913');
    // A plain hash of 6 digits would be reversed by trying the million codes; the key prevents that.
    expect(h).not.toBe(crypto.createHash('sha256').update('482913').digest('hex'));
  });
});

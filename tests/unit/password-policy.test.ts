import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from '@/lib/accounts/password';
import { passwordSchema } from '@/lib/accounts/schemas';

/** The message key a new password gets, or null when it is accepted. */
function refusal(password: string): string | null {
  const r = passwordSchema.safeParse(password);
  return r.success ? null : (r.error.issues[0]?.message ?? 'no message');
}

describe('choosing a password', () => {
  it('the limits are 8 and 128 characters', () => {
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([8, 128]);
  });

  it('a 7-character password is too short', () => {
    expect(refusal('Kj7#pQz')).toBe('passwordTooShort');
  });

  it('an empty password is required', () => {
    expect(refusal('')).toBe('required');
  });

  it('a 129-character password is too long, 128 is fine', () => {
    expect(refusal('Kj7#pQz!'.repeat(16) + 'x')).toBe('passwordTooLong');
    expect(refusal('Kj7#pQz!'.repeat(16))).toBeNull();
  });

  it('8 unusual characters are enough', () => {
    expect(refusal('Tiɲɛ-8ch')).toBeNull();
  });

  it.each(['azerty123', 'password1', 'motdepasse', 'AZERTY123', 'MotDePasse'])(
    '"%s" is refused as too common (whatever its case)',
    (pw) => {
      expect(isCommonPassword(pw)).toBe(true);
      expect(refusal(pw)).toBe('passwordCommon');
    },
  );

  it.each(['ɲɔgɔn bɛ baro kɛ', 'ߒ ߓߊ ߞߏ ߞߊ ߘߌ', 'كلمة سر طويلة', 'le fleuve Sénégal à Kayes'])(
    'a passphrase in any script is accepted: "%s"',
    (pw) => {
      expect(isCommonPassword(pw)).toBe(false);
      expect(refusal(pw)).toBeNull();
    },
  );
});

describe('storing a password', () => {
  it('is hashed with argon2id at the OWASP minimum cost, and only the right password verifies', async () => {
    const hashed = await hashPassword('ɲɔgɔn bɛ baro kɛ');
    expect(hashed.startsWith('$argon2id$')).toBe(true);
    expect(hashed).toContain('m=19456,t=2,p=1');
    expect(hashed).not.toContain('ɲɔgɔn');
    expect(await verifyPassword(hashed, 'ɲɔgɔn bɛ baro kɛ')).toBe(true);
    expect(await verifyPassword(hashed, 'ɲɔgɔn bɛ baro ke')).toBe(false);
    expect(await verifyPassword(hashed, '')).toBe(false);
  });

  it('the same password hashed twice gives two different hashes (salted)', async () => {
    const [a, b] = await Promise.all([hashPassword('Baro-sel-2026'), hashPassword('Baro-sel-2026')]);
    expect(a).not.toBe(b);
  });

  it('a damaged stored hash never verifies and never throws', async () => {
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
    expect(await verifyPassword('', 'anything at all')).toBe(false);
  });
});

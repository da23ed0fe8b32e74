import { describe, expect, it } from 'vitest';
import { looksLikeEmail, normalizePhone } from '@/lib/accounts/phone';

describe('phone numbers', () => {
  it.each(['+223 76 12 34 56', '0022376123456', '76123456', '76 12 34 56', '  +22376123456  '])(
    '"%s" is the same Malian number, +22376123456',
    (typed) => {
      expect(normalizePhone(typed)).toBe('+22376123456');
    },
  );

  it.each(['12345', 'abc', '', '   ', '+223 12 34', '7612345678901234567890123456789012345'])(
    '"%s" is not a phone number',
    (typed) => {
      expect(normalizePhone(typed)).toBeNull();
    },
  );

  it('a French mobile number (a relative abroad) is accepted with its country code', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhone('0033612345678')).toBe('+33612345678');
  });

  it('a sign-in identifier with an @ is read as an email, anything else as a phone', () => {
    expect(looksLikeEmail('awa@exemple.ml')).toBe(true);
    expect(looksLikeEmail('76 12 34 56')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, codePrefix, generateParticipantCode, generatePin, normalizeParticipantCode } from '@/lib/participants/code';

describe('participant codes', () => {
  it('use no character that reads like another one', () => {
    for (const c of '01BGILOQSVZ') expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('start with the space’s first three letters', () => {
    expect(codePrefix('nioro')).toBe('NIO');
    expect(codePrefix('kayes-ville')).toBe('KAY');
    expect(codePrefix('yélimané')).toBe('YEL');
    expect(codePrefix('a-1')).toBe('AXX');
  });

  it('are drawn as PREFIX-XXXXX from the alphabet', () => {
    const shape = new RegExp(`^NIO-[${CODE_ALPHABET}]{5}$`);
    for (let i = 0; i < 200; i++) expect(generateParticipantCode('NIO')).toMatch(shape);
  });

  it('are read however they are typed, and a phone number or e-mail is never taken for one', () => {
    for (const typed of ['NIO-7K3PA', 'nio-7k3pa', 'NIO7K3PA', ' nio 7k3pa ', 'Nio–7K3pa']) {
      expect(normalizeParticipantCode(typed)).toBe('NIO-7K3PA');
    }
    for (const typed of ['76 12 34 56', '+22376123456', 'awa@exemple.ml', 'NIO-7K3QA', 'NIO-OOOOO', 'NI-7K3PA', 'NIO-7K3PAA', '', '123-45678']) {
      expect(normalizeParticipantCode(typed)).toBeNull();
    }
  });

  it('PINs are 6 digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(generatePin()).toMatch(/^\d{6}$/);
  });
});

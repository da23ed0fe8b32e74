import { describe, expect, it } from 'vitest';
import { can, type Actor } from '@/lib/permissions';

/**
 * The translator grant (issue 14), beside the authorisation matrix's twelve kinds of person: a facilitator
 * who is also a translator, a translator holding no other role, and the same people suspended.
 */
const person = (id: number, grants: Actor['grants'], suspended = false, verified = true): Actor => ({ id, communeId: 1, suspended, verified, grants });
const translator = () => ({ role: 'translator', communeId: null, spaceId: null }) as const;
const fanta = person(3, [{ role: 'facilitator', communeId: null, spaceId: 1 }, translator()]);
const sira = person(7, [{ role: 'moderator', communeId: 2, spaceId: null }, translator()]);
const onlyTranslator = person(30, [translator()]);
const suspendedTranslator = person(31, [translator()], true);
// a translator of a database from before verified accounts, who has not typed their code yet (issue 12 §2)
const unverifiedTranslator = person(32, [translator()], false, false);
const facilitator = person(13, [{ role: 'facilitator', communeId: null, spaceId: 1 }]);

describe('translators', () => {
  it('open the translation area, propose and take a live text down; plain facilitators, suspended and unverified translators do not', () => {
    for (const who of [fanta, sira, onlyTranslator]) {
      expect(can(who, 'translation.access', undefined)).toBe(true);
      expect(can(who, 'translation.propose', undefined)).toBe(true);
      expect(can(who, 'translation.revert', undefined)).toBe(true);
    }
    for (const who of [facilitator, suspendedTranslator, unverifiedTranslator, null]) {
      expect(can(who, 'translation.access', undefined)).toBe(false);
      expect(can(who, 'translation.propose', undefined)).toBe(false);
      expect(can(who, 'translation.revert', undefined)).toBe(false);
    }
  });

  it('review someone else’s proposal or a machine draft, never their own', () => {
    expect(can(sira, 'translation.review', { proposerId: fanta.id })).toBe(true);
    expect(can(fanta, 'translation.review', { proposerId: sira.id })).toBe(true);
    expect(can(fanta, 'translation.review', { proposerId: null })).toBe(true);
    expect(can(fanta, 'translation.review', { proposerId: fanta.id })).toBe(false);
    expect(can(facilitator, 'translation.review', { proposerId: fanta.id })).toBe(false);
    expect(can(suspendedTranslator, 'translation.review', { proposerId: fanta.id })).toBe(false);
    expect(can(unverifiedTranslator, 'translation.review', { proposerId: fanta.id })).toBe(false);
  });

  it('being a translator gives nothing else: no admin area, no facilitator area', () => {
    expect(can(onlyTranslator, 'admin.access', undefined)).toBe(false);
    expect(can(onlyTranslator, 'facilitator.access', undefined)).toBe(false);
    expect(can(onlyTranslator, 'role.grant', { userId: 99, role: 'translator' })).toBe(false);
  });
});

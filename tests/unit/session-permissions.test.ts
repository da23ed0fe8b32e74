import { describe, expect, it } from 'vitest';
import { can, type Actor } from '@/lib/permissions';

const actor = (id: number, grants: Actor['grants'] = [], suspended = false): Actor => ({ id, communeId: 1, suspended, verified: true, grants });
const citizen = actor(10);
const suspended = actor(11, [], true);
const facilitator = actor(12, [{ role: 'facilitator', communeId: null, spaceId: 1 }]);
const moderator = actor(14, [{ role: 'moderator', communeId: null, spaceId: null }]);
const admin = actor(16, [{ role: 'admin', communeId: null, spaceId: null }]);
const suspendedAdmin = actor(17, [{ role: 'admin', communeId: null, spaceId: null }], true);

describe('ending sessions and unlocking accounts', () => {
  it('a person ends sessions of their own account only (suspended too: they keep control of their security)', () => {
    for (const who of [citizen, suspended, facilitator, admin]) {
      expect(can(who, 'session.end', { userId: who.id })).toBe(true);
      expect(can(who, 'session.end', { userId: 99 })).toBe(false);
    }
    expect(can(null, 'session.end', { userId: 99 })).toBe(false);
  });

  it('only an admin in office lifts a sign-in lock (participants: their facilitator, with a new PIN)', () => {
    expect(can(admin, 'account.unlock', { userId: 99 })).toBe(true);
    for (const who of [null, citizen, facilitator, moderator, suspendedAdmin]) expect(can(who, 'account.unlock', { userId: 99 })).toBe(false);
  });
});

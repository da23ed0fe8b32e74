import { describe, expect, it } from 'vitest';
import { can, type Actor, type Grant } from '@/lib/permissions';

const actor = (id: number, grants: Grant[] = [], suspended = false): Actor => ({ id, communeId: 1, suspended, verified: true, grants });
const official1 = actor(2, [{ role: 'official', communeId: 1, spaceId: null }]);
const official2 = actor(3, [{ role: 'official', communeId: 2, spaceId: null }]);
const admin = actor(4, [{ role: 'admin', communeId: null, spaceId: null }]);
const moderatorAll = actor(5, [{ role: 'moderator', communeId: null, spaceId: null }]);
const citizen = actor(6);
const suspendedOfficial = actor(7, [{ role: 'official', communeId: 1, spaceId: null }], true);

const topic = (phase: 'draft' | 'open' | 'decided', visibility: 'visible' | 'held' | 'hidden') => ({ communeId: 1, phase, visibility });

describe('who may read a topic of commune 1', () => {
  const people = { anonymous: null, citizen, moderatorAll, official1, official2, admin, suspendedOfficial };
  // Written out by hand: [anonymous, citizen, moderator of all, official of 1, official of 2, admin, suspended official of 1]
  const table: [string, ReturnType<typeof topic>, boolean[]][] = [
    ['an open, visible topic', topic('open', 'visible'), [true, true, true, true, true, true, true]],
    ['a decided, visible topic', topic('decided', 'visible'), [true, true, true, true, true, true, true]],
    ['a draft', topic('draft', 'visible'), [false, false, false, true, false, true, false]],
    ['a held topic', topic('open', 'held'), [false, false, false, true, false, true, false]],
    ['a hidden topic', topic('open', 'hidden'), [false, false, false, true, false, true, false]],
  ];
  for (const [what, subject, expected] of table) {
    it(what, () => {
      expect(Object.values(people).map((p) => can(p, 'topic.read', subject))).toEqual(expected);
    });
  }
});

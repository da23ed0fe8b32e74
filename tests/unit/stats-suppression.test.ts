import { describe, expect, it } from 'vitest';
import { can, type Actor } from '@/lib/permissions';
import { binaryPart, percent, primaryCell, suppressColumn } from '@/lib/stats/suppression';

describe('small-group suppression', () => {
  it('shows 0 and groups of 5 or more, never 1 to 4 people', () => {
    expect([0, 1, 4, 5, 12].map((p) => primaryCell(p * 2, p))).toEqual([0, null, null, 10, 24]);
  });

  it('hides a second cell when only one is hidden, taking the protected group last', () => {
    const column = [
      { group: 'woman', n: 20, people: 20 },
      { group: 'man', n: 30, people: 30 },
      { group: 'unknown', n: 3, people: 3 },
    ];
    expect(suppressColumn(column)).toEqual([null, 30, null]);
    expect(suppressColumn(column, ['woman'])).toEqual([20, null, null]);
    // two hidden already: nothing more to hide
    expect(suppressColumn([...column, { group: 'other', n: 2, people: 2 }])).toEqual([20, 30, null, null]);
    // nothing else to hide: every other cell is 0
    expect(suppressColumn([{ group: 'a', n: 1, people: 1 }, { group: 'b', n: 0, people: 0 }])).toEqual([null, 0]);
  });

  it('shows a part of a group only when the part and the rest are both 0 or at least 5', () => {
    expect(binaryPart(7, 15)).toBe(7);
    expect(binaryPart(13, 15)).toBeNull();
    expect(binaryPart(3, 15)).toBeNull();
    expect(binaryPart(0, 15)).toBe(0);
    expect(binaryPart(15, 15)).toBe(15);
  });

  it('gives no percentage of a hidden or empty figure', () => {
    expect(percent(7, 20)).toBe(35);
    expect(percent(null, 20)).toBeNull();
    expect(percent(0, 0)).toBeNull();
  });
});

describe('who manages connected spaces', () => {
  const actor = (grants: Actor['grants'], suspended = false): Actor => ({ id: 1, communeId: 1, suspended, grants });
  it('admins only, and not while suspended', () => {
    expect(can(actor([{ role: 'admin', communeId: null, spaceId: null }]), 'space.manage', undefined)).toBe(true);
    expect(can(actor([{ role: 'admin', communeId: null, spaceId: null }], true), 'space.manage', undefined)).toBe(false);
    expect(can(actor([{ role: 'facilitator', communeId: null, spaceId: 1 }]), 'space.manage', undefined)).toBe(false);
    expect(can(actor([{ role: 'official', communeId: 1, spaceId: null }]), 'space.manage', undefined)).toBe(false);
    expect(can(null, 'space.manage', undefined)).toBe(false);
  });
});

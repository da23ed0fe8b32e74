import { describe, expect, it } from 'vitest';
import { can, type Actor } from '@/lib/permissions';
import { percent, primaryStatus } from '@/lib/stats/disclosure';
import { partColumn } from '@/lib/stats/shares';
import { protectTable } from '@/lib/stats/table';

/** A one-column breakdown (people counted once each) with its total known. */
const column = (counts: number[], keep: boolean[] = []) =>
  protectTable({
    kinds: ['people'] as const,
    attendance: 'people',
    onePerPerson: [],
    rows: counts.map((n, i) => ({ group: String(i), keep: keep[i], cells: { people: { n, people: n } } })),
  });
const cells = (counts: number[], keep: boolean[] = []) => {
  const t = column(counts, keep);
  return t.ok && t.withheld.size === 0 ? t.cells.map((c) => c.people) : 'withheld';
};

describe('small-group protection', () => {
  it('labels 1 to 4 people "few", never a larger or empty group', () => {
    expect([0, 1, 4, 5, 12].map(primaryStatus)).toEqual(['shown', 'few', 'few', 'shown', 'shown']);
  });

  it('masks the cheapest figure that keeps a small one uncertain, and says it is masked, not small', () => {
    // 20 + 30 + 3 = 53 is known: the 3 alone would come back by subtraction.
    expect(cells([20, 30, 3])).toEqual(['masked', 30, 'few']);
    // …unless the group to keep (women) would be the one masked.
    expect(cells([20, 30, 3], [true])).toEqual([20, 'masked', 'few']);
    // Two small ones protect each other: 2 + 2 = 4 could be 1 + 3 or 3 + 1.
    expect(cells([20, 2, 2])).toEqual([20, 'few', 'few']);
    // 30 and 58 hidden to protect a 3 are "masked", never "fewer than 5".
    expect(cells([30, 58, 3])).toEqual(['masked', 58, 'few']);
  });

  it('withholds a breakdown that no masking can protect', () => {
    // One person in all: whatever is hidden, the total gives them away.
    expect(cells([1, 0, 0])).toBe('withheld');
    // 5 + 1: masking the 5 does not help, it cannot be 4 (a masked figure is never 1–4).
    expect(cells([5, 1, 0])).toBe('withheld');
    // 6 + 1: the 1 could be 2 if the 6 were 5.
    expect(cells([6, 1, 0])).toEqual(['masked', 'few', 0]);
  });

  it('shows a part of a group only when both it and the rest are 0 or at least 5 people', () => {
    // Some people took part in both groups: the whole counts leave room.
    const part = (p: number, total: number) => partColumn([{ part: p, total, totalCell: total }, { part: 20, total: 40, totalCell: 40 }], 18, 18)[0];
    expect(part(7, 15)).toBe(7);
    expect(part(13, 15)).toBe('masked');
    expect(part(3, 15)).toBe('few');
    expect(part(0, 15)).toBe(0);
    expect(part(15, 15)).toBe(15);
    // Nobody in both: the whole counts pin a lone small part, so the column is masked…
    expect(partColumn([{ part: 3, total: 15, totalCell: 15 }, { part: 20, total: 40, totalCell: 40 }], 23, 32)).toEqual(['masked', 'masked']);
    // …unless another hidden part can move the other way.
    expect(partColumn([{ part: 3, total: 15, totalCell: 15 }, { part: 2, total: 40, totalCell: 40 }], 5, 50)).toEqual(['few', 'few']);
  });

  it('gives no percentage of a hidden or empty figure', () => {
    expect(percent(7, 20)).toBe(35);
    expect(percent('few', 20)).toBeNull();
    expect(percent(3, 'masked')).toBeNull();
    expect(percent(0, 0)).toBeNull();
  });
});

describe('who manages connected spaces', () => {
  const actor = (grants: Actor['grants'], suspended = false): Actor => ({ id: 1, communeId: 1, suspended, verified: true, grants });
  it('admins only, and not while suspended', () => {
    expect(can(actor([{ role: 'admin', communeId: null, spaceId: null }]), 'space.manage', undefined)).toBe(true);
    expect(can(actor([{ role: 'admin', communeId: null, spaceId: null }], true), 'space.manage', undefined)).toBe(false);
    expect(can(actor([{ role: 'facilitator', communeId: null, spaceId: 1 }]), 'space.manage', undefined)).toBe(false);
    expect(can(actor([{ role: 'official', communeId: 1, spaceId: null }]), 'space.manage', undefined)).toBe(false);
    expect(can(null, 'space.manage', undefined)).toBe(false);
  });
});

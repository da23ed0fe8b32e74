import { SMALL_GROUP } from '@/db/queries/demographics';

/** A figure as published: a number, or null for "fewer than 5 people" (never shown). */
export type Cell = number | null;

/** `n` counted things made by `people` distinct persons: shown only for 0 or at least 5 persons. */
export function primaryCell(n: number, people: number): Cell {
  if (people === 0) return 0;
  return people < SMALL_GROUP ? null : n;
}

/**
 * One column of a breakdown. Each cell is suppressed when fewer than 5 people are behind it; and when
 * exactly one cell is suppressed, a second one is too, so it cannot be found again by subtracting the
 * others from the total. The second one is the smallest shown cell, taking `preferKeep` groups last
 * (the share of women stays visible when only the "not stated" group is small).
 */
export function suppressColumn(
  cells: readonly { group: string; n: number; people: number }[],
  preferKeep: readonly string[] = [],
): Cell[] {
  const out = cells.map((c) => primaryCell(c.n, c.people));
  const hidden = out.filter((v) => v === null).length;
  if (hidden !== 1) return out;
  const candidates = cells
    .map((c, i) => ({ ...c, i }))
    .filter((c) => out[c.i] !== null && c.people > 0)
    .sort((a, b) => Number(preferKeep.includes(a.group)) - Number(preferKeep.includes(b.group)) || a.people - b.people);
  const victim = candidates[0];
  if (victim) out[victim.i] = null;
  return out;
}

/**
 * Part of a group (women among participants): shown only when both the part and the rest are 0 or
 * at least 5 people, so neither side can single anyone out.
 */
export function binaryPart(part: number, total: number): Cell {
  const rest = total - part;
  const small = (k: number) => k > 0 && k < SMALL_GROUP;
  return small(part) || small(rest) ? null : part;
}

/** Whole percent of a shown part of a shown total; null when either is suppressed or the total is 0. */
export function percent(part: Cell, total: Cell): number | null {
  if (part === null || total === null || total === 0) return null;
  return Math.round((100 * part) / total);
}

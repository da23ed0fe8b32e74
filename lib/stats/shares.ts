import { isShown, SMALL_GROUP, type Cell } from './disclosure';

const few = (k: number) => k > 0 && k < SMALL_GROUP;

/**
 * A part of each group (the women among a commune's participants), for a column of groups.
 *
 * Each group's part and rest (participants − part) add up to the group's participants, which the
 * page shows; so the part is shown only when both the part and the rest are 0 or at least 5 people,
 * and hidden otherwise (`few` when the part itself is small, `masked` when it is hidden because the
 * rest is). The parts are also tied to the whole scope's count (`whole`: every woman who took part
 * took part in at least one commune, so the parts add up to at least that many, and none exceeds it);
 * each hidden small part (or small rest) must keep a second possible value, its rest moving the other
 * way, within those ties. If one cannot, the whole column is masked.
 */
export function partColumn(rows: readonly { part: number; total: number; totalCell: Cell }[], whole: number, wholeRest: number): Cell[] {
  const sum = rows.reduce((a, r) => a + r.part, 0);
  const sumRest = rows.reduce((a, r) => a + r.total - r.part, 0);
  const cells: Cell[] = rows.map((r) => {
    const rest = r.total - r.part;
    if (r.part === 0) return 0;
    if (few(r.part)) return 'few';
    if (!isShown(r.totalCell)) return 'masked';
    return few(rest) ? 'masked' : r.part;
  });
  // A second data set: one person of the group on the other side, every label and tie kept; or, when
  // the ties are tight, one person changing side in each of two groups with hidden parts.
  const fits = (r: (typeof rows)[number], cell: Cell, d: number) => {
    const part = r.part + d;
    const rest = r.total - part;
    const partOk = cell === 'few' ? few(part) : cell === 'masked' ? part >= SMALL_GROUP : false;
    const restOk = !isShown(r.totalCell) || (few(r.total - r.part) ? few(rest) : rest >= SMALL_GROUP);
    return partOk && restOk && rest >= 0 && part <= whole && rest <= wholeRest;
  };
  const movable = (i: number) =>
    [1, -1].some(
      (d) =>
        (fits(rows[i]!, cells[i]!, d) && sum + d >= whole && sumRest - d >= wholeRest) ||
        rows.some((r, j) => j !== i && fits(rows[i]!, cells[i]!, d) && fits(r, cells[j]!, -d)),
    );
  // A small part, and a part hidden because its rest is small, each need that second data set.
  const needs = (r: (typeof rows)[number], cell: Cell) => cell === 'few' || (cell === 'masked' && isShown(r.totalCell) && few(r.total - r.part));
  const ok = rows.every((r, i) => !needs(r, cells[i]!) || movable(i));
  return ok ? cells : rows.map((r) => (r.part === 0 ? 0 : 'masked'));
}

import type { Cell } from '@/lib/stats/disclosure';

/**
 * How hidden figures read: "fewer than 5" (1–4 people), "hidden to protect a small group", and "not
 * shown yet" for a whole column that cannot be shown without revealing someone.
 */
export type HiddenLabels = { few: string; masked: string; withheld: string };

/** How a number is written: a unit after it, or a formatter (percentages: lib/i18n/format.ts). */
export type Unit = string | ((n: number) => string);
export const withUnit = (n: number, unit: Unit = '') => (typeof unit === 'function' ? unit(n) : `${n}${unit}`);

/** A figure as text: the number (with its unit), or why it is hidden. */
export function cellText(c: Cell, labels: HiddenLabels, unit: Unit = ''): string {
  return typeof c === 'number' ? withUnit(c, unit) : labels[c];
}

/** A data table; on a phone each row stacks into a card (.stack-table, app/globals.css) rather than scrolling sideways. */
export function StatsTable({
  id,
  caption,
  groupHeader,
  columns,
  rows,
  labels,
}: {
  id: string;
  caption: string;
  groupHeader: string;
  columns: { key: string; label: string; unit?: Unit }[];
  rows: { key: string; label: string; values: Record<string, Cell> }[];
  labels: HiddenLabels;
}) {
  return (
    <div>
      <table id={id} className="stack-table w-full border-collapse bg-white text-sm">
        <caption id={`${id}-caption`} className="p-1 text-left font-semibold">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-stone-400 text-left">
            <th scope="col" className="p-2">{groupHeader}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="p-2 text-right">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-stone-200">
              <th scope="row" className="p-2 text-left font-semibold">{r.label}</th>
              {columns.map((c) => {
                const v = r.values[c.key] ?? 0;
                return (
                  <td key={c.key} data-label={c.label} data-hidden={typeof v === 'number' ? undefined : v} className={`p-2 text-right ${typeof v === 'number' ? '' : 'italic text-stone-700'}`}>
                    {cellText(v, labels, c.unit)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

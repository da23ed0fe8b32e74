import type { Cell } from '@/lib/stats/suppression';

/** A data table that scrolls sideways on a narrow phone rather than squeezing its figures. */
export function StatsTable({
  id,
  caption,
  groupHeader,
  columns,
  rows,
  few,
}: {
  id: string;
  caption: string;
  groupHeader: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; values: Record<string, Cell | string> }[];
  few: string;
}) {
  return (
    <div className="overflow-x-auto" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table id={id} className="w-full border-collapse bg-white text-sm">
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
                const v = r.values[c.key];
                return (
                  <td key={c.key} className={`p-2 text-right ${v === null ? 'italic text-stone-700' : ''}`}>
                    {v === null || v === undefined ? few : v}
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

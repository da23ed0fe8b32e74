import type { Cell } from '@/lib/stats/disclosure';
import { cellText, withUnit, type HiddenLabels, type Unit } from './stats-table';

// Drawn for the narrowest place a chart sits (a 360 px phone, inside a section's padding: about 300 px),
// so that its 13-unit text is never drawn below 12 px (issue 17 §7); on wider screens it grows to 1.4×.
const WIDTH = 290;
const LABEL_W = 112;
const ROW_H = 28;
const BAR_H = 18;
const FONT = 13;

function shorten(label: string, max = 15): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * A horizontal bar chart drawn on the server as SVG: no script, a few hundred bytes. The figures are
 * also in the table that follows it (the accessible version), so the SVG is labelled as an image.
 * A hidden figure has no bar, only the words that say why ("fewer than 5", "hidden to protect a small group").
 */
export function BarChart({
  id,
  title,
  rows,
  labels,
  unit = '',
}: {
  id: string;
  title: string;
  rows: { label: string; value: Cell }[];
  labels: HiddenLabels;
  /** e.g. " %" */
  unit?: Unit;
}) {
  const max = Math.max(1, ...rows.map((r) => (typeof r.value === 'number' ? r.value : 0)));
  const height = rows.length * ROW_H + 8;
  const barMax = WIDTH - LABEL_W - 56;
  return (
    <figure className="my-3" id={id}>
      <figcaption id={`${id}-title`} className="mb-1 font-semibold">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: `${WIDTH * 1.4}px` }}
        role="img"
        aria-labelledby={`${id}-title`}
        className="block rounded border border-stone-300 bg-white"
      >
        {rows.map((r, i) => {
          const y = 4 + i * ROW_H;
          const w = typeof r.value !== 'number' ? 0 : Math.max(r.value > 0 ? 2 : 0, Math.round((barMax * r.value) / max));
          return (
            <g key={`${r.label}-${i}`}>
              <text x={4} y={y + BAR_H - 4} fontSize={FONT} fill="#1c1917">
                {shorten(r.label)}
              </text>
              {typeof r.value !== 'number' ? (
                <text x={LABEL_W} y={y + BAR_H - 4} fontSize={FONT} fill="#57534e" fontStyle="italic">
                  {cellText(r.value, labels)}
                </text>
              ) : (
                <>
                  <rect x={LABEL_W} y={y} width={w} height={BAR_H} fill="#115e59" />
                  <text x={LABEL_W + w + 4} y={y + BAR_H - 4} fontSize={FONT} fill="#1c1917">
                    {withUnit(r.value, unit)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

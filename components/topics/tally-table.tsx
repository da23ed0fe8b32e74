import { Fragment } from 'react';
import { getTranslations } from 'next-intl/server';
import { cellText } from '@/components/stats/stats-table';
import type { Cell } from '@/lib/stats/disclosure';
import type { Split } from '@/lib/stats/split';

export type TallyRow = { key: string; label: string; residents: number; others: number };

/**
 * The public tally: votes per choice, residents of the topic's commune apart from others, and how many
 * of them a facilitator entered for the voter at a connected space (`assisted`). Other lines about the
 * tally as a whole go in `children`, under the table.
 */
export async function TallyTable({ rows, commune, assisted = 0, children }: { rows: TallyRow[]; commune: string; assisted?: number; children?: React.ReactNode }) {
  const t = await getTranslations('Topic');
  const total = rows.reduce((a, r) => a + r.residents + r.others, 0);
  const max = Math.max(1, ...rows.map((r) => r.residents + r.others));
  return (
    <div>
      <p className="mb-2 font-semibold">
        {t('tallyTotal', { count: total })}
        {assisted > 0 ? <span id="tally-assisted" className="block font-normal">{t('tallyAssisted', { count: assisted })}</span> : null}
      </p>
      {total > 0 ? (
        // Stacks on a phone (.stack-table, app/globals.css): every column in sight, nothing to scroll.
        <div>
        <table className="stack-table w-full border-collapse bg-white text-sm">
          <caption id="tally-caption" className="sr-only">{t('tally')}</caption>
          <thead>
            <tr className="border-b-2 border-stone-400 text-left">
              <th scope="col" className="p-2">{t('choice')}</th>
              <th scope="col" className="p-2">{t('residents', { commune })}</th>
              <th scope="col" className="p-2">{t('others')}</th>
              <th scope="col" className="p-2">{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const n = r.residents + r.others;
              return (
                <tr key={r.key} className="border-b border-stone-200">
                  <th scope="row" className="p-2 text-left font-semibold">
                    {r.label}
                    {/* A bar drawn with CSS only: no chart library, no client JavaScript. */}
                    <span aria-hidden="true" className="mt-1 block h-2 rounded bg-teal-700" style={{ width: `${Math.round((100 * n) / max)}%` }} />
                  </th>
                  <td className="p-2" data-label={t('residents', { commune })}>{r.residents}</td>
                  <td className="p-2" data-label={t('others')}>{r.others}</td>
                  <td className="p-2 font-semibold" data-label={t('total')}>
                    {n} ({Math.round((100 * n) / total)} %)
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      ) : null}
      {children}
    </div>
  );
}

/**
 * An officials' split (votes or supports by gender or age band), as lib/stats/split.ts decided it:
 * the figures with the reason for each hidden one, or the plain message that it cannot be shown yet.
 */
export async function DemographicTable({
  id,
  title,
  split,
  groupLabel,
  choices,
  withheld,
}: {
  /** unique on the page: names the scrollable region after the table's caption */
  id: string;
  title: string;
  split: Split;
  groupLabel: (group: string) => string;
  choices: { key: string; label: string }[];
  /** what to say when the split cannot be shown without revealing someone */
  withheld: string;
}) {
  const t = await getTranslations('Topic');
  const labels = { few: t('fewer'), masked: t('masked'), withheld: t('notShown') };
  if (split.status === 'withheld') {
    return (
      <div className="mb-4">
        <h4 className="mb-1 font-semibold">{title}</h4>
        <p id={`${id}-withheld`}>{withheld}</p>
      </div>
    );
  }
  const td = (c: Cell, column: string, bold = false) => (
    <td data-label={column} data-hidden={typeof c === 'number' ? undefined : c} className={`p-2 ${bold ? 'font-semibold' : ''} ${typeof c === 'number' ? '' : 'italic text-stone-700'}`}>
      {cellText(c, labels)}
    </td>
  );
  return (
    // Stacks on a phone (.stack-table): the Total column is never cut off.
    <div className="mb-4">
    <table id={id} className="stack-table w-full border-collapse bg-white text-sm">
      <caption id={`${id}-caption`} className="mb-1 text-left font-semibold">{title}</caption>
      <thead>
        <tr className="border-b-2 border-stone-400 text-left">
          <th scope="col" className="p-2">{t('group')}</th>
          {choices.map((c) => (
            <th key={c.key} scope="col" className="p-2">{c.label}</th>
          ))}
          <th scope="col" className="p-2">{t('total')}</th>
        </tr>
      </thead>
      <tbody>
        {split.rows.map((g) => (
          <tr key={g.group} className="border-b border-stone-200">
            <th scope="row" className="p-2 text-left">{groupLabel(g.group)}</th>
            {choices.map((c) => <Fragment key={c.key}>{td(g.cells[c.key] ?? 0, c.label)}</Fragment>)}
            {td(g.total, t('total'), true)}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

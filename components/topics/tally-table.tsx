import { getTranslations } from 'next-intl/server';

export type TallyRow = { key: string; label: string; residents: number; others: number };

/** assisted: how many of these votes a facilitator entered for the voter, at a connected space */
export async function TallyTable({ rows, commune, assisted = 0 }: { rows: TallyRow[]; commune: string; assisted?: number }) {
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
        // Focusable, so that a keyboard can scroll a table wider than the screen (WCAG 2.1.1).
        <div className="overflow-x-auto" role="region" aria-labelledby="tally-caption" tabIndex={0}>
        <table className="w-full border-collapse bg-white text-sm [&_td]:p-1 [&_th]:p-1 sm:[&_td]:p-2 sm:[&_th]:p-2">
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
                  <td className="p-2">{r.residents}</td>
                  <td className="p-2">{r.others}</td>
                  <td className="p-2 font-semibold">
                    {n} ({Math.round((100 * n) / total)} %)
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      ) : null}
    </div>
  );
}

export async function DemographicTable({
  id,
  title,
  groups,
  choices,
}: {
  /** unique on the page: names the scrollable region after the table's caption */
  id: string;
  title: string;
  groups: { label: string; total: number | null; choices: Map<string, number | null> }[];
  choices: { key: string; label: string }[];
}) {
  const t = await getTranslations('Topic');
  const cell = (n: number | null | undefined) => (n === null ? t('fewer') : (n ?? 0));
  return (
    <div className="mb-4 overflow-x-auto" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
    <table className="w-full border-collapse bg-white text-sm">
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
        {groups.map((g) => (
          <tr key={g.label} className="border-b border-stone-200">
            <th scope="row" className="p-2 text-left">{g.label}</th>
            {choices.map((c) => (
              <td key={c.key} className="p-2">{g.total === null ? t('fewer') : cell(g.choices.get(c.key))}</td>
            ))}
            <td className="p-2 font-semibold">{cell(g.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

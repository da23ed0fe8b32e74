import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { publicContext } from '@/lib/auth/request-context';
import { type Locale } from '@/lib/i18n/config';
import { moderationStatsPage } from '@/lib/moderation/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('statsTitle') };
}

/** Public: aggregate counts only, so anyone can check that moderation is fair. */
export default async function ModerationStatsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Moderation');
  const tr = await getTranslations('Report');
  const s = moderationStatsPage(publicContext());
  const table = (caption: string, head: string, rows: { month: string; label: string; n: number }[]) => (
    <table className="mb-6 w-full border-collapse bg-white text-sm">
      <caption className="mb-1 text-left font-bold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-stone-400 text-left">
          <th scope="col" className="p-2">{t('month')}</th>
          <th scope="col" className="p-2">{head}</th>
          <th scope="col" className="p-2">{t('count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="border-b border-stone-200">
            <td className="p-2">{r.month}</td>
            <td className="p-2">{r.label}</td>
            <td className="p-2">{r.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t('statsTitle')}</h1>
      <p>{t('statsIntro')}</p>
      <p className="font-semibold">{s.medianHours === null ? t('noMedian') : t('median', { hours: Math.round(s.medianHours * 10) / 10 })}</p>
      <p className="font-semibold">{t('appealsStat', { total: s.appeals.total, upheld: s.appeals.upheld })}</p>
      {table(t('byReason'), t('reason'), s.byReason.map((r) => ({ month: r.month, label: tr(r.reason), n: r.n })))}
      {table(t('byOutcome'), t('outcomeCol'), s.byOutcome.map((r) => ({ month: r.month, label: r.outcome ? t(`outcome_${r.outcome}`) : t('pending'), n: r.n })))}
    </div>
  );
}

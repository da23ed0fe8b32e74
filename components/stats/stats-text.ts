import { getTranslations } from 'next-intl/server';
import { formatPercent } from '@/lib/i18n/format';
import { formattingLocale } from '@/lib/i18n/intl-fallback';
import { METRICS, type Share } from '@/lib/stats/dashboard';
import type { Cell } from '@/lib/stats/disclosure';
import type { StatsDimension } from '@/lib/stats/queries';
import { cellText, type HiddenLabels } from './stats-table';

const AGE_KEYS: Record<string, 'band15to24' | 'band25to35' | 'band36plus' | 'unknown'> = {
  '15-24': 'band15to24',
  '25-35': 'band25to35',
  '36+': 'band36plus',
  unknown: 'unknown',
};

/** A percentage, or the reason its count is hidden (a share is hidden when its count is). */
export const shareCell = (pct: number | null, count: Cell): Cell => (pct !== null ? pct : typeof count === 'number' ? 'masked' : count);

/** The words of the dashboard's sections: hidden-figure labels, group names, metric columns. */
export async function statsText(locale: string) {
  const t = await getTranslations('Stats');
  const labels: HiddenLabels = { few: t('few'), masked: t('masked'), withheld: t('notShown') };
  const monthFormat = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : formattingLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  /** "75 %" in French, "75%" in English (Intl). */
  const percent = (n: number) => formatPercent(locale, n);
  const groupLabel = (dimension: StatsDimension, group: string, label: string) => {
    if (dimension === 'gender') return t(`gender.${group as 'woman' | 'man' | 'unknown'}`);
    if (dimension === 'age') return t(`age.${AGE_KEYS[group] ?? 'unknown'}`);
    if (dimension === 'channel') return t(`channel.${group as 'self' | 'voice' | 'assisted' | 'meeting' | 'formation'}`);
    if (dimension === 'month' && /^\d{4}-\d{2}$/.test(group)) return monthFormat.format(new Date(`${group}-01T00:00:00Z`));
    return label;
  };
  return {
    t,
    labels,
    groupLabel,
    percent,
    metricColumns: METRICS.map((m) => ({ key: m, label: t(`metric.${m}`) })),
    shareText: (s: Share) => cellText(shareCell(s.percent, s.count), labels, percent),
  };
}

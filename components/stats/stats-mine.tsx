import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { StatsPageView } from '@/lib/stats/views';

/** Officials: links to the figures of each topic and project of their communes. */
export async function StatsMine({ mine, locale }: { mine: StatsPageView['mine']; locale: Locale }) {
  if (mine.topics.length + mine.projects.length === 0) return null;
  const t = await getTranslations('Stats');
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title" className="text-xl font-bold">{t('mine')}</h2>
      <p className="mb-2">{t('mineIntro')}</p>
      <ul className="list-disc pl-6" id="stats-mine">
        {mine.topics.map((x) => (
          <li key={`t${x.id}`}>
            <a href={localePath(locale, `/stats?topic=${x.id}`)}>{t('topicLink', { title: x.title })}</a>
          </li>
        ))}
        {mine.projects.map((x) => (
          <li key={`p${x.id}`}>
            <a href={localePath(locale, `/stats?project=${x.id}`)}>{t('projectLink', { title: x.title })}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { getTranslations } from 'next-intl/server';

/** The topic's address to pass on, its open data (CSV, JSON) and its commune's Atom feed. */
export async function TopicShare({ topicId, shareUrl, commune, communeSlug }: { topicId: number; shareUrl: string; commune: string; communeSlug: string }) {
  const t = await getTranslations('Topic');
  return (
    <section aria-labelledby="share" className="space-y-2 text-sm">
      <h2 id="share" className="text-lg font-bold">{t('share')}</h2>
      <p>{t('shareHint')}</p>
      <p className="break-all rounded bg-white p-2 font-mono">{shareUrl}</p>
      <h2 className="pt-2 text-lg font-bold">{t('exports')}</h2>
      <p className="flex flex-wrap gap-4">
        <span>{t('exportComments')} :</span>
        <a href={`/exports/topics/${topicId}-comments.csv`}>CSV</a>
        <a href={`/exports/topics/${topicId}-comments.json`}>JSON</a>
        <span>{t('exportTally')} :</span>
        <a href={`/exports/topics/${topicId}-tally.csv`}>CSV</a>
        <a href={`/exports/topics/${topicId}-tally.json`}>JSON</a>
        <a href={`/feeds/${communeSlug}.atom`}>{t('feed', { commune })}</a>
        <a href={`/feeds/${communeSlug}.rss`} type="application/rss+xml">{t('podcast', { commune })}</a>
      </p>
    </section>
  );
}

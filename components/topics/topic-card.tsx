import { getFormatter, getTranslations } from 'next-intl/server';
import type { TopicCardView } from '@/lib/topics/views';
import { PhaseBadge } from './phase-badge';

export async function TopicCard({ topic, href }: { topic: TopicCardView; href: string }) {
  const t = await getTranslations('Topics');
  const tSector = await getTranslations('Sectors');
  const format = await getFormatter();
  const closes = format.dateTime(new Date(topic.closesAt), 'short');
  return (
    <article className="rounded border border-stone-300 bg-white p-4">
      <p className="mb-1 flex flex-wrap items-center gap-2 text-sm">
        <PhaseBadge phase={topic.phase} />
        <span>{tSector(topic.sector)}</span>
        <span aria-hidden="true">·</span>
        <span>{topic.commune}</span>
        {topic.held ? <span className="font-semibold text-amber-900">{t('heldBadge')}</span> : null}
      </p>
      <h3 className="text-lg font-bold">
        <a href={href}>{topic.title}</a>
      </h3>
      <p className="my-1">{topic.summary}</p>
      <p className="text-sm text-stone-700">
        {/* Only the facts there are, joined: no stray "·" before the first (issue 17 §8). */}
        {[
          topic.phase === 'open' ? t('closesOn', { date: closes }) : topic.phase === 'draft' || topic.phase === 'information' ? null : t('closedOn', { date: closes }),
          t('comments', { count: topic.commentCount }),
          t('votes', { count: topic.voteCount }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </article>
  );
}

import { getFormatter, getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { TopicPageView } from '@/lib/topics/topic-page-view';

/** The topic's phases as they happened, and the link to its earlier versions. */
export async function TopicTimeline({ timeline, topicId, locale }: { timeline: TopicPageView['timeline']; topicId: number; locale: Locale }) {
  const t = await getTranslations('Topic');
  const tPhase = await getTranslations('Phases');
  const format = await getFormatter();
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline" className="mb-2 text-xl font-bold">{t('timeline')}</h2>
      <ol className="space-y-1 border-l-4 border-teal-700 pl-4">
        {timeline.steps.map((step, i) => (
          <li key={i}>
            <strong>{tPhase(step.toPhase)}</strong> — {format.dateTime(new Date(step.createdAt), 'long')}
            {step.bySystem ? ` (${t('timelineSystem')})` : ''}
          </li>
        ))}
      </ol>
      {timeline.revisionCount > 0 ? (
        <p className="mt-2">
          <a href={localePath(locale, `/topics/${topicId}/revisions`)}>{t('revisions', { count: timeline.revisionCount })}</a>
        </p>
      ) : null}
    </section>
  );
}

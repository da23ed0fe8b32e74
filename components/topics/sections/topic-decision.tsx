import { getFormatter, getTranslations } from 'next-intl/server';
import { SpokenSummaries } from '@/components/media/spoken-summaries';
import type { TopicPageView } from '@/lib/topics/topic-page-view';

/** What the commune decided, once it has (the HTML is sanitised Markdown, lib/markdown.ts). */
export async function TopicDecision({ decision }: { decision: NonNullable<TopicPageView['decision']> }) {
  const t = await getTranslations('Topic');
  const format = await getFormatter();
  return (
    <section aria-labelledby="decision" className="rounded border-2 border-teal-800 bg-teal-50 p-4">
      <h2 id="decision" className="mb-1 text-xl font-bold">{t('decision')}</h2>
      {decision.decidedAt ? <p className="mb-2 text-sm">{t('decidedOn', { date: format.dateTime(new Date(decision.decidedAt), 'long') })}</p> : null}
      <SpokenSummaries items={decision.spoken} heading={t('spokenDecision')} id="spoken-decision" />
      <div className="prose-baro" dangerouslySetInnerHTML={{ __html: decision.html }} />
    </section>
  );
}

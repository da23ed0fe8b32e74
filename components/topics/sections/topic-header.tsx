import { getFormatter, getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { TopicHeaderView } from '@/lib/topics/topic-page-view';
import { SpokenSummaries } from '@/components/media/spoken-summaries';
import { PhaseBadge } from '../phase-badge';

/** The top of a topic's page: phase, sector, commune, title, summary, publisher, dates, place. */
export async function TopicHeader({ header, topicId, locale }: { header: TopicHeaderView; topicId: number; locale: Locale }) {
  const t = await getTranslations('Topic');
  const tSector = await getTranslations('Sectors');
  const tFrench = await getTranslations({ locale: 'fr', namespace: 'Topic' });
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), 'long');
  return (
    <header className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <PhaseBadge phase={header.phase} />
        <span>{tSector(header.sector)}</span>
        <span aria-hidden="true">·</span>
        <a href={localePath(locale, `/topics?commune=${header.communeId}`)}>{header.commune}</a>
      </p>
      <h1 className="text-3xl font-extrabold break-words" lang={header.contentLang}>{header.title}</h1>
      <p className="text-lg" lang={header.contentLang}>{header.summary}</p>
      <SpokenSummaries items={header.spoken} heading={t('spokenSummary')} id="spoken-summary" />
      {header.readInFrench ? (
        <p>
          <a href={localePath('fr', `/topics/${topicId}`)} hrefLang="fr" lang="fr" id="read-in-french" className="font-semibold">{tFrench('readInFrench')}</a>
        </p>
      ) : null}
      <p className="text-sm text-stone-700">
        {header.authorTitle ? t('publishedByTitle', { name: header.authorName, title: header.authorTitle }) : t('publishedBy', { name: header.authorName })}
      </p>
      <p className="text-sm text-stone-700">{t('dates', { opens: date(header.opensAt), closes: date(header.closesAt) })}</p>
      {header.location ? <p className="text-sm text-stone-700">{t('location', { location: header.location })}</p> : null}
      {header.mayRecordSummary ? (
        <p>
          <a href={localePath(locale, `/topics/${topicId}/summaries`)} className="font-semibold" id="record-summary">
            <span aria-hidden="true">🎙 </span>
            {t('recordSummary')}
          </a>
        </p>
      ) : null}
      {header.mayManage ? (
        <p>
          <a href={localePath(locale, `/topics/${topicId}/edit`)} className="font-semibold">{t('manage')}</a>
        </p>
      ) : null}
    </header>
  );
}

import { getFormatter, getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { MeetingPageView } from '@/lib/meetings/views';

/** When and where a meeting is, at which connected space, about what, and who organised it. */
export async function MeetingFacts({ view, locale }: { view: MeetingPageView; locale: Locale }) {
  const t = await getTranslations('Meetings');
  const format = await getFormatter();
  const href = (p: string) => localePath(locale, p);
  const { meeting, about } = view;
  return (
    <dl className="rounded border border-stone-300 bg-white p-4">
      <dt className="font-semibold">{t('when')}</dt>
      <dd className="mb-2">
        <time dateTime={meeting.startsAt}>{format.dateTime(new Date(meeting.startsAt), 'long')}</time>
      </dd>
      <dt className="font-semibold">{t('where')}</dt>
      <dd className="mb-2 break-words">{meeting.place}</dd>
      <dt className="font-semibold">{t('space')}</dt>
      <dd className="mb-2">
        <a href={href(`/spaces/${view.space.slug}`)}>{view.space.name}</a> ({view.space.commune})
      </dd>
      {about ? (
        <>
          <dt className="font-semibold">{t('about')}</dt>
          <dd className="mb-2">
            <a href={href(`/${about.kind === 'topic' ? 'topics' : 'projects'}/${about.id}`)}>{about.title}</a>
          </dd>
        </>
      ) : null}
      <dt className="font-semibold">{t('organiser')}</dt>
      <dd>{view.organiser}</dd>
    </dl>
  );
}

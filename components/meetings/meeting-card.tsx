import { getFormatter, getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { MeetingCardView } from '@/lib/meetings/views';

/** One meeting in a list: title, date, place, and where it stands (registrations, or attendance and minutes). */
export async function MeetingCard({ meeting, locale, headingLevel = 'h3' }: { meeting: MeetingCardView; locale: Locale; headingLevel?: 'h2' | 'h3' }) {
  const t = await getTranslations('Meetings');
  const format = await getFormatter();
  const Heading = headingLevel;
  return (
    <article className="rounded border border-stone-300 bg-white p-3" aria-labelledby={`meeting-${meeting.id}-title`}>
      <Heading id={`meeting-${meeting.id}-title`} className="text-lg font-bold break-words">
        <a href={localePath(locale, `/meetings/${meeting.id}`)}>{meeting.title}</a>
      </Heading>
      <p className="text-sm">
        <time dateTime={meeting.startsAt}>{format.dateTime(new Date(meeting.startsAt), 'long')}</time> · {meeting.spaceName} ({meeting.commune})
      </p>
      <p className="text-sm break-words">{t('placeLine', { place: meeting.place })}</p>
      <p className="mt-1 text-sm font-semibold">
        {meeting.cancelledAt ? (
          <span className="rounded bg-red-100 px-2 py-0.5 text-red-950">{t('cancelled')}</span>
        ) : meeting.past ? (
          meeting.minutesPublishedAt ? (
            <>
              <a href={localePath(locale, `/meetings/${meeting.id}#minutes`)}>{t('minutesLink')}</a>
              {' · '}
              {meeting.attendanceShown === null ? t('attendanceFew') : t('attendanceTotal', { count: meeting.attendanceShown })}
            </>
          ) : (
            t('minutesPending')
          )
        ) : (
          t('registrations', { count: meeting.registrationCount })
        )}
      </p>
    </article>
  );
}

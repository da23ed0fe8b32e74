import { getFormatter, getTranslations } from 'next-intl/server';
import { AudioPlayer, recordingUrl } from '@/components/media/audio-player';
import { renderMarkdown } from '@/lib/markdown';
import type { MeetingPageView } from '@/lib/meetings/views';
import { AttendanceTables } from './attendance-tables';

/** After a meeting: its minutes and attendance (figures as the public may see them), or that they are awaited. */
export async function MeetingMinutes({ view }: { view: MeetingPageView }) {
  const t = await getTranslations('Meetings');
  const tv = await getTranslations('Voice');
  const format = await getFormatter();
  const { meeting, attendance } = view;
  return (
    <section aria-labelledby="minutes-title" id="minutes">
      <h2 id="minutes-title" className="mb-2 text-xl font-bold">{t('minutes')}</h2>
      {meeting.minutes && meeting.minutesPublishedAt ? (
        <>
          <p className="mb-2 text-sm text-stone-700">{t('minutesPublishedOn', { date: format.dateTime(new Date(meeting.minutesPublishedAt), 'long') })}</p>
          {view.minutesRecording ? (
            <AudioPlayer
              id="minutes-recording"
              src={recordingUrl(view.minutesRecording.id)}
              durationMs={view.minutesRecording.durationMs}
              label={tv('minutesListen')}
              transcript={view.minutesRecording.transcript ? { label: tv('transcript'), text: view.minutesRecording.transcript } : null}
            />
          ) : null}
          <div className="prose-baro mb-4 max-w-none break-words" id="minutes-text" dangerouslySetInnerHTML={{ __html: renderMarkdown(meeting.minutes) }} />
          <h3 className="mb-1 font-bold">{t('attendance')}</h3>
          <p className="mb-2" id="attendance-total">{typeof attendance.total !== 'number' ? t('attendanceFew') : t('attendanceTotal', { count: attendance.total })}</p>
          <p className="mb-2 text-sm text-stone-700">{t('attendanceNote')}</p>
          <AttendanceTables attendance={attendance} />
        </>
      ) : (
        <p>{t('minutesPending')}</p>
      )}
    </section>
  );
}

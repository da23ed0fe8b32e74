import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { meetingsAbout } from '@/lib/meetings/queries';
import type { Locale } from '@/lib/i18n/config';
import { publicTotal } from '@/lib/meetings/attendance';
import { MeetingCard } from './meeting-card';

/**
 * "Public debates" on a topic or project page: the meetings held about it at a connected space, with
 * their minutes and how many people attended. They are part of the consultation's record.
 */
export async function MeetingsSection({ subject, locale, now }: { subject: { topicId: number } | { projectId: number }; locale: Locale; now: Date }) {
  const meetings = meetingsAbout(getDb(), subject);
  if (meetings.length === 0) return null;
  const t = await getTranslations('Meetings');
  const attended = meetings.filter((m) => !m.cancelledAt).reduce((a, m) => a + m.attendance, 0);
  const shown = publicTotal(attended);
  return (
    <section aria-labelledby="public-debates" id="public-debates-section">
      <h2 id="public-debates" className="mb-2 text-xl font-bold">{t('sectionTitle')}</h2>
      <p className="mb-3" id="public-debates-total">
        {attended === 0 ? t('sectionNoAttendance') : shown === null ? t('sectionAttendanceFew') : t('sectionAttendance', { count: shown })}
      </p>
      <ul className="space-y-3">
        {meetings.map((m) => (
          <li key={m.id}>
            <MeetingCard meeting={m} locale={locale} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}

import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import type { MeetingsSectionView } from '@/lib/meetings/views';
import { MeetingCard } from './meeting-card';

/**
 * "Public debates" on a topic or project page: the meetings held about it at a connected space, with
 * their minutes and how many people attended (lib/meetings/views.ts meetingsSection). They are part of
 * the consultation's record.
 */
export async function MeetingsSection({ section, locale }: { section: MeetingsSectionView; locale: Locale }) {
  const t = await getTranslations('Meetings');
  return (
    <section aria-labelledby="public-debates" id="public-debates-section">
      <h2 id="public-debates" className="mb-2 text-xl font-bold">{t('sectionTitle')}</h2>
      <p className="mb-3" id="public-debates-total">
        {section.noAttendance ? t('sectionNoAttendance') : section.attendedShown === null ? t('sectionAttendanceFew') : t('sectionAttendance', { count: section.attendedShown })}
      </p>
      <ul className="space-y-3">
        {section.meetings.map((m) => (
          <li key={m.id}>
            <MeetingCard meeting={m} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Dashboard } from '@/lib/stats/dashboard';
import { cellText } from './stats-table';
import { statsText } from './stats-text';

/** The two figures the dashboard is about: the shares of women and of young people (15–35). */
export async function StatsHighlights({ dashboard: d, locale }: { dashboard: Dashboard; locale: string }) {
  const { t, shareText, labels } = await statsText(locale);
  const card = (id: string, title: string, share: Dashboard['women']) => (
    <div className="rounded border-2 border-teal-800 bg-white p-4" id={id}>
      <p className="text-sm font-semibold uppercase text-teal-900">{title}</p>
      <p className="text-3xl font-extrabold">{shareText(share.participants)}</p>
      <p className="text-sm">
        {t('ofParticipants')} · {t('ofContributions', { value: shareText(share.contributions) })}
      </p>
    </div>
  );
  return (
    <section aria-labelledby="highlights" className="grid gap-3 sm:grid-cols-2">
      <h2 id="highlights" className="sr-only">{t('highlights')}</h2>
      {card('share-women', t('womenShare'), d.women)}
      {card('share-youth', t('youthShare'), d.youth)}
      <div className="rounded border-2 border-teal-800 bg-white p-4 sm:col-span-2" id="share-voice">
        <p className="text-sm font-semibold uppercase text-teal-900">
          <span aria-hidden="true">🎙 </span>
          {t('voiceTitle')}
        </p>
        <p className="text-lg font-bold">{t('voiceContributions', { value: cellText(d.voice.contributions, labels) })}</p>
        <p className="text-sm">
          {t('voiceWomen', { value: shareText(d.voice.women) })} · {t('voiceYouth', { value: shareText(d.voice.youth) })}
        </p>
      </div>
    </section>
  );
}

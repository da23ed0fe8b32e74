import { getFormatter, getTranslations } from 'next-intl/server';
import { AssistedBadge } from '@/components/facilitator/assisted-badge';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { QueueItem } from '@/lib/moderation/views';
import { ModerateForms } from './moderate-forms';
import { QueueRecording } from './queue-recording';

type ModerationT = Awaited<ReturnType<typeof getTranslations<'Moderation'>>>;

/** "Comment", "Topic"… in the reader's language. */
export const contentTypeLabel = (t: ModerationT, type: string) => t(`type${type[0]!.toUpperCase()}${type.slice(1)}` as 'typeComment');

/** One item of the queue: what it is, why it is here, its text, and what the moderator may do about it. */
export async function QueueEntry({ locale, item, next }: { locale: Locale; item: QueueItem; next: string }) {
  const t = await getTranslations('Moderation');
  const tr = await getTranslations('Report');
  const format = await getFormatter();
  const status = { escalated: t('stateEscalated'), autoHidden: t('stateAutoHidden'), held: t('stateHeld'), reported: t('stateReported'), hidden: t('stateHidden') }[item.status];
  return (
    <li id={`item-${item.id}`} className="rounded border border-stone-300 bg-white p-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {item.mayAct ? (
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="items" value={`${item.contentType}:${item.contentId}`} form="bulk-form" className="h-5 w-5" />
            <span className="sr-only">{t('select')}</span>
          </label>
        ) : null}
        <strong>{contentTypeLabel(t, item.contentType)}</strong>
        <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">{status}</span>
        <span>{item.commune}</span>
        <span className="text-stone-700">{format.dateTime(new Date(item.createdAt), 'long')}</span>
        {item.assisted ? <AssistedBadge space={item.assisted.space} facilitator={item.assisted.facilitator} /> : null}
      </p>
      {item.holdReason ? <p className="text-sm">{t('holdReason', { reason: t(`hold_${item.holdReason}` as 'hold_link') })}</p> : null}
      {item.reportCount > 0 || item.reasons.length ? (
        <p className="text-sm">
          {t('reports', { count: item.reportCount })}
          {item.reasons.length ? ` — ${item.reasons.map((r) => `${tr(r.reason as 'spam')} (${r.n})`).join(', ')}` : ''}
        </p>
      ) : null}
      {item.text ? <blockquote className="my-2 border-l-4 border-stone-300 pl-3 whitespace-pre-line break-words">{item.text}</blockquote> : null}
      {item.recording ? <QueueRecording locale={locale} recording={item.recording} mayTranscribe={item.mayAct} next={next} /> : null}
      <p className="text-sm">
        {t('author', { name: item.author })} ·{' '}
        <a href={localePath(locale, `/moderation/users/${item.authorId}?about=${item.contentType}:${item.contentId}`)}>{t('authorHistory')}</a>
        {item.path ? (
          <>
            {' · '}
            <a href={localePath(locale, item.path)}>{t('open')}</a>
          </>
        ) : null}
      </p>
      {item.mayAct ? (
        <ModerateForms locale={locale} contentType={item.contentType} contentId={item.contentId} actions={item.actions} next={next} />
      ) : (
        <p className="mt-2 text-sm font-semibold text-stone-700">{t('conflict')}</p>
      )}
    </li>
  );
}

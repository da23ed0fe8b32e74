import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FilterSelect } from '@/components/ui/filter-select';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { loadMessageLog } from '@/lib/messaging/view';
import { MESSAGE_STATUSES, type MessageStatus } from '@/lib/messaging/types';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('AdminMessages');
  return { title: t('title'), robots: { index: false } };
}

/** UTC, to the second (Mali is UTC+0). */
const when = (iso: string) => iso.replace('T', ' ').slice(0, 19);

const STATUS_STYLE: Record<MessageStatus, string> = {
  queued: 'border-amber-700 bg-amber-50 text-amber-900',
  sending: 'border-sky-700 bg-sky-50 text-sky-900',
  sent: 'border-green-700 bg-green-50 text-green-900',
  failed: 'border-red-700 bg-red-50 text-red-900',
};

export default async function AdminMessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const ctx = await signedInContext(locale);
  const log = loadMessageLog(ctx.actor, await searchParams, ctx.db);
  if (!log.ok) forbidden();
  const { rows, counts, filter, older } = log.value;
  const t = await getTranslations('AdminMessages');
  const ta = await getTranslations('Admin');
  const here = localePath(locale, '/admin/messages');
  const link = (q: Record<string, string | number | null>) => {
    const s = new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === null ? [] : [[k, String(v)]]))).toString();
    return s ? `${here}?${s}` : here;
  };

  return (
    <div className="space-y-6">
      <p>
        <a href={localePath(locale, '/admin')}>← {ta('title')}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="text-sm text-stone-700">{t('timeZone')}</p>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title" className="mb-2 text-xl font-bold">
          {t('summary')}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {MESSAGE_STATUSES.map((s) => (
            <li key={s}>
              <a
                href={link({ status: s })}
                data-status={s}
                data-count={counts[s]}
                className={`inline-block min-h-11 rounded border-2 px-3 py-2 font-semibold no-underline ${STATUS_STYLE[s]}`}
              >
                {t('statusCount', { status: t(`statuses.${s}`), count: counts[s] })}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <form method="get" action={here} aria-label={t('filters')} className="flex flex-wrap items-end gap-3 rounded border border-stone-300 bg-white p-3">
        <FilterSelect
          name="status"
          label={t('status')}
          value={filter.status ?? ''}
          options={[['', t('allStatuses')], ...MESSAGE_STATUSES.map((s) => [s, t(`statuses.${s}`)] as const)]}
        />
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">
          {t('apply')}
        </button>
      </form>

      {rows.length === 0 ? (
        <p className="font-semibold">{t('empty')}</p>
      ) : (
        // A card per message rather than a table: readable on a 360 px screen, two columns of facts on wider ones.
        <ul aria-label={t('listLabel')} className="space-y-3">
          {rows.map((m) => (
            <li key={m.id} id={`message-${m.id}`} className="rounded border border-stone-300 bg-white p-3">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span data-field="status" className={`inline-block rounded border px-2 font-semibold whitespace-nowrap ${STATUS_STYLE[m.status]}`}>
                  {t(`statuses.${m.status}`)}
                </span>
                <strong data-field="purpose">{t(`purposes.${m.purpose}`)}</strong>
                <span data-field="channel">{t(`channels.${m.channel}`)}</span>
              </p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
                <dt className="font-semibold">{t('recipient')}</dt>
                <dd data-field="recipient" className="font-mono break-words">{m.recipient}</dd>
                <dt className="font-semibold">{t('created')}</dt>
                <dd data-field="created">{when(m.createdAt)}</dd>
                <dt className="font-semibold">{t('attempts')}</dt>
                <dd data-field="attempts">{m.attempts}</dd>
                {m.sentAt ? (
                  <>
                    <dt className="font-semibold">{t('sent')}</dt>
                    <dd data-field="sent">{when(m.sentAt)}</dd>
                  </>
                ) : m.nextTryAt ? (
                  <>
                    <dt className="font-semibold">{t('nextTry')}</dt>
                    <dd data-field="next">{when(m.nextTryAt)}</dd>
                  </>
                ) : null}
                {m.lastError ? (
                  <>
                    <dt className="font-semibold sm:col-start-1">{t('lastError')}</dt>
                    <dd data-field="error" className="break-words sm:col-span-3">
                      {m.lastError}
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}

      {filter.before || older ? (
        <nav aria-label={t('pages')} className="flex flex-wrap gap-4">
          {filter.before ? <a href={link({ status: filter.status })}>{t('newest')}</a> : null}
          {older ? (
            <a href={link({ status: filter.status, before: older })} rel="next">
              {t('older')}
            </a>
          ) : null}
        </nav>
      ) : null}

      <p className="text-sm text-stone-700">{t('howItWorks')}</p>
    </div>
  );
}

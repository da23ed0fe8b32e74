import { getFormatter, getTranslations } from 'next-intl/server';
import { endOtherSessionsAction, endSessionAction, signOutEverywhereAction } from '@/app/actions/account';
import { Notice } from '@/components/ui/notice';
import type { SessionListItem } from '@/lib/accounts/sessions';
import type { Locale } from '@/lib/i18n/config';
import { PostForm } from '@/components/forms/post-form';

/** One's open sessions, each with its "End" form, and "sign out everywhere" (plain forms, no JavaScript needed). */
export async function SessionsSection({
  locale,
  sessions,
  otherSessions,
  outcome,
}: {
  locale: Locale;
  sessions: SessionListItem[];
  otherSessions: number;
  /** what the last "End" did (?sessions=…) */
  outcome: string | undefined;
}) {
  const t = await getTranslations('Account');
  const notice = outcome === 'ended' ? t('sessionEnded') : outcome === 'others' ? t('othersEnded') : null;
  return (
    <section aria-labelledby="sessions">
      <h2 id="sessions" className="mb-2 text-xl font-bold">
        {t('sessionsTitle')}
      </h2>
      {notice ? (
        <Notice tone="success" className="mb-3">
          {notice}
        </Notice>
      ) : null}
      {outcome === 'error' ? (
        <Notice tone="error" id="sessions-error" className="mb-3">
          {t('sessionEndFailed')}
        </Notice>
      ) : null}
      <p className="mb-3">{t('sessionsList')}</p>
      <ul id="session-list" className="mb-4 divide-y divide-stone-300 rounded border border-stone-300 bg-white">
        {sessions.map((s) => (
          <SessionItem key={s.idHash} locale={locale} session={s} />
        ))}
      </ul>
      {otherSessions > 0 ? (
        <PostForm action={endOtherSessionsAction} id="end-others-form" className="mb-4">
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="min-h-11 rounded border-2 border-stone-700 px-4 font-semibold">
            {t('endOthers', { count: otherSessions })}
          </button>
        </PostForm>
      ) : null}
      <p className="mb-3">{t('sessionsIntro')}</p>
      <PostForm action={signOutEverywhereAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-4 font-semibold text-red-900">
          {t('signOutEverywhere')}
        </button>
      </PostForm>
    </section>
  );
}

async function SessionItem({ locale, session: s }: { locale: Locale; session: SessionListItem }) {
  const t = await getTranslations('Account');
  const format = await getFormatter();
  const device = s.deviceLabel || t('unknownDevice');
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 p-3" data-current={s.current ? 'true' : undefined}>
      <div>
        <p className="font-semibold">
          {device}
          {s.shared ? ` — ${t('sharedDevice')}` : ''}
          {s.current ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">{t('thisDevice')}</span> : null}
        </p>
        <p className="text-sm text-stone-700">
          {t('lastSeen', { date: format.dateTime(new Date(s.lastSeenAt), { dateStyle: 'medium', timeStyle: 'short' }) })} ·{' '}
          {t('signedInOn', { date: format.dateTime(new Date(s.createdAt), { dateStyle: 'medium' }) })}
          {s.ipPrefix ? <span className="session-network"> · {t('network', { network: s.ipPrefix })}</span> : null}
        </p>
      </div>
      {s.current ? null : (
        <PostForm action={endSessionAction}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="session" value={s.idHash} />
          <button type="submit" className="min-h-11 rounded border-2 border-stone-700 px-3 font-semibold" aria-label={t('endSessionOf', { device })}>
            {t('endSession')}
          </button>
        </PostForm>
      )}
    </li>
  );
}

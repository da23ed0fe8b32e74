import { getFormatter, getTranslations } from 'next-intl/server';
import { AppealForm } from '@/components/moderation/appeal-form';
import type { AccountSuspension } from '@/lib/accounts/views';
import { localePath, type Locale } from '@/lib/i18n/config';

/** Why and until when one is suspended, and the one appeal one may make against it. */
export async function SuspensionPanel({ locale, suspension }: { locale: Locale; suspension: AccountSuspension }) {
  const t = await getTranslations('Suspension');
  const th = await getTranslations('Hidden');
  const format = await getFormatter();
  const until = suspension.until === null ? t('forever') : t('untilDate', { date: format.dateTime(new Date(suspension.until), 'long') });
  return (
    <section aria-labelledby="suspension" className="mt-3 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
      <h2 id="suspension" className="font-bold">
        {t('title')}
      </h2>
      <p>{t('body', { until, reason: suspension.reason ?? '—' })}</p>
      {suspension.sanctionId === null ? null : suspension.appeal ? (
        <p className="mt-2 font-semibold">{suspension.appeal === 'pending' ? th('appealPending') : th('appealDone')}</p>
      ) : (
        <AppealForm locale={locale} sanctionId={suspension.sanctionId} next={localePath(locale, '/account')} />
      )}
    </section>
  );
}

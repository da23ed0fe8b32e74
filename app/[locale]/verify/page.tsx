import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { sendCodeAction, verifyCodeAction } from '@/app/actions/verification';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { Notice } from '@/components/ui/notice';
import { verificationView } from '@/lib/accounts/views';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Verify');
  return { title: t('title'), robots: { index: false } };
}

/**
 * Verifying one's account (issue 12 §2): type the 6-digit code received by SMS (or e-mail), or ask for
 * a new one. Plain forms: works without JavaScript.
 */
export default async function VerifyPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  const view = verificationView(ctx);
  if (!view) redirect(localePath(locale, '/login'));
  const sp = await searchParams;
  const t = await getTranslations('Verify');
  const tc = await getTranslations('Common');
  const format = await getFormatter();

  if (view.verified) {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Notice tone="success" id="verify-status">
          {sp.done ? t('done') : t('alreadyVerified')}
        </Notice>
        <p>
          <a href={localePath(locale, '/topics')}>{t('goTopics')}</a> · <a href={localePath(locale, '/projects')}>{t('goProjects')}</a> ·{' '}
          <a href={localePath(locale, '/account')}>{t('goAccount')}</a>
        </p>
      </div>
    );
  }

  const [first, second] = view.targets;
  const intro = sp.welcome ? t('welcome') : sp.changed ? t('changed') : sp.signedin ? t('signedIn') : null;
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {intro ? (
        <Notice tone="success" id="verify-status">
          {intro}
        </Notice>
      ) : null}
      <p>{t('why')}</p>
      {!first ? (
        <Notice tone="info">{t('noChannel')}</Notice>
      ) : (
        <>
          <p id="verify-pending">
            {view.pending
              ? t('pending', {
                  to: view.pending.masked,
                  until: format.dateTime(new Date(view.pending.expiresAt), { timeStyle: 'short', timeZone: 'UTC' }),
                })
              : t('notSent', { to: first.masked })}
          </p>
          <ActionForm action={verifyCodeAction} id="verify-form" fieldPrefix="v">
            <Hidden name="locale" value={locale} />
            <TextField name="code" label={t('code')} hint={t('codeHint')} required requiredMark={tc('required')} autoComplete="one-time-code" inputMode="numeric" maxLength={12} />
            <SubmitButton pendingLabel={tc('sending')}>{t('submit')}</SubmitButton>
          </ActionForm>
          <section aria-labelledby="resend-title" className="space-y-3 rounded border border-stone-300 bg-white p-4">
            <h2 id="resend-title" className="text-lg font-semibold">
              {view.pending ? t('resendTitle') : t('sendTitle')}
            </h2>
            <p className="text-sm text-stone-700">{t('resendHint')}</p>
            <ActionForm action={sendCodeAction} id="send-code-form" fieldPrefix="s">
              <Hidden name="locale" value={locale} />
              <Hidden name="channel" value={first.channel} />
              <SubmitButton pendingLabel={tc('sending')}>{t(first.channel === 'sms' ? 'sendSms' : 'sendEmail', { to: first.masked })}</SubmitButton>
            </ActionForm>
            {second ? (
              <ActionForm action={sendCodeAction} id="send-code-other-form" fieldPrefix="o">
                <Hidden name="locale" value={locale} />
                <Hidden name="channel" value={second.channel} />
                <SubmitButton
                  pendingLabel={tc('sending')}
                  className="min-h-11 rounded border-2 border-teal-800 bg-white px-5 py-2 font-semibold text-teal-900 hover:bg-teal-50"
                >
                  {t(second.channel === 'sms' ? 'sendSms' : 'sendEmail', { to: second.masked })}
                </SubmitButton>
              </ActionForm>
            ) : null}
            <p className="text-sm">
              {t('wrongNumber')} <a href={localePath(locale, '/account')}>{t('goAccount')}</a>
            </p>
          </section>
        </>
      )}
      <p>
        <a href={localePath(locale, '/')}>{t('later')}</a>
      </p>
    </div>
  );
}

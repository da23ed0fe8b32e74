import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requestRecoveryAction, resetPasswordAction } from '@/app/actions/verification';
import { RecoverFlow } from '@/components/accounts/recover-flow';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Recover');
  return { title: t('title'), robots: { index: false } };
}

/** "Mot de passe oublié ?" (issue 12 §3): a code by SMS or e-mail, then a new password. */
export default async function RecoverPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations('Recover');
  const ta = await getTranslations('Auth');
  const tc = await getTranslations('Common');
  return (
    <div className="max-w-md space-y-5">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <RecoverFlow
        request={requestRecoveryAction}
        reset={resetPasswordAction}
        locale={locale}
        startWithCode={sp.step === 'code'}
        texts={{
          requestTitle: t('requestTitle'),
          identifier: t('identifier'),
          identifierHint: t('identifierHint'),
          send: t('send'),
          resetTitle: t('resetTitle'),
          resetIntro: t('resetIntro'),
          code: t('code'),
          codeHint: t('codeHint'),
          newPassword: t('newPassword'),
          newPasswordHint: ta('passwordHint'),
          save: t('save'),
          required: tc('required'),
          sending: tc('sending'),
        }}
      />
      <p className="text-sm text-stone-700">{t('participants')}</p>
      <p>
        {sp.step === 'code' ? null : (
          <>
            <a href={localePath(locale, '/recover?step=code')}>{t('haveCode')}</a>
            {' · '}
          </>
        )}
        <a href={localePath(locale, '/login')}>{t('backToLogin')}</a>
      </p>
    </div>
  );
}

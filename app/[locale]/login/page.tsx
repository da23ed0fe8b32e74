import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { signInAction } from '@/app/actions/auth';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { onSharedComputer } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Auth');
  return { title: t('loginTitle') };
}

export default async function LoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations('Auth');
  const ta = await getTranslations('Account');
  const tc = await getTranslations('Common');
  const ts = await getTranslations('SharedDevice');
  const shared = await onSharedComputer();
  const minutes = env().SHARED_IDLE_MINUTES;
  const notice = sp.out
    ? t('loggedOut')
    : sp.recovered
      ? t('recovered')
      : sp.changed
      ? ta('passwordChanged')
      : sp.idle
        ? ts('endedIdle', { minutes })
        : sp.shared
          ? ts('marked', { minutes })
          : sp.unshared
            ? ts('unmarkedThis')
            : null;
  return (
    <div className="max-w-md">
      <h1 className="mb-2 text-2xl font-bold">{t('loginTitle')}</h1>
      {notice ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {notice}
        </p>
      ) : null}
      <p className="mb-6">{t('loginIntro')}</p>
      <ActionForm action={signInAction} id="login-form">
        <Hidden name="locale" value={locale} />
        <TextField name="identifier" label={t('identifier')} hint={t('identifierHint')} required requiredMark={tc('required')} autoComplete="username" maxLength={254} />
        <TextField
          name="password"
          type="password"
          label={t('passwordOrPin')}
          hint={t('passwordOrPinHint')}
          required
          requiredMark={tc('required')}
          autoComplete="current-password"
          maxLength={128}
        />
        <SubmitButton pendingLabel={tc('sending')}>{t('submitLogin')}</SubmitButton>
      </ActionForm>
      <p className="mt-4">
        <a href={localePath(locale, '/recover')} id="forgot-password">
          {t('forgotPassword')}
        </a>
      </p>
      <p className="mt-4 text-sm text-stone-700" id="shared-note">{shared ? ts('loginNote', { minutes }) : t('sharedComputer')}</p>
      <p className="mt-6">
        {t('noAccount')} <a href={localePath(locale, '/register')}>{t('submitRegister')}</a>
      </p>
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { registerAction } from '@/app/actions/auth';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { ProfileFields } from '@/components/forms/profile-fields';
import { registrationView } from '@/lib/accounts/views';
import { selectedCommuneId } from '@/lib/auth/page-context';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Auth');
  return { title: t('registerTitle') };
}

export default async function RegisterPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = registrationView(await requestContext());
  if (view.signedIn) redirect(localePath(locale, '/account'));
  const t = await getTranslations('Auth');
  const tc = await getTranslations('Common');
  const communeId = await selectedCommuneId();
  return (
    <div className="max-w-xl">
      <h1 className="mb-2 text-2xl font-bold">{t('registerTitle')}</h1>
      <p className="mb-6">{t('registerIntro')}</p>
      <ActionForm action={registerAction} id="register-form">
        <Hidden name="locale" value={locale} />
        <ProfileFields communes={view.communes} values={{ language: locale, communeId: communeId ? String(communeId) : '' }} />
        <TextField
          name="password"
          type="password"
          label={t('password')}
          hint={t('passwordHint')}
          required
          requiredMark={tc('required')}
          autoComplete="new-password"
          maxLength={128}
        />
        <SubmitButton pendingLabel={tc('sending')}>{t('submitRegister')}</SubmitButton>
      </ActionForm>
      <p className="mt-6">
        {t('alreadyAccount')} <a href={localePath(locale, '/login')}>{t('submitLogin')}</a>
      </p>
    </div>
  );
}

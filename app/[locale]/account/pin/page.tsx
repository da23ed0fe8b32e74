import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { changePinAction } from '@/app/actions/account';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { pinPage } from '@/lib/accounts/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Pin');
  return { title: t('title'), robots: { index: false } };
}

/**
 * A participant chooses their own 6-digit PIN: offered after sign-in while they still hold the one on
 * their slip (the facilitator saw it), and reachable from /account at any time.
 */
export default async function ChoosePinPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = pinPage(await signedInContext(locale));
  if (!view) redirect(localePath(locale, '/login'));
  if (!view.participant) redirect(localePath(locale, '/account'));
  const t = await getTranslations('Pin');
  const tc = await getTranslations('Common');
  const pinField = { type: 'password' as const, inputMode: 'numeric' as const, autoComplete: 'off', maxLength: 12, required: true, requiredMark: tc('required') };

  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{view.pinChoicePending ? t('introFirst') : t('intro')}</p>
      <ActionForm action={changePinAction} id="pin-form">
        <Hidden name="locale" value={locale} />
        <TextField name="currentPin" label={t('currentPin')} hint={view.pinChoicePending ? t('currentPinHint') : undefined} {...pinField} autoComplete="current-password" />
        <TextField name="newPin" label={t('newPin')} hint={t('newPinHint')} {...pinField} autoComplete="new-password" />
        <TextField name="confirmPin" label={t('confirmPin')} {...pinField} autoComplete="new-password" />
        <SubmitButton pendingLabel={tc('saving')}>{t('submit')}</SubmitButton>
      </ActionForm>
      <p>
        <a href={localePath(locale, '/account')} id="pin-later">
          {view.pinChoicePending ? t('later') : t('back')}
        </a>
      </p>
    </div>
  );
}

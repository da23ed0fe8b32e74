import { getTranslations } from 'next-intl/server';
import { changePasswordAction } from '@/app/actions/account';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { localePath, type Locale } from '@/lib/i18n/config';

/** A participant's PIN is chosen on its own page; everyone else changes their password here. */
export async function SecretSection({ locale, isParticipant }: { locale: Locale; isParticipant: boolean }) {
  const t = await getTranslations('Account');
  if (isParticipant) {
    return (
      <section aria-labelledby="password">
        <h2 id="password" className="mb-2 text-xl font-bold">
          {t('pinTitle')}
        </h2>
        <p className="mb-2">{t('pinIntro')}</p>
        <a href={localePath(locale, '/account/pin')} id="pin-link">
          {t('pinLink')}
        </a>
      </section>
    );
  }
  const ta = await getTranslations('Auth');
  const tc = await getTranslations('Common');
  return (
    <section aria-labelledby="password">
      <h2 id="password" className="mb-3 text-xl font-bold">
        {t('passwordTitle')}
      </h2>
      <ActionForm action={changePasswordAction} id="password-form">
        <Hidden name="locale" value={locale} />
        <TextField name="currentPassword" type="password" label={t('currentPassword')} required requiredMark={tc('required')} autoComplete="current-password" maxLength={128} />
        <TextField name="newPassword" type="password" label={t('newPassword')} hint={ta('passwordHint')} required requiredMark={tc('required')} autoComplete="new-password" maxLength={128} />
        <SubmitButton pendingLabel={tc('saving')}>{t('submitPassword')}</SubmitButton>
      </ActionForm>
    </section>
  );
}

import { getTranslations } from 'next-intl/server';
import { updateProfileAction } from '@/app/actions/account';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { ProfileFields } from '@/components/forms/profile-fields';
import type { ProfileValues } from '@/lib/accounts/views';
import type { Locale } from '@/lib/i18n/config';

/** The profile form: changing it asks for one's password (or PIN) again. */
export async function ProfileSection({
  locale,
  profile,
  communes,
  isParticipant,
}: {
  locale: Locale;
  profile: ProfileValues;
  communes: { id: number; name: string }[];
  isParticipant: boolean;
}) {
  const t = await getTranslations('Account');
  const tc = await getTranslations('Common');
  return (
    <section aria-labelledby="profile">
      <h2 id="profile" className="mb-3 text-xl font-bold">
        {t('profile')}
      </h2>
      <ActionForm action={updateProfileAction} id="profile-form">
        <Hidden name="locale" value={locale} />
        <ProfileFields communes={communes} values={profile} />
        <TextField
          name="currentSecret"
          type="password"
          label={isParticipant ? t('currentSecretPin') : t('currentSecret')}
          hint={t('currentSecretHint')}
          autoComplete="current-password"
          maxLength={128}
        />
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </ActionForm>
    </section>
  );
}

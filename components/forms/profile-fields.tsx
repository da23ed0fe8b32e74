import { getTranslations } from 'next-intl/server';
import { GENDERS, PREFERRED_LANGUAGES } from '@/lib/accounts/values';
import { RadioGroup, SelectField, TextField } from './fields';

type Values = {
  displayName?: string;
  phone?: string;
  email?: string;
  communeId?: string;
  gender?: string;
  birthYear?: string;
  language?: string;
};

/** The profile fields shared by registration and the profile page (server component). */
export async function ProfileFields({
  communes,
  values = {},
}: {
  communes: { id: number; name: string }[];
  values?: Values;
}) {
  const t = await getTranslations('Auth');
  const tc = await getTranslations('Common');
  const tg = await getTranslations('Genders');
  const tl = await getTranslations('Languages');
  return (
    <>
      <TextField
        name="displayName"
        label={t('displayName')}
        hint={t('displayNameHint')}
        required
        requiredMark={tc('required')}
        autoComplete="name"
        maxLength={60}
        defaultValue={values.displayName}
      />
      <TextField
        name="phone"
        type="tel"
        label={t('phone')}
        hint={t('phoneHint')}
        autoComplete="tel"
        inputMode="tel"
        maxLength={32}
        defaultValue={values.phone}
      />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        hint={t('emailHint')}
        autoComplete="email"
        inputMode="email"
        maxLength={254}
        defaultValue={values.email}
      />
      <SelectField
        name="communeId"
        label={t('commune')}
        hint={t('communeHint')}
        required
        requiredMark={tc('required')}
        defaultValue={values.communeId}
        options={[{ value: '', label: t('chooseCommune') }, ...communes.map((c) => ({ value: String(c.id), label: c.name }))]}
      />
      <fieldset className="mb-4 rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t('inclusionLegend')}</legend>
        <p className="mb-3 text-sm text-stone-700">{t('whyAsked')}</p>
        <RadioGroup
          name="gender"
          legend={t('gender')}
          defaultValue={values.gender ?? ''}
          options={[
            { value: '', label: tg('unset') },
            ...GENDERS.map((g) => ({ value: g, label: tg(g) })),
          ]}
        />
        <TextField
          name="birthYear"
          label={t('birthYear')}
          hint={t('birthYearHint')}
          inputMode="numeric"
          maxLength={4}
          defaultValue={values.birthYear}
        />
      </fieldset>
      <SelectField
        name="language"
        label={t('language')}
        defaultValue={values.language ?? 'fr'}
        options={PREFERRED_LANGUAGES.map((l) => ({ value: l, label: tl(l) }))}
      />
    </>
  );
}

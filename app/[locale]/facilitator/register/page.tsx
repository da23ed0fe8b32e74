import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { registerParticipantAction } from '@/app/actions/facilitator';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Checkbox, Hidden, RadioGroup, SelectField, TextField } from '@/components/forms/fields';
import { SlipOrFields } from '@/components/facilitator/participant-slip';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { registerParticipantPage } from '@/lib/participants/views';
import { slipTexts } from '../slip-texts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Facilitator');
  return { title: t('registerTitle'), robots: { index: false } };
}

export default async function RegisterParticipantPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = registerParticipantPage(await signedInContext(locale), { space: (await searchParams).space });
  if ('forbidden' in view) forbidden();
  const { spaces, chosen } = view;
  const t = await getTranslations('Facilitator');
  const ta = await getTranslations('Auth');
  const tc = await getTranslations('Common');
  const tg = await getTranslations('Genders');
  const tl = await getTranslations('Languages');
  const here = localePath(locale, '/facilitator/register');
  const req = { required: true, requiredMark: tc('required') };

  return (
    <div className="max-w-xl space-y-4">
      <p className="print-hidden">
        <a href={localePath(locale, '/facilitator')}>← {t('title')}</a>
      </p>
      <h1 className="print-hidden text-2xl font-bold">{t('registerTitle')}</h1>
      <p className="print-hidden">{t('registerIntro')}</p>
      <ActionForm action={registerParticipantAction} id="register-participant">
        <SlipOrFields texts={await slipTexts(locale, here, 'another')}>
          <Hidden name="locale" value={locale} />
          {spaces.length > 1 ? (
            <SelectField name="spaceId" label={t('space')} {...req} defaultValue={String(chosen.id)} options={spaces.map((s) => ({ value: String(s.id), label: s.name }))} />
          ) : (
            <>
              <Hidden name="spaceId" value={String(chosen.id)} />
              <p className="mb-4">{t('atSpace', { space: chosen.name })}</p>
            </>
          )}
          <TextField name="displayName" label={t('participantName')} hint={t('participantNameHint')} {...req} maxLength={60} />
          <SelectField
            name="communeId"
            label={t('commune')}
            {...req}
            defaultValue={String(chosen.communeId)}
            options={view.communes.map((c) => ({ value: String(c.id), label: c.name }))}
          />
          <fieldset className="mb-4 rounded border border-stone-300 p-3">
            <legend className="px-1 font-semibold">{ta('inclusionLegend')}</legend>
            <p className="mb-3 text-sm text-stone-700">{ta('whyAsked')}</p>
            <RadioGroup name="gender" legend={ta('gender')} defaultValue="" options={[{ value: '', label: tg('unset') }, ...view.genders.map((g) => ({ value: g, label: tg(g) }))]} />
            <TextField name="birthYear" label={ta('birthYear')} hint={ta('birthYearHint')} inputMode="numeric" maxLength={4} />
          </fieldset>
          <SelectField name="language" label={ta('language')} hint={t('languageHint')} defaultValue="fr" options={view.languages.map((l) => ({ value: l, label: tl(l) }))} />
          <fieldset className="mb-4 rounded border-2 border-teal-800 p-3">
            <legend className="px-1 font-semibold">{t('consentLegend')}</legend>
            <Checkbox name="consent" label={t('consent')} {...req} />
            <TextField name="consentDate" type="date" label={t('consentDate')} hint={t('consentDateHint')} {...req} defaultValue={view.today} />
          </fieldset>
          <Checkbox name="keepSlip" label={t('keepSlip')} hint={t('keepSlipHint')} />
          <SubmitButton pendingLabel={tc('sending')}>{t('registerSubmit')}</SubmitButton>
        </SlipOrFields>
      </ActionForm>
    </div>
  );
}

import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { moderationSettingsAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Notice } from '@/components/ui/notice';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { moderationSettingsPage } from '@/lib/moderation/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('settingsTitle'), robots: { index: false } };
}

export default async function ModerationSettingsPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = moderationSettingsPage(await signedInContext(locale));
  if ('forbidden' in view) forbidden();
  const sp = await searchParams;
  const t = await getTranslations('Moderation');
  const tc = await getTranslations('Common');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t('settingsTitle')}</h1>
      <ModerationNav locale={locale} mayConfigure />
      {sp.saved ? <Notice tone="success">{t('settingsSaved')}</Notice> : null}
      <ul className="space-y-4">
        {view.communes.map((c) => (
          <li key={c.id} className="rounded border border-stone-300 bg-white p-3">
            <h2 className="mb-2 font-bold">{c.name}</h2>
            <ActionForm action={moderationSettingsAction} id={`settings-${c.id}`} fieldPrefix={`settings-${c.id}`}>
              <Hidden name="locale" value={locale} />
              <Hidden name="communeId" value={String(c.id)} />
              <Hidden name="next" value={localePath(locale, '/moderation/settings')} />
              <SelectField name="mode" label={t('mode')} defaultValue={c.rules.mode} options={view.modes.map((m) => ({ value: m, label: t(`mode_${m}`) }))} />
              <div className="grid gap-x-4 sm:grid-cols-2">
                <TextField name="newAccountCount" label={t('newAccountCount')} inputMode="numeric" maxLength={2} defaultValue={String(c.rules.newAccountCount)} />
                <TextField name="reportThreshold" label={t('reportThreshold')} inputMode="numeric" maxLength={2} defaultValue={String(c.rules.reportThreshold)} />
              </div>
              <fieldset className="mb-2 rounded border border-stone-300 p-3">
                <legend className="px-1 font-semibold">{t('voicePolicy')}</legend>
                <SelectField name="voiceMode" label={t('voiceMode')} defaultValue={c.rules.voiceMode} options={view.voiceModes.map((m) => ({ value: m, label: t(`voiceMode_${m}`) }))} />
                <TextField name="voiceNewAccountCount" label={t('voiceNewAccountCount')} hint={t('voiceNewAccountCountHint')} inputMode="numeric" maxLength={2} defaultValue={String(c.rules.voiceNewAccountCount)} />
              </fieldset>
              <SubmitButton pendingLabel={tc('saving')}>{t('saveSettings')}</SubmitButton>
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { moderationSettingsAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { requireModerator } from '@/components/moderation/guard';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { PREMODERATION_MODES } from '@/db/schema';
import { localePath, type Locale } from '@/lib/i18n/config';
import { moderationRules } from '@/lib/moderation/settings';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('settingsTitle'), robots: { index: false } };
}

export default async function ModerationSettingsPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireModerator(locale);
  if (!actor || !can(actor, 'moderation.configure', undefined)) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations('Moderation');
  const tc = await getTranslations('Common');
  const db = getDb();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t('settingsTitle')}</h1>
      <ModerationNav locale={locale} isAdmin />
      {sp.saved ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t('settingsSaved')}</p> : null}
      <ul className="space-y-4">
        {listCommunes(db).map((c) => {
          const rules = moderationRules(db, c.id);
          return (
            <li key={c.id} className="rounded border border-stone-300 bg-white p-3">
              <h2 className="mb-2 font-bold">{c.name}</h2>
              <ActionForm action={moderationSettingsAction} id={`settings-${c.id}`} fieldPrefix={`settings-${c.id}`}>
                <Hidden name="locale" value={locale} />
                <Hidden name="communeId" value={String(c.id)} />
                <Hidden name="next" value={localePath(locale, '/moderation/settings')} />
                <SelectField name="mode" label={t('mode')} defaultValue={rules.mode} options={PREMODERATION_MODES.map((m) => ({ value: m, label: t(`mode_${m}`) }))} />
                <div className="grid gap-x-4 sm:grid-cols-2">
                  <TextField name="newAccountCount" label={t('newAccountCount')} inputMode="numeric" maxLength={2} defaultValue={String(rules.newAccountCount)} />
                  <TextField name="reportThreshold" label={t('reportThreshold')} inputMode="numeric" maxLength={2} defaultValue={String(rules.reportThreshold)} />
                </div>
                <SubmitButton pendingLabel={tc('saving')}>{t('saveSettings')}</SubmitButton>
              </ActionForm>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { getTranslations } from 'next-intl/server';
import { projectSettingsAction } from '@/app/actions/projects';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { projectSettingsView } from '@/lib/projects/views';

/**
 * Admin: the support threshold and collection window of citizen projects, per commune. It loads its
 * own view (lib/projects/views.ts), so the admin page only places it; it renders nothing for others.
 */
export async function ProjectSettingsSection({ locale, savedCommuneId }: { locale: string; savedCommuneId?: number }) {
  const view = projectSettingsView(await requestContext());
  if (!view) return null;
  const t = await getTranslations('ProjectSettings');
  const tc = await getTranslations('Common');
  const { communes } = view;
  const saved = communes.find((c) => c.id === savedCommuneId);
  return (
    <section aria-labelledby="project-settings-title" id="project-settings">
      <h2 id="project-settings-title" className="mb-2 text-xl font-bold">{t('title')}</h2>
      <p className="mb-3">{t('intro', view.defaults)}</p>
      {saved ? <Notice tone="success" className="mb-3">{t('saved', { commune: saved.name })}</Notice> : null}
      <table className="mb-4 w-full border-collapse bg-white text-sm">
        <caption className="sr-only">{t('title')}</caption>
        <thead>
          <tr className="border-b-2 border-stone-400 text-left">
            <th scope="col" className="p-2">{t('commune')}</th>
            <th scope="col" className="p-2">{t('threshold')}</th>
            <th scope="col" className="p-2">{t('days')}</th>
          </tr>
        </thead>
        <tbody>
          {communes.map((c) => (
            <tr key={c.id} className="border-b border-stone-200">
              <th scope="row" className="p-2 text-left font-semibold">{c.name}</th>
              <td className="p-2">{c.supportThreshold}</td>
              <td className="p-2">{c.collectionDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ActionForm action={projectSettingsAction} id="project-settings-form" fieldPrefix="ps" className="max-w-xl rounded border border-stone-300 bg-white p-3">
        <Hidden name="locale" value={locale} />
        <SelectField name="communeId" label={t('commune')} required requiredMark={tc('required')} options={communes.map((c) => ({ value: String(c.id), label: c.name }))} />
        <TextField name="supportThreshold" label={t('threshold')} hint={t('thresholdHint')} inputMode="numeric" maxLength={7} required requiredMark={tc('required')} />
        <TextField name="collectionDays" label={t('days')} hint={t('daysHint')} inputMode="numeric" maxLength={4} required requiredMark={tc('required')} defaultValue={String(view.defaults.collectionDays)} />
        <SubmitButton pendingLabel={tc('saving')}>{t('save')}</SubmitButton>
      </ActionForm>
    </section>
  );
}

import { getTranslations } from 'next-intl/server';
import { saveSpaceAction } from '@/app/actions/spaces';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { spaceAdminView } from '@/lib/spaces/views';

/**
 * Admin: the connected spaces, and a form to create one or edit the one chosen (?editSpace=slug). It
 * loads its own view (lib/spaces/views.ts), so the admin page only places it; it renders nothing for others.
 */
export async function SpaceAdminSection({ locale, saved, editing }: { locale: Locale; saved?: string; editing?: string }) {
  const view = spaceAdminView(await requestContext(), { saved, editing });
  if (!view) return null;
  const t = await getTranslations('SpaceAdmin');
  const tc = await getTranslations('Common');
  const { spaces, communes, saved: savedSpace, editing: edited } = view;
  return (
    <section aria-labelledby="spaces-title" id="spaces">
      <h2 id="spaces-title" className="mb-2 text-xl font-bold">{t('title')}</h2>
      {savedSpace ? (
        <Notice tone="success" className="mb-3">
          {t('saved', { name: savedSpace.name })}
        </Notice>
      ) : null}
      <table className="mb-4 w-full border-collapse bg-white text-sm">
        <caption className="sr-only">{t('title')}</caption>
        <thead>
          <tr className="border-b-2 border-stone-400 text-left">
            <th scope="col" className="p-2">{t('name')}</th>
            <th scope="col" className="p-2">{t('commune')}</th>
            <th scope="col" className="p-2"><span className="sr-only">{t('edit')}</span></th>
          </tr>
        </thead>
        <tbody>
          {spaces.map((s) => (
            <tr key={s.id} className="border-b border-stone-200">
              <th scope="row" className="p-2 text-left font-semibold">
                <a href={localePath(locale, `/spaces/${s.slug}`)}>{s.name}</a>
              </th>
              <td className="p-2">{s.commune}</td>
              <td className="p-2">
                <a href={localePath(locale, `/admin?editSpace=${encodeURIComponent(s.slug)}#spaces`)} aria-label={t('editNamed', { name: s.name })}>
                  {t('edit')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="mb-2 text-lg font-bold">{edited ? t('editTitle', { name: edited.name }) : t('createTitle')}</h3>
      <ActionForm action={saveSpaceAction} id="space-form" fieldPrefix="sp" className="max-w-xl rounded border border-stone-300 bg-white p-3">
        <Hidden name="locale" value={locale} />
        <Hidden name="spaceId" value={edited ? String(edited.id) : ''} />
        <TextField name="name" label={t('name')} maxLength={120} required requiredMark={tc('required')} defaultValue={edited?.name} />
        <SelectField
          name="communeId"
          label={t('commune')}
          required
          requiredMark={tc('required')}
          defaultValue={edited ? String(edited.communeId) : ''}
          options={[{ value: '', label: t('chooseCommune') }, ...communes.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
        <TextField name="address" label={t('address')} maxLength={200} defaultValue={edited?.address} />
        <TextField name="openingHours" label={t('openingHours')} hint={t('openingHoursHint')} maxLength={120} defaultValue={edited?.openingHours} />
        <SubmitButton pendingLabel={tc('saving')}>{edited ? t('saveChanges') : t('create')}</SubmitButton>
        {edited ? (
          <p className="mt-3">
            <a href={localePath(locale, '/admin#spaces')}>{t('cancelEdit')}</a>
          </p>
        ) : null}
      </ActionForm>
    </section>
  );
}

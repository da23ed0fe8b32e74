import { getTranslations } from 'next-intl/server';
import { grantRoleAction, revokeRoleAction } from '@/app/actions/admin';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import type { AdminUserPage } from '@/lib/admin/views';
import type { Locale } from '@/lib/i18n/config';
import { PostForm } from '@/components/forms/post-form';

/** The roles a person holds, each with its "Revoke" form when the admin may change them. */
export async function CurrentRoles({ locale, view }: { locale: Locale; view: AdminUserPage }) {
  const t = await getTranslations('Admin');
  const tr = await getTranslations('Roles');
  return (
    <section aria-labelledby="current">
      <h2 id="current" className="mb-2 text-xl font-bold">
        {t('roles')}
      </h2>
      <ul className="divide-y divide-stone-300 rounded border border-stone-300 bg-white">
        <li className="p-3">{tr('citizen')}</li>
        {view.grants.map((g) => (
          <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <span>
              <strong>{tr(g.role)}</strong>
              {g.title ? ` — ${g.title}` : ''}
              {g.role === 'moderator' && !g.communeId ? ` (${t('scopeAll')})` : g.commune ? ` (${g.commune})` : ''}
              {g.space ? ` (${g.space})` : ''}
            </span>
            {view.mayChangeRoles ? (
              <PostForm action={revokeRoleAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="grantId" value={g.id} />
                <input type="hidden" name="userId" value={view.user.id} />
                <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 font-semibold text-red-900">
                  {t('revoke')}
                </button>
              </PostForm>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Give a person a role, where it applies (a commune, a space) and, for an official, their title. */
export async function GrantRoleForm({ locale, view }: { locale: Locale; view: AdminUserPage }) {
  const t = await getTranslations('Admin');
  const tr = await getTranslations('Roles');
  const tc = await getTranslations('Common');
  return (
    <section aria-labelledby="grant">
      <h2 id="grant" className="mb-3 text-xl font-bold">
        {t('grantTitle', { name: view.user.displayName })}
      </h2>
      <ActionForm action={grantRoleAction} id="grant-form">
        <Hidden name="locale" value={locale} />
        <Hidden name="userId" value={String(view.user.id)} />
        <SelectField name="role" label={t('role')} required requiredMark={tc('required')} options={view.roles.map((r) => ({ value: r, label: tr(r) }))} />
        <SelectField
          name="communeId"
          label={t('scopeCommune')}
          hint={t('scopeCommuneHint')}
          options={[{ value: '', label: tc('allCommunes') }, ...view.communes.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
        <SelectField name="spaceId" label={t('space')} options={[{ value: '', label: tc('none') }, ...view.spaces.map((s) => ({ value: String(s.id), label: s.name }))]} />
        <TextField name="title" label={t('officialTitle')} hint={t('officialTitleHint')} maxLength={120} />
        <SubmitButton pendingLabel={tc('saving')}>{t('grant')}</SubmitButton>
      </ActionForm>
    </section>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { grantRoleAction, revokeRoleAction, unlockAccountAction } from '@/app/actions/admin';
import { signInLockOf } from '@/lib/accounts/unlock-account';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { listCommunes, listSpaces } from '@/db/queries/geography';
import { activeGrants, getProfile } from '@/db/queries/users';
import { ROLES } from '@/db/schema';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';
import { AdminAccessReset } from '@/components/accounts/admin-access-reset';
import { slipTexts } from '../../../facilitator/guard';
import { requireAdmin } from '../../guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin');
  return { title: t('rolesTitle'), robots: { index: false } };
}

export default async function AdminUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireAdmin(locale);
  if (!actor) return <Forbidden />;
  const userId = idParam.safeParse(id);
  if (!userId.success) notFound();
  const db = getDb();
  const user = getProfile(db, userId.data);
  if (!user) notFound();
  const sp = await searchParams;
  const t = await getTranslations('Admin');
  const tr = await getTranslations('Roles');
  const tc = await getTranslations('Common');
  const te = await getTranslations('Errors');
  const grants = activeGrants(db, user.id);
  const notice = sp.done === 'granted' ? t('granted') : sp.done === 'revoked' ? t('revoked') : sp.done === 'unlocked' ? t('unlocked') : null;
  const lockedSeconds = signInLockOf(db, user.id);
  const mayUnlock = can(actor, 'account.unlock', { userId: user.id });
  const error = typeof sp.error === 'string' && te.has(sp.error === 'not_found' ? 'notFound' : 'forbidden')
    ? te(sp.error === 'not_found' ? 'notFound' : 'forbidden')
    : null;
  const mayChange = can(actor, 'role.grant', { userId: user.id, role: 'official' });

  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <a href={localePath(locale, '/admin')}>← {t('rolesTitle')}</a>
      </p>
      <h1 className="text-2xl font-bold">{user.displayName}</h1>
      {notice ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p id="revoke-error" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      ) : null}
      {lockedSeconds > 0 ? (
        <section aria-labelledby="locked" className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">
          <h2 id="locked" className="font-bold">
            {t('lockedTitle')}
          </h2>
          <p className="mb-2">{t('lockedBody', { hours: Math.ceil(lockedSeconds / 3600) })}</p>
          {mayUnlock ? (
            <form action={unlockAccountAction} id="unlock-form">
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="userId" value={user.id} />
              <button type="submit" className="min-h-11 rounded border-2 border-amber-800 px-3 font-semibold">
                {t('unlock')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="current">
        <h2 id="current" className="mb-2 text-xl font-bold">
          {t('roles')}
        </h2>
        <ul className="divide-y divide-stone-300 rounded border border-stone-300 bg-white">
          <li className="p-3">{tr('citizen')}</li>
          {grants.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <strong>{tr(g.role)}</strong>
                {g.title ? ` — ${g.title}` : ''}
                {g.role === 'moderator' && !g.communeId ? ` (${t('scopeAll')})` : g.commune ? ` (${g.commune})` : ''}
                {g.space ? ` (${g.space})` : ''}
              </span>
              {mayChange ? (
                <form action={revokeRoleAction}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="grantId" value={g.id} />
                  <input type="hidden" name="userId" value={user.id} />
                  <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 font-semibold text-red-900">
                    {t('revoke')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {mayChange ? (
        <section aria-labelledby="grant">
          <h2 id="grant" className="mb-3 text-xl font-bold">
            {t('grantTitle', { name: user.displayName })}
          </h2>
          <ActionForm action={grantRoleAction} id="grant-form">
            <Hidden name="locale" value={locale} />
            <Hidden name="userId" value={String(user.id)} />
            <SelectField name="role" label={t('role')} required requiredMark={tc('required')} options={ROLES.map((r) => ({ value: r, label: tr(r) }))} />
            <SelectField
              name="communeId"
              label={t('scopeCommune')}
              hint={t('scopeCommuneHint')}
              options={[{ value: '', label: tc('allCommunes') }, ...listCommunes(db).map((c) => ({ value: String(c.id), label: c.name }))]}
            />
            <SelectField
              name="spaceId"
              label={t('space')}
              options={[{ value: '', label: tc('none') }, ...listSpaces(db).map((s) => ({ value: String(s.id), label: s.name }))]}
            />
            <TextField name="title" label={t('officialTitle')} hint={t('officialTitleHint')} maxLength={120} />
            <SubmitButton pendingLabel={tc('saving')}>{t('grant')}</SubmitButton>
          </ActionForm>
        </section>
      ) : null}
      <AdminAccessReset locale={locale} userId={user.id} slipTexts={await slipTexts(locale, localePath(locale, `/admin/users/${user.id}`), 'backToArea')} />
    </div>
  );
}

import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { unlockAccountAction } from '@/app/actions/admin';
import { AdminAccessReset } from '@/components/accounts/admin-access-reset';
import { CurrentRoles, GrantRoleForm } from '@/components/admin/user-roles';
import { Notice } from '@/components/ui/notice';
import { adminUserPage, type AdminUserPage } from '@/lib/admin/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { slipTexts } from '../../../facilitator/slip-texts';
import { PostForm } from '@/components/forms/post-form';

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
  const view = adminUserPage(await signedInContext(locale), { id });
  if (!view) notFound();
  if ('forbidden' in view) forbidden();
  const sp = await searchParams;
  const t = await getTranslations('Admin');
  const te = await getTranslations('Errors');
  const format = await getFormatter();
  const notice = sp.done === 'granted' ? t('granted') : sp.done === 'revoked' ? t('revoked') : sp.done === 'unlocked' ? t('unlocked') : null;
  const error = typeof sp.error === 'string' ? te(sp.error === 'not_found' ? 'notFound' : 'forbidden') : null;

  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <a href={localePath(locale, '/admin')}>← {t('rolesTitle')}</a>
      </p>
      <h1 className="text-2xl font-bold">{view.user.displayName}</h1>
      <p id="verification-state">
        {view.verified
          ? t('verifiedOn', { date: format.dateTime(new Date(view.verified.at), { dateStyle: 'long', timeZone: 'UTC' }), via: t(`verifiedVia_${view.verified.via}`) })
          : t('notVerified')}
      </p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? (
        <Notice tone="error" id="revoke-error">
          {error}
        </Notice>
      ) : null}
      {view.lockedSeconds > 0 ? <SignInLock locale={locale} view={view} /> : null}
      <CurrentRoles locale={locale} view={view} />
      {view.mayChangeRoles ? <GrantRoleForm locale={locale} view={view} /> : null}
      {view.mayResetAccess ? <AdminAccessReset locale={locale} userId={view.user.id} slipTexts={await slipTexts(locale, localePath(locale, `/admin/users/${view.user.id}`), 'backToArea')} /> : null}
    </div>
  );
}

/** The account is locked after 20 failed sign-ins in a row: how long for, and the form that lifts it. */
async function SignInLock({ locale, view }: { locale: Locale; view: AdminUserPage }) {
  const t = await getTranslations('Admin');
  return (
    <section aria-labelledby="locked" className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">
      <h2 id="locked" className="font-bold">
        {t('lockedTitle')}
      </h2>
      <p className="mb-2">{t('lockedBody', { hours: Math.ceil(view.lockedSeconds / 3600) })}</p>
      {view.mayUnlock ? (
        <PostForm action={unlockAccountAction} id="unlock-form">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="userId" value={view.user.id} />
          <button type="submit" className="min-h-11 rounded border-2 border-amber-800 px-3 font-semibold">
            {t('unlock')}
          </button>
        </PostForm>
      ) : null}
    </section>
  );
}

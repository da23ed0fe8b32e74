import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { ProfileSection } from '@/components/account/profile-section';
import { RolesList } from '@/components/account/roles-list';
import { SecretSection } from '@/components/account/secret-section';
import { SessionsSection } from '@/components/account/sessions-section';
import { SuspensionPanel } from '@/components/account/suspension-panel';
import { Notice } from '@/components/ui/notice';
import { accountPage } from '@/lib/accounts/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Account');
  return { title: t('title'), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = accountPage(await signedInContext(locale));
  if (!view) redirect(localePath(locale, '/login'));
  const sp = await searchParams;
  // Right after signing in, a participant still holding the PIN of their slip is offered to choose their own.
  if (view.pinChoicePending && sp.signedin) redirect(localePath(locale, '/account/pin'));
  const t = await getTranslations('Account');
  const ta = await getTranslations('Auth');
  const th = await getTranslations('Hidden');
  const tas = await getTranslations('Assisted');

  return (
    <div className="max-w-xl space-y-10">
      <div>
        <h1 className="mb-2 text-2xl font-bold">{t('title')}</h1>
        {sp.welcome ? <Notice tone="success">{ta('registered')}</Notice> : null}
        {view.suspension ? <SuspensionPanel locale={locale} suspension={view.suspension} /> : null}
        {sp.pin === 'changed' ? (
          <Notice tone="success" className="mt-3">
            {t('pinChanged')}
          </Notice>
        ) : null}
        {sp.appealed ? (
          <Notice tone="success" className="mt-3">
            {th('appealSent')}
          </Notice>
        ) : null}
      </div>

      <RolesList grants={view.grants} />

      <section aria-labelledby="assisted">
        <h2 id="assisted" className="mb-2 text-xl font-bold">
          {tas('accountTitle')}
        </h2>
        <p className="mb-2">{tas('accountIntro')}</p>
        <a href={localePath(locale, '/account/assisted')} id="assisted-link">
          {tas('accountLink')}
        </a>
      </section>

      <ProfileSection locale={locale} profile={view.profile} communes={view.communes} isParticipant={view.isParticipant} />
      <SecretSection locale={locale} isParticipant={view.isParticipant} />
      <SessionsSection locale={locale} sessions={view.sessions} otherSessions={view.otherSessions} outcome={one(sp.sessions)} />
    </div>
  );
}

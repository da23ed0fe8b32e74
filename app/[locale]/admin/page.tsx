import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ProjectSettingsSection } from '@/components/projects/project-settings-section';
import { SpaceAdminSection } from '@/components/spaces/space-admin-section';
import { adminPage, type AdminPage } from '@/lib/admin/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin');
  return { title: t('title'), robots: { index: false } };
}

export default async function AdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const view = adminPage(await signedInContext(locale), { q: sp.q });
  if ('forbidden' in view) forbidden();
  const t = await getTranslations('Admin');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <a href={localePath(locale, '/admin/audit')}>{t('audit')}</a>
        <a href={localePath(locale, '/admin/messages')}>{t('messages')}</a>
      </p>
      <RolesSearch locale={locale} view={view} />
      <SpaceAdminSection
        locale={locale}
        saved={typeof sp.space === 'string' ? sp.space : undefined}
        editing={typeof sp.editSpace === 'string' ? sp.editSpace : undefined}
      />
      <ProjectSettingsSection locale={locale} savedCommuneId={typeof sp.projectSettings === 'string' ? Number(sp.projectSettings) : undefined} />
    </div>
  );
}

/** Find a person by name, phone or e-mail, to open their roles. */
async function RolesSearch({ locale, view }: { locale: Locale; view: AdminPage }) {
  const t = await getTranslations('Admin');
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title" className="mb-2 text-xl font-bold">
        {t('rolesTitle')}
      </h2>
      <p className="mb-3">{t('rolesIntro')}</p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="q" className="mb-1 block font-semibold">
            {t('searchLabel')}
          </label>
          <input id="q" name="q" type="search" defaultValue={view.q} maxLength={100} className="block w-full rounded border-2 border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">
          {t('search')}
        </button>
      </form>
      {view.users.length === 0 ? (
        <p>{t('noResults')}</p>
      ) : (
        <ul className="divide-y divide-stone-300 rounded border border-stone-300 bg-white">
          {view.users.map((u) => (
            <li key={u.id} className="p-3">
              <a href={localePath(locale, `/admin/users/${u.id}`)} className="font-semibold">
                {u.displayName}
              </a>{' '}
              <span className="text-sm text-stone-700">{[u.phone, u.email, u.commune].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

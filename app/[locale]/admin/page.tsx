import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ProjectSettingsSection } from '@/components/projects/project-settings-section';
import { SpaceAdminSection } from '@/components/spaces/space-admin-section';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { searchUsers } from '@/db/queries/users';
import { localePath, type Locale } from '@/lib/i18n/config';
import { requireAdmin } from './guard';

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
  if (!(await requireAdmin(locale))) return <Forbidden />;
  const t = await getTranslations('Admin');
  const sp = await searchParams;
  const q = typeof sp.q === 'string' ? sp.q.trim().slice(0, 100) : '';
  const users = searchUsers(getDb(), q);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <a href={localePath(locale, '/admin/audit')}>{t('audit')}</a>
        <a href={localePath(locale, '/admin/messages')}>{t('messages')}</a>
      </p>
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
            <input id="q" name="q" type="search" defaultValue={q} maxLength={100} className="block w-full rounded border-2 border-stone-500 bg-white px-3 py-2" />
          </div>
          <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">
            {t('search')}
          </button>
        </form>
        {users.length === 0 ? (
          <p>{t('noResults')}</p>
        ) : (
          <ul className="divide-y divide-stone-300 rounded border border-stone-300 bg-white">
            {users.map((u) => (
              <li key={u.id} className="p-3">
                <a href={localePath(locale, `/admin/users/${u.id}`)} className="font-semibold">
                  {u.displayName}
                </a>{' '}
                <span className="text-sm text-stone-700">
                  {[u.phone, u.email, u.commune].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SpaceAdminSection
        locale={locale}
        saved={typeof sp.space === 'string' ? sp.space : undefined}
        editing={typeof sp.editSpace === 'string' ? sp.editSpace : undefined}
      />
      <ProjectSettingsSection locale={locale} savedCommuneId={typeof sp.projectSettings === 'string' ? Number(sp.projectSettings) : undefined} />
    </div>
  );
}

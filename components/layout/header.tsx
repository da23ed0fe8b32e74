import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { unreadCount } from '@/db/queries/notifications';
import { signOutAction } from '@/app/actions/auth';
import { chooseCommuneAction } from '@/app/actions/commune';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can, type Actor } from '@/lib/permissions';
import { LanguageSwitcher } from './language-switcher';

export async function Header({
  locale,
  actor,
  selectedCommuneId,
  path,
}: {
  /** the page's path without locale, when the URL the server sees is not the one the reader sees */
  path?: string;
  locale: Locale;
  actor: (Actor & { displayName: string }) | null;
  selectedCommuneId: number | null;
}) {
  const t = await getTranslations('Nav');
  const tl = await getTranslations('Languages');
  const tc = await getTranslations('Common');
  const communes = listCommunes(getDb());
  const unread = actor ? unreadCount(getDb(), actor.id) : 0;
  const href = (p: string) => localePath(locale, p);

  return (
    <header className="border-b border-stone-300 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
      >
        {t('skip')}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <a href={href('/')} className="text-2xl font-extrabold text-teal-900 no-underline">
          {tc('appName')}
        </a>
        <LanguageSwitcher current={locale} label={t('language')} names={{ fr: tl('fr'), en: tl('en') }} path={path} />
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-end justify-between gap-3 px-4 pb-3">
        <nav aria-label={t('main')}>
          <ul className="flex flex-wrap gap-4">
            <li>
              <a href={href('/')}>{t('home')}</a>
            </li>
            <li>
              <a href={href('/topics')}>{t('topics')}</a>
            </li>
            <li>
              <a href={href('/projects')}>{t('projects')}</a>
            </li>
            <li>
              <a href={href('/spaces')}>{t('spaces')}</a>
            </li>
            <li>
              <a href={href('/stats')}>{t('stats')}</a>
            </li>
            <li>
              <a href={href('/search')}>{t('search')}</a>
            </li>
            {actor ? (
              <li>
                <a href={href('/notifications')}>
                  {unread > 0 ? t('notificationsUnread', { count: unread }) : t('notifications')}
                </a>
              </li>
            ) : null}
            {can(actor, 'moderation.access', undefined) ? (
              <li>
                <a href={href('/moderation')}>{t('moderation')}</a>
              </li>
            ) : null}
            {can(actor, 'admin.access', undefined) ? (
              <li>
                <a href={href('/admin')}>{t('admin')}</a>
              </li>
            ) : null}
          </ul>
        </nav>
        <form action={chooseCommuneAction} className="flex items-end gap-2">
          <input type="hidden" name="locale" value={locale} />
          <div>
            <label htmlFor="header-commune" className="block text-sm font-semibold">
              {t('communeSelector')}
            </label>
            <select
              id="header-commune"
              name="communeId"
              defaultValue={selectedCommuneId ? String(selectedCommuneId) : ''}
              className="min-h-11 rounded border-2 border-stone-500 bg-white px-2"
            >
              <option value="">{tc('allCommunes')}</option>
              {communes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">
            {t('communeChoose')}
          </button>
        </form>
        <div aria-label={t('accountMenu')} role="group" className="flex flex-wrap items-center gap-3">
          {actor ? (
            <>
              <a href={href('/account')}>{t('signedInAs', { name: actor.displayName })}</a>
              <form action={signOutAction}>
                <input type="hidden" name="locale" value={locale} />
                <button
                  type="submit"
                  className="min-h-11 rounded bg-stone-800 px-4 font-semibold text-white hover:bg-stone-950"
                >
                  {t('logout')}
                </button>
              </form>
            </>
          ) : (
            <>
              <a href={href('/login')}>{t('login')}</a>
              <a
                href={href('/register')}
                className="rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:bg-teal-900 hover:text-white"
              >
                {t('register')}
              </a>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { unreadCount } from '@/db/queries/notifications';
import { signOutAction } from '@/app/actions/auth';
import { chooseCommuneAction } from '@/app/actions/commune';
import { env } from '@/lib/env';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can, type Actor } from '@/lib/permissions';
import type { SharedSessionState } from '@/lib/shared-devices/device-sessions';
import { requestPath } from '@/lib/request-url';
import { DemoBanner } from './demo-banner';
import { LanguageSwitcher } from './language-switcher';
import { SharedSessionTimer } from './shared-session-timer';

export async function Header({
  locale,
  actor,
  selectedCommuneId,
  path,
}: {
  /** the page's path without locale, for pages rendered without a request (served from the cache) */
  path?: string;
  locale: Locale;
  actor: (Actor & { displayName: string; sharedSession?: SharedSessionState }) | null;
  selectedCommuneId: number | null;
}) {
  const t = await getTranslations('Nav');
  const tl = await getTranslations('Languages');
  const tc = await getTranslations('Common');
  const td = await getTranslations('Demo');
  const communes = listCommunes(getDb());
  const unread = actor ? unreadCount(getDb(), actor.id) : 0;
  const href = (p: string) => localePath(locale, p);
  const shared = actor?.sharedSession ? await SharedComputerBar({ locale, name: actor.displayName, session: actor.sharedSession }) : null;

  return (
    <>
    {shared}
    <DemoBanner texts={[{ label: td('label'), banner: td('banner') }]} />
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
        <LanguageSwitcher current={locale} label={t('language')} names={{ fr: tl('fr'), en: tl('en') }} path={path ?? (await requestPath())} />
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
              <a href={href('/meetings')}>{t('meetings')}</a>
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
          {can(actor, 'facilitator.access', undefined) ? (
            <a href={href('/facilitator')} id="facilitator-link">
              {t('facilitator')}
            </a>
          ) : null}
          {actor?.sharedSession ? (
            <a href={href('/account')}>{t('signedInAs', { name: actor.displayName })}</a>
          ) : actor ? (
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
    </>
  );
}

/**
 * On a shared computer: a bar that stays at the top of the screen with a large "End my session"
 * button (a plain form, so it works without JavaScript), the warning before the idle limit, and,
 * without JavaScript, a refresh that leaves the page when the session has ended on the server.
 */
async function SharedComputerBar({ locale, name, session }: { locale: Locale; name: string; session: SharedSessionState }) {
  const t = await getTranslations('SharedDevice');
  const idleMs = env().SHARED_IDLE_MINUTES * 60_000;
  const remainingMs = Math.max(0, session.remainingMs);
  const endedHref = localePath(locale, '/login?idle=1');
  return (
    <div id="shared-computer-bar" className="sticky top-0 z-40 border-b-4 border-stone-950 bg-red-900 text-white">
      <noscript>
        <meta httpEquiv="refresh" content={`${Math.ceil(remainingMs / 1000) + 1};url=${endedHref}`} />
      </noscript>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <p className="font-semibold">{t('bar', { name })}</p>
        <form action={signOutAction}>
          <input type="hidden" name="locale" value={locale} />
          <button
            type="submit"
            id="end-session"
            className="min-h-12 rounded border-2 border-white bg-white px-6 text-lg font-extrabold text-red-950 hover:bg-red-50 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-yellow-300"
          >
            {t('end')}
          </button>
        </form>
      </div>
      <SharedSessionTimer
        key={session.expiresAt.toISOString()}
        remainingMs={remainingMs}
        warnMs={Math.min(60_000, idleMs / 2)}
        endedHref={endedHref}
        message={t('warning')}
        keepLabel={t('keep')}
      />
    </div>
  );
}

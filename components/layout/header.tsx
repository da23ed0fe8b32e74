import { getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/icons';
import { languageAutonyms, localePath, type Locale } from '@/lib/i18n/config';
import type { HeaderView } from '@/lib/layout/header-view';
import { requestPath } from '@/lib/request-url';
import { AccountMenu } from './account-menu';
import { CommuneChooser } from './commune-chooser';
import { DemoBanner } from './demo-banner';
import { DataSaverToggle } from './data-saver-toggle';
import { LanguageSwitcher } from './language-switcher';
import { MainNav } from './main-nav';
import { SharedComputerBar } from './shared-computer-bar';
import { TaskBar } from './task-bar';

/**
 * The top of every page, compact enough for a 360 × 740 phone (issue 17 §7: at most a quarter of the
 * screen): the name, a search box and a menu that opens without JavaScript (<details>), then the main
 * tasks as icons with labels and the data-saver toggle. The menu holds the sections, the account, the
 * commune and the languages. On a shared computer its bar comes first; on a demo site, the demo banner.
 */
export async function Header({
  locale,
  view,
  selectedCommuneId,
  path,
}: {
  locale: Locale;
  /** lib/layout/header-view.ts */
  view: HeaderView;
  selectedCommuneId: number | null;
  /** the page's path without locale, for pages rendered without a request (served from the cache) */
  path?: string;
}) {
  const t = await getTranslations('Nav');
  const tc = await getTranslations('Common');
  const td = await getTranslations('Demo');
  const person = view.person;
  const here = path ?? (await requestPath());
  const unread = person?.unread ?? 0;
  return (
    <>
      {person?.sharedSession ? <SharedComputerBar locale={locale} name={person.displayName} session={person.sharedSession} /> : null}
      {view.demo ? <DemoBanner texts={[{ label: td('label'), banner: td('banner') }]} /> : null}
      <header className="relative border-b border-stone-300 bg-white">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t('skip')}
        </a>
        <div className="mx-auto flex max-w-5xl items-center gap-2 px-3 pt-2">
          <a href={localePath(locale, '/')} className="text-2xl font-extrabold text-teal-900 no-underline">
            {tc('appName')}
          </a>
          {/* A GET form (the default method): works without JavaScript. */}
          <form role="search" action={localePath(locale, '/search')} className="flex min-w-0 flex-1">
            <label htmlFor="header-q" className="sr-only">
              {t('searchLabel')}
            </label>
            <input id="header-q" name="q" type="search" maxLength={200} className="min-h-11 w-full min-w-0 rounded-l border-2 border-r-0 border-stone-500 bg-white px-2" />
            <button type="submit" className="flex min-h-11 min-w-11 items-center justify-center rounded-r border-2 border-teal-800 bg-teal-800 text-white">
              <Icon name="search" />
              <span className="sr-only">{t('search')}</span>
            </button>
          </form>
          <details id="site-menu" className="group">
            <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded border-2 border-stone-500 px-2 font-semibold [&::-webkit-details-marker]:hidden">
              <Icon name="menu" />
              <span>{t('menu')}</span>
              {unread > 0 ? (
                <span className="rounded-full bg-red-800 px-1.5 text-sm text-white">
                  {unread}
                  <span className="sr-only"> {t('unreadShort')}</span>
                </span>
              ) : null}
            </summary>
            <div className="absolute inset-x-0 top-full z-40 border-b-2 border-stone-400 bg-white shadow-lg">
              <div className="mx-auto grid max-w-5xl gap-5 px-4 py-4 sm:grid-cols-2">
                <MainNav locale={locale} view={view} />
                <div className="space-y-5">
                  <AccountMenu locale={locale} view={view} />
                  <CommuneChooser locale={locale} communes={view.communes} selectedCommuneId={selectedCommuneId} />
                  <div>
                    <p className="mb-1 flex items-center gap-2 text-sm font-semibold">
                      <Icon name="language" className="h-5 w-5" />
                      {t('language')}
                    </p>
                    <LanguageSwitcher current={locale} label={t('language')} names={languageAutonyms} path={here} />
                  </div>
                </div>
              </div>
            </div>
          </details>
        </div>
        <div className="mx-auto flex max-w-5xl items-stretch gap-1 px-2 py-1">
          <TaskBar locale={locale} />
          <DataSaverToggle locale={locale} path={here} />
        </div>
      </header>
    </>
  );
}

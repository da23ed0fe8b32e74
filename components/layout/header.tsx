import { getTranslations } from 'next-intl/server';
import { languageAutonyms, localePath, type Locale } from '@/lib/i18n/config';
import type { HeaderView } from '@/lib/layout/header-view';
import { requestPath } from '@/lib/request-url';
import { AccountMenu } from './account-menu';
import { CommuneChooser } from './commune-chooser';
import { DemoBanner } from './demo-banner';
import { LanguageSwitcher } from './language-switcher';
import { MainNav } from './main-nav';
import { SharedComputerBar } from './shared-computer-bar';

/**
 * The top of every page: on a shared computer its bar, on a demo site the demo banner, then the name,
 * languages, menu, commune and account.
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
  return (
    <>
      {person?.sharedSession ? <SharedComputerBar locale={locale} name={person.displayName} session={person.sharedSession} /> : null}
      {view.demo ? <DemoBanner texts={[{ label: td('label'), banner: td('banner') }]} /> : null}
      <header className="border-b border-stone-300 bg-white">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t('skip')}
        </a>
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <a href={localePath(locale, '/')} className="text-2xl font-extrabold text-teal-900 no-underline">
            {tc('appName')}
          </a>
          <LanguageSwitcher current={locale} label={t('language')} names={languageAutonyms} path={path ?? (await requestPath())} />
        </div>
        <div className="mx-auto flex max-w-5xl flex-wrap items-end justify-between gap-3 px-4 pb-3">
          <MainNav locale={locale} view={view} />
          <CommuneChooser locale={locale} communes={view.communes} selectedCommuneId={selectedCommuneId} />
          <AccountMenu locale={locale} view={view} />
        </div>
      </header>
    </>
  );
}

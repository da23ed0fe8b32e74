import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/actions/auth';
import { Icon } from '@/components/ui/icons';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { HeaderView } from '@/lib/layout/header-view';
import { PostForm } from '@/components/forms/post-form';

/**
 * Who is signed in, and signing out; or signing in and registering. On a shared computer, signing out is
 * the bar's large button instead.
 */
export async function AccountMenu({ locale, view }: { locale: Locale; view: HeaderView }) {
  const t = await getTranslations('Nav');
  const href = (p: string) => localePath(locale, p);
  const person = view.person;
  return (
    <div aria-label={t('accountMenu')} role="group" className="flex flex-wrap items-center gap-3">
      {view.links.facilitator ? (
        <a href={href('/facilitator')} id="facilitator-link" className="flex min-h-11 items-center gap-2">
          <Icon name="helped" className="h-5 w-5" />
          {t('facilitator')}
        </a>
      ) : null}
      {person ? (
        <a href={href('/account')} className="flex min-h-11 items-center gap-2">
          <Icon name="user" className="h-5 w-5" />
          {t('signedInAs', { name: person.displayName })}
        </a>
      ) : null}
      {person && !person.sharedSession ? (
        <PostForm action={signOutAction} id="logout-form">
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="min-h-11 rounded bg-stone-800 px-4 font-semibold text-white hover:bg-stone-950">
            {t('logout')}
          </button>
        </PostForm>
      ) : null}
      {person ? null : (
        <>
          <a href={href('/login')} className="flex min-h-11 items-center gap-2">
            <Icon name="login" className="h-5 w-5" />
            {t('login')}
          </a>
          <a href={href('/register')} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:bg-teal-900 hover:text-white">
            {t('register')}
          </a>
        </>
      )}
    </div>
  );
}

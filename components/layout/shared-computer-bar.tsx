import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/actions/auth';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { SharedSessionView } from '@/lib/layout/header-view';
import { SharedSessionTimer } from './shared-session-timer';
import { PostForm } from '@/components/forms/post-form';

/**
 * On a shared computer: a bar that stays at the top of the screen with a large "End my session"
 * button (a plain form, so it works without JavaScript), the warning before the idle limit, and,
 * without JavaScript, a refresh that leaves the page when the session has ended on the server.
 */
export async function SharedComputerBar({ locale, name, session }: { locale: Locale; name: string; session: SharedSessionView }) {
  const t = await getTranslations('SharedDevice');
  const remainingMs = Math.max(0, session.remainingMs);
  const endedHref = localePath(locale, '/login?idle=1');
  return (
    <div id="shared-computer-bar" className="sticky top-0 z-40 border-b-4 border-stone-950 bg-red-900 text-white">
      <noscript>
        <meta httpEquiv="refresh" content={`${Math.ceil(remainingMs / 1000) + 1};url=${endedHref}`} />
      </noscript>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <p className="font-semibold">{t('bar', { name })}</p>
        <PostForm action={signOutAction}>
          <input type="hidden" name="locale" value={locale} />
          <button
            type="submit"
            id="end-session"
            className="min-h-12 rounded border-2 border-white bg-white px-6 text-lg font-extrabold text-red-950 hover:bg-red-50 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-yellow-300"
          >
            {t('end')}
          </button>
        </PostForm>
      </div>
      <SharedSessionTimer
        key={session.expiresAt}
        remainingMs={remainingMs}
        warnMs={Math.min(60_000, session.idleMs / 2)}
        endedHref={endedHref}
        message={t('warning')}
        keepLabel={t('keep')}
      />
    </div>
  );
}

import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale, localePath } from '@/lib/i18n/config';
import './globals.css';

/**
 * Paths that match no route. Rendered as a whole document on the server (so it shows without
 * JavaScript), in the language of the URL that the proxy detected.
 */
export default async function GlobalNotFound() {
  const raw = await getLocale().catch(() => 'fr');
  const locale = isLocale(raw) ? raw : 'fr';
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  const tc = await getTranslations({ locale, namespace: 'Common' });
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <header className="border-b border-stone-300 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-3">
            <a href={localePath(locale, '/')} className="text-2xl font-extrabold text-teal-900 no-underline">
              {tc('appName')}
            </a>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
          <p className="mb-4">{t('body')}</p>
          <a href={localePath(locale, '/')}>{t('home')}</a>
        </main>
      </body>
    </html>
  );
}

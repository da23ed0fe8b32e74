import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';

/**
 * The page the service worker (sw/sw.ts) shows when a page cannot be reached and was not read before.
 * Rendered once per language at build time (proxy.ts serves /offline, /en/offline… from here) and
 * precached by the service worker, which writes the list of pages kept on this device into
 * #offline-list when it serves it. Nothing personal: the same page for everybody.
 */
export const dynamic = 'force-static';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Offline' });
  return { title: t('title'), robots: { index: false } };
}

export default async function OfflinePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Offline' });
  const tc = await getTranslations({ locale, namespace: 'Common' });
  const empty = `<p>${escapeHtml(t('empty'))}</p>`;
  return (
    <>
      <header className="border-b border-stone-300 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-3">
          <a href={localePath(locale, '/')} className="text-2xl font-extrabold text-teal-900 no-underline">
            {tc('appName')}
          </a>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
        <p className="mb-4">{t('intro')}</p>
        <h2 className="mb-2 text-xl font-bold">{t('savedTitle')}</h2>
        {/* Filled by the service worker; React leaves the inside of dangerouslySetInnerHTML alone when it hydrates. */}
        <div id="offline-list" className="mb-4" dangerouslySetInnerHTML={{ __html: empty }} />
        <p className="mb-4">{t('outboxNote')}</p>
        <p>
          <a href="" className="inline-block min-h-11 rounded bg-teal-800 px-5 py-2 font-semibold text-white no-underline hover:bg-teal-900 hover:text-white">
            {t('retry')}
          </a>
        </p>
      </main>
    </>
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

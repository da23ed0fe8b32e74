import type { Metadata, Viewport } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { VerifyBanner } from '@/components/accounts/verify-banner';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { SharedComputerProvider } from '@/components/forms/shared-computer';
import { OfflineSupport } from '@/components/offline/offline-support';
import { requestContext } from '@/lib/auth/request-context';
import { onSharedComputer } from '@/lib/auth/session';
import { selectedCommuneId } from '@/lib/auth/page-context';
import { routing } from '@/lib/i18n/routing';
import { headerView } from '@/lib/layout/header-view';
import { siteUrl } from '@/lib/site-url';
import '../globals.css';

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#115e59' };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : 'fr', namespace: 'Meta' });
  return {
    title: { default: t('title'), template: `%s · Baro` },
    description: t('description'),
    icons: { icon: '/icon.svg' },
    // Installable (issue 17): a manifest per language, so the installed app opens in it.
    manifest: `/${hasLocale(routing.locales, locale) ? locale : 'fr'}/manifest.webmanifest`,
    // Canonical and language links are absolute, on PUBLIC_URL (pages set their own; the home page too).
    metadataBase: siteUrl(),
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const ctx = await requestContext();
  const header = headerView(ctx);
  const shared = await onSharedComputer();
  const to = await getTranslations({ locale, namespace: 'Outbox' });
  const outboxTexts = {
    waiting: to('waiting'),
    refused: to('refused'),
    cancel: to('cancel'),
    discard: to('discard'),
    restore: to('restore'),
    pendingCount: to('pendingCount', { count: '{count}' }),
    refusedCount: to('refusedCount', { count: '{count}' }),
    see: to('see'),
    kinds: { comment: to('kindComment'), vote: to('kindVote'), support: to('kindSupport') },
  };
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <Header locale={locale} view={header} selectedCommuneId={await selectedCommuneId()} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {header.person?.unverified ? <VerifyBanner locale={locale} /> : null}
          {/* Reading and writing offline (issue 17): the service worker, the outbox; none of it on a shared computer. */}
          <OfflineSupport userId={ctx.actor?.id ?? null} shared={shared} texts={outboxTexts}>
            {/* Rendered only on a shared computer, so other visitors download none of its JavaScript. */}
            {shared ? <SharedComputerProvider shared>{children}</SharedComputerProvider> : children}
          </OfflineSupport>
        </main>
        <Footer />
      </body>
    </html>
  );
}

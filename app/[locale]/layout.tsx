import type { Metadata, Viewport } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { VerifyBanner } from '@/components/accounts/verify-banner';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { SharedComputerProvider } from '@/components/forms/shared-computer';
import { requestContext } from '@/lib/auth/request-context';
import { onSharedComputer } from '@/lib/auth/session';
import { selectedCommuneId } from '@/lib/auth/page-context';
import { routing } from '@/lib/i18n/routing';
import { headerView } from '@/lib/layout/header-view';
import { requestOrigin } from '@/lib/request-url';
import '../globals.css';

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#115e59' };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : 'fr', namespace: 'Meta' });
  return {
    title: { default: t('title'), template: `%s · Baro` },
    description: t('description'),
    icons: { icon: '/icon.svg' },
    // Canonical and language links must be absolute URLs (pages set their own; the home page too).
    metadataBase: (await requestOrigin()) ?? undefined,
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const header = headerView(await requestContext());
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <Header locale={locale} view={header} selectedCommuneId={await selectedCommuneId()} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {header.person?.unverified ? <VerifyBanner locale={locale} /> : null}
          {/* Rendered only on a shared computer, so other visitors download none of its JavaScript. */}
          {(await onSharedComputer()) ? <SharedComputerProvider shared>{children}</SharedComputerProvider> : children}
        </main>
        <Footer />
      </body>
    </html>
  );
}

import type { Metadata, Viewport } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { routing } from '@/lib/i18n/routing';
import { siteUrl } from '@/lib/site-url';
import '../../globals.css';

/**
 * Pages for anonymous readers, served from Next's cache. The proxy rewrites a GET without a session
 * cookie here (e.g. /topics/12 → /cached/fr/topics/12); nothing in this tree reads cookies or
 * headers, so the HTML is rendered once and kept until a write invalidates it.
 */
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
    metadataBase: siteUrl(),
  };
}

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export default async function CachedLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}

import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { localePath, locales } from '@/lib/i18n/config';
import { routing } from '@/lib/i18n/routing';

/**
 * The web app manifest, one per language (/fr/manifest.webmanifest, /en/…): installing Baro from an English
 * page opens it in English. Same id for all, so it is one app whatever the language it was installed in.
 * Built once (static). Linked from the layouts' metadata.
 */
export const dynamic = 'force-static';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

const THEME_COLOR = '#115e59';

export async function GET(_req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale: asked } = await params;
  const locale = hasLocale(routing.locales, asked) ? asked : 'fr';
  const t = await getTranslations({ locale, namespace: 'Manifest' });
  const manifest = {
    id: '/',
    name: t('name'),
    short_name: t('shortName'),
    description: t('description'),
    lang: locale,
    dir: 'ltr',
    start_url: localePath(locale, '/'),
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#fafaf9',
    theme_color: THEME_COLOR,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}

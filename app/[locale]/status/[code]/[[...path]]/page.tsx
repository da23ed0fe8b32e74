import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { StatusMessage } from '@/components/ui/status-message';
import { requestContext } from '@/lib/auth/request-context';
import type { Locale } from '@/lib/i18n/config';

type Props = { params: Promise<{ locale: Locale; code: string; path?: string[] }> };

const codeOf = (code: string) => (code === '404' ? 404 : code === '403' ? 403 : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = codeOf((await params).code);
  if (!code) return {};
  const t = await getTranslations(code === 404 ? 'NotFound' : 'Forbidden');
  return { title: t('title'), robots: { index: false } };
}

/**
 * The 404 and 403 pages as documents: scripts/server.mjs answers a page that called notFound() or
 * forbidden() with this one (/topics/9 → /status/404/topics/9), status kept, since Next 16 sends such a
 * page as an empty document drawn by JavaScript (lib/light/status-pages.mjs).
 */
export default async function StatusPage({ params }: Props) {
  const { locale, code, path } = await params;
  setRequestLocale(locale);
  const status = codeOf(code);
  if (!status) notFound();
  const ctx = await requestContext();
  return <StatusMessage code={status} locale={locale} path={`/${(path ?? []).map(encodeURIComponent).join('/')}`} signedIn={ctx.actor !== null} />;
}

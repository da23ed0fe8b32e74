import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { TopicView } from '@/components/topics/topic-view';
import { publicContext } from '@/lib/auth/request-context';
import { headerView } from '@/lib/layout/header-view';
import { localePath, locales, type Locale } from '@/lib/i18n/config';
import { topicPage, topicPageMeta } from '@/lib/topics/topic-page-view';

/**
 * Cached until a write to the topic invalidates it (app/actions/cache.ts); at most a minute, so that a
 * close by the scheduler (lib/scheduler.ts) shows.
 */
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, locale } = await params;
  // Served to anonymous readers only: read as an anonymous visitor (publicContext reads no cookie).
  const topic = topicPageMeta(publicContext(), id, locale);
  if (!topic) return {};
  const t = await getTranslations({ locale, namespace: 'Topic' });
  return {
    title: topic.title,
    description: topic.summary,
    alternates: {
      types: { 'application/atom+xml': [{ url: `/feeds/${topic.communeSlug}.atom`, title: t('feed', { commune: topic.commune }) }] },
      // Absolute on PUBLIC_URL (the layout's metadataBase), which every deployment has.
      languages: Object.fromEntries(locales.map((l) => [l, localePath(l, `/topics/${topic.id}`)])),
      canonical: localePath(locale, `/topics/${topic.id}`),
    },
  };
}

export default async function CachedTopicPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const ctx = publicContext();
  const view = topicPage(ctx, { id, sp: {}, locale });
  if (!view) notFound();
  return (
    <>
      <Header locale={locale} view={headerView(ctx)} selectedCommuneId={null} path={`/topics/${view.id}`} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        <TopicView view={view} locale={locale} />
      </main>
      <Footer />
    </>
  );
}

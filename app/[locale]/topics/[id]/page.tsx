import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { TopicView } from '@/components/topics/topic-view';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, locales, type Locale } from '@/lib/i18n/config';
import { topicPage, topicPageMeta } from '@/lib/topics/topic-page-view';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, locale } = await params;
  const topic = topicPageMeta(await requestContext(), id, locale);
  if (!topic) return {};
  const t = await getTranslations('Topic');
  return {
    title: topic.title,
    description: topic.summary,
    alternates: {
      types: { 'application/atom+xml': [{ url: `/feeds/${topic.communeSlug}.atom`, title: t('feed', { commune: topic.commune }) }] },
      languages: Object.fromEntries(locales.map((l) => [l, localePath(l, `/topics/${topic.id}`)])),
      canonical: localePath(locale, `/topics/${topic.id}`),
    },
  };
}

/** A topic, for a signed-in reader (anonymous readers get app/cached/[locale]/topics/[id] through proxy.ts). */
export default async function TopicPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  const view = topicPage(ctx, { id, sp: await searchParams, locale });
  if (!view) notFound();
  return <TopicView view={view} locale={locale} />;
}

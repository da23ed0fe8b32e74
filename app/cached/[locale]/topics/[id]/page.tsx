import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { TopicView } from '@/components/topics/topic-view';
import { getDb } from '@/db/client';
import { getTopicView } from '@/db/queries/topics';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

/** Cached until a write to the topic invalidates it; at most a minute, so an automatic close shows. */
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: Locale; id: string }> };

function publicTopic(id: string) {
  const topicId = idParam.safeParse(id);
  if (!topicId.success) return null;
  const view = getTopicView(getDb(), topicId.data);
  // Served to anonymous readers only: read as an anonymous visitor.
  if (!view || !can(null, 'topic.read', view.topic)) return null;
  return view;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, locale } = await params;
  const view = publicTopic(id);
  if (!view) return {};
  const t = await getTranslations({ locale, namespace: 'Topic' });
  return {
    title: view.topic.title,
    description: view.topic.summary,
    alternates: {
      types: { 'application/atom+xml': [{ url: `/feeds/${view.communeSlug}.atom`, title: t('feed', { commune: view.commune }) }] },
      languages: { fr: `/topics/${view.topic.id}`, en: `/en/topics/${view.topic.id}` },
      canonical: localePath(locale, `/topics/${view.topic.id}`),
    },
  };
}

export default async function CachedTopicPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = publicTopic(id);
  if (!view) notFound();
  return (
    <>
      <Header locale={locale} actor={null} selectedCommuneId={null} path={`/topics/${view.topic.id}`} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        <TopicView locale={locale} view={view} actor={null} sp={{}} />
      </main>
      <Footer />
    </>
  );
}

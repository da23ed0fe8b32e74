import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { TopicView } from '@/components/topics/topic-view';
import { getDb } from '@/db/client';
import { getTopicView } from '@/db/queries/topics';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The topic if this reader may see it (drafts and held topics: the commune's officials and admins). */
async function loadVisibleTopic(id: string) {
  const topicId = idParam.safeParse(id);
  if (!topicId.success) return null;
  const view = getTopicView(getDb(), topicId.data);
  if (!view) return null;
  const actor = await getActor();
  if (!can(actor, 'topic.read', view.topic)) return null;
  return { view, actor };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, locale } = await params;
  const loaded = await loadVisibleTopic(id);
  if (!loaded) return {};
  const { topic, communeSlug, commune } = loaded.view;
  const t = await getTranslations('Topic');
  return {
    title: topic.title,
    description: topic.summary,
    alternates: {
      types: { 'application/atom+xml': [{ url: `/feeds/${communeSlug}.atom`, title: t('feed', { commune }) }] },
      languages: { fr: `/topics/${topic.id}`, en: `/en/topics/${topic.id}` },
      canonical: localePath(locale, `/topics/${topic.id}`),
    },
  };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const loaded = await loadVisibleTopic(id);
  if (!loaded) notFound();
  return <TopicView locale={locale} view={loaded.view} actor={loaded.actor} sp={await searchParams} />;
}

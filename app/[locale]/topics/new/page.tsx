import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { TopicForm } from '@/components/topics/topic-form';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('TopicForm');
  return { title: t('newTitle'), robots: { index: false } };
}

export default async function NewTopicPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  const communes = listCommunes(getDb()).filter((c) => can(actor, 'topic.create', { communeId: c.id }));
  if (communes.length === 0) notFound();
  const t = await getTranslations('TopicForm');
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">{t('newTitle')}</h1>
      <p className="mb-6">{t('intro')}</p>
      <TopicForm locale={locale} communes={communes} />
    </div>
  );
}

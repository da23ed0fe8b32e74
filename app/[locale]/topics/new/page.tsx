import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { TopicForm } from '@/components/topics/topic-form';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { newTopicPage } from '@/lib/topics/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('TopicForm');
  return { title: t('newTitle'), robots: { index: false } };
}

export default async function NewTopicPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = newTopicPage(await requestContext());
  if (view === 'signIn') redirect(localePath(locale, '/login'));
  if (!view) notFound();
  const t = await getTranslations('TopicForm');
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">{t('newTitle')}</h1>
      <p className="mb-6">{t('intro')}</p>
      <TopicForm locale={locale} communes={view.communes} />
    </div>
  );
}

import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { topicRevisionList } from '@/db/queries/topics';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { renderMarkdown } from '@/lib/markdown';
import { findTopic } from '@/lib/topics/load';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Revisions');
  return { title: t('intro') };
}

export default async function RevisionsPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const topicId = idParam.safeParse(id);
  if (!topicId.success) notFound();
  const db = getDb();
  const topic = findTopic(db, topicId.data);
  if (!topic || !can(await getActor(), 'topic.read', topic)) notFound();
  const t = await getTranslations('Revisions');
  const format = await getFormatter();
  const revisions = topicRevisionList(db, topic.id);
  return (
    <div className="space-y-6">
      <p>
        <a href={localePath(locale, `/topics/${topic.id}`)}>← {topic.title}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('title', { title: topic.title })}</h1>
      <p>{t('intro')}</p>
      {revisions.length === 0 ? <p>{t('empty')}</p> : null}
      <ol className="space-y-4">
        {revisions.map((r) => (
          <li key={r.id} className="rounded border border-stone-300 bg-white p-3">
            <p className="mb-2 text-sm text-stone-700">{t('version', { date: format.dateTime(new Date(r.createdAt), 'long'), name: r.editor ?? '—' })}</p>
            <h2 className="text-lg font-bold">{r.title}</h2>
            <p className="mb-2">{r.summary}</p>
            <div className="prose-baro" dangerouslySetInnerHTML={{ __html: renderMarkdown(r.body) }} />
          </li>
        ))}
      </ol>
    </div>
  );
}

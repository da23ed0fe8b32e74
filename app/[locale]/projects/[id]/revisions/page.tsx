import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { projectRevisionList } from '@/lib/projects/queries';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { findProject } from '@/lib/projects/load';
import { mayViewProject } from '@/lib/projects/readers';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ProjectRevisions');
  return { title: t('intro') };
}

export default async function ProjectRevisionsPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const projectId = idParam.safeParse(id);
  if (!projectId.success) notFound();
  const db = getDb();
  const project = findProject(db, projectId.data);
  if (!project || !mayViewProject(db, await getActor(), project)) notFound();
  const t = await getTranslations('ProjectRevisions');
  const tp = await getTranslations('Project');
  const format = await getFormatter();
  const revisions = projectRevisionList(db, project.id);
  return (
    <div className="space-y-6">
      <p>
        <a href={localePath(locale, `/projects/${project.id}`)}>← {project.title}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('title', { title: project.title })}</h1>
      <p>{t('intro')}</p>
      {revisions.length === 0 ? <p>{t('empty')}</p> : null}
      <ol className="space-y-4">
        {revisions.map((r) => (
          <li key={r.id} className="rounded border border-stone-300 bg-white p-3">
            <p className="mb-2 text-sm text-stone-700">{t('version', { date: format.dateTime(new Date(r.createdAt), 'long'), name: r.editor ?? '—' })}</p>
            <h2 className="text-lg font-bold">{r.title}</h2>
            <h3 className="mt-2 font-semibold">{tp('problem')}</h3>
            <p className="whitespace-pre-line">{r.problem}</p>
            <h3 className="mt-2 font-semibold">{tp('solution')}</h3>
            <p className="whitespace-pre-line">{r.solution}</p>
            <p className="mt-2 text-sm">{r.location}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

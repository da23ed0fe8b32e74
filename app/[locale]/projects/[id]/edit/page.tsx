import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { ProjectForm } from '@/components/projects/project-form';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { findProject, projectSubject } from '@/lib/projects/load';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ProjectForm');
  return { title: t('editTitle'), robots: { index: false } };
}

export default async function EditProjectPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  const projectId = idParam.safeParse(id);
  if (!projectId.success) notFound();
  const db = getDb();
  const project = findProject(db, projectId.data);
  if (!project) notFound();
  const subject = projectSubject(db, project);
  if (!can(actor, 'project.edit', subject)) return <Forbidden />;
  const t = await getTranslations('ProjectForm');
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <a href={localePath(locale, `/projects/${project.id}`)}>← {project.title}</a>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t('editTitle')}</h1>
      <p className="mb-6">{project.status === 'draft' ? t('intro') : t('editIntro')}</p>
      <ProjectForm locale={locale} communes={listCommunes(db)} project={project} mayInvite={can(actor, 'project.invite', subject)} />
    </div>
  );
}

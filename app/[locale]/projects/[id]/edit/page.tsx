import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { ProjectForm } from '@/components/projects/project-form';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { editProjectPage } from '@/lib/projects/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ProjectForm');
  return { title: t('editTitle'), robots: { index: false } };
}

export default async function EditProjectPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = editProjectPage(await requestContext(), { id });
  if (!view) notFound();
  if ('refused' in view) {
    if (view.refused === 'signIn') redirect(localePath(locale, '/login'));
    forbidden();
  }
  const { project } = view;
  const t = await getTranslations('ProjectForm');
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <a href={localePath(locale, `/projects/${project.id}`)}>← {project.title}</a>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t('editTitle')}</h1>
      <p className="mb-6">{project.status === 'draft' ? t('intro') : t('editIntro')}</p>
      <ProjectForm locale={locale} communes={view.communes} project={project} mayInvite={view.mayInvite} />
    </div>
  );
}

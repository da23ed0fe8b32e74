import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { ProjectForm } from '@/components/projects/project-form';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ProjectForm');
  return { title: t('newTitle'), robots: { index: false } };
}

export default async function NewProjectPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  if (!can(actor, 'project.create', undefined)) return <Forbidden />;
  const t = await getTranslations('ProjectForm');
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">{t('newTitle')}</h1>
      <p className="mb-6">{t('intro')}</p>
      <ProjectForm locale={locale} communes={listCommunes(getDb())} defaultCommuneId={actor.communeId} />
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, redirect } from 'next/navigation';
import { ProjectForm } from '@/components/projects/project-form';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { newProjectPage } from '@/lib/projects/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ProjectForm');
  return { title: t('newTitle'), robots: { index: false } };
}

export default async function NewProjectPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = newProjectPage(await requestContext());
  if ('refused' in view) {
    if (view.refused === 'signIn') redirect(localePath(locale, '/login'));
    forbidden();
  }
  const t = await getTranslations('ProjectForm');
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">{t('newTitle')}</h1>
      <p className="mb-6">{t('intro')}</p>
      <ProjectForm locale={locale} communes={view.communes} defaultCommuneId={view.defaultCommuneId} />
    </div>
  );
}

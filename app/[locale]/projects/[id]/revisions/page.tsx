import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RevisionsList } from '@/components/revisions/revisions-list';
import { requestContext } from '@/lib/auth/request-context';
import type { Locale } from '@/lib/i18n/config';
import { revisionsPage } from '@/lib/revisions/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ProjectRevisions');
  return { title: t('intro') };
}

export default async function ProjectRevisionsPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = revisionsPage(await requestContext(), { kind: 'project', id });
  if (!view) notFound();
  return <RevisionsList view={view} locale={locale} />;
}

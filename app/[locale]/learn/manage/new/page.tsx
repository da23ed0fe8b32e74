import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, redirect } from 'next/navigation';
import { CourseForm } from '@/components/learn/course-form';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { courseCommuneChoices } from '@/lib/learn/views';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('LearnAuthor');
  return { title: t('newCourse'), robots: { index: false } };
}

export default async function NewCoursePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  if (!can(ctx.actor, 'learn.author', undefined)) forbidden();
  const t = await getTranslations('LearnAuthor');
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <a href={localePath(locale, '/learn/manage')}>{t('title')}</a>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{t('newCourse')}</h1>
      <CourseForm locale={locale} communes={courseCommuneChoices(ctx)} />
    </div>
  );
}

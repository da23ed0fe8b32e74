import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { LessonForm } from '@/components/learn/lesson-form';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { courseEditView } from '@/lib/learn/views';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('LearnAuthor');
  return { title: t('newLesson'), robots: { index: false } };
}

export default async function NewLessonPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const courseId = idParam.safeParse(id);
  if (!courseId.success) notFound();
  const view = courseEditView(ctx, courseId.data);
  if (!view) notFound();
  if (view === 'forbidden') forbidden();
  const t = await getTranslations('LearnAuthor');
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <a href={localePath(locale, `/learn/manage/courses/${view.course.id}`)}>{view.course.title}</a>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{t('newLesson')}</h1>
      <LessonForm locale={locale} courseId={view.course.id} />
    </div>
  );
}

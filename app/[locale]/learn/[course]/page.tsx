import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CoursePage } from '@/components/learn/course-page';
import { requestContext } from '@/lib/auth/request-context';
import type { Locale } from '@/lib/i18n/config';
import { courseView } from '@/lib/learn/views';

type Props = { params: Promise<{ locale: Locale; course: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, course } = await params;
  const view = courseView(await requestContext(), course, locale);
  return view ? { title: view.course.title, description: view.course.summary } : {};
}

export default async function CourseRoute({ params }: Props) {
  const { locale, course } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  const view = courseView(ctx, course, locale);
  if (!view) notFound();
  return <CoursePage locale={locale} view={view} signedIn={!!ctx.actor} />;
}

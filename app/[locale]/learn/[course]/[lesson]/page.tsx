import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { LessonPage } from '@/components/learn/lesson-page';
import { requestContext } from '@/lib/auth/request-context';
import type { Locale } from '@/lib/i18n/config';
import { lessonView } from '@/lib/learn/views';

type Props = { params: Promise<{ locale: Locale; course: string; lesson: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, course, lesson } = await params;
  const view = lessonView(await requestContext(), course, lesson, locale);
  return view ? { title: `${view.lesson.title} · ${view.course.title}` } : {};
}

/** A lesson for a signed-in reader (anonymous readers get app/cached/[locale]/learn/[course]/[lesson]). */
export default async function LessonRoute({ params }: Props) {
  const { locale, course, lesson } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  const view = lessonView(ctx, course, lesson, locale);
  if (!view) notFound();
  return <LessonPage locale={locale} view={view} signedIn={!!ctx.actor} />;
}

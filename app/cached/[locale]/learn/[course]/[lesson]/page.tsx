import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { LessonPage } from '@/components/learn/lesson-page';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { publicContext } from '@/lib/auth/request-context';
import { headerView } from '@/lib/layout/header-view';
import type { Locale } from '@/lib/i18n/config';
import { lessonView } from '@/lib/learn/views';

/** A lesson for anonymous readers, from Next's cache: rendered once, refreshed when its course is written. */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: Locale; course: string; lesson: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, course, lesson } = await params;
  const view = lessonView(publicContext(), course, lesson, locale);
  return view ? { title: `${view.lesson.title} · ${view.course.title}` } : {};
}

export default async function CachedLessonPage({ params }: Props) {
  const { locale, course, lesson } = await params;
  setRequestLocale(locale);
  const view = lessonView(publicContext(), course, lesson, locale);
  if (!view) notFound();
  return (
    <>
      <Header locale={locale} view={headerView(publicContext())} selectedCommuneId={null} path={`/learn/${view.course.slug}/${view.lesson.slug}`} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        <LessonPage locale={locale} view={view} signedIn={false} />
      </main>
      <Footer />
    </>
  );
}

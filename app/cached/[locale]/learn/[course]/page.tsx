import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CoursePage } from '@/components/learn/course-page';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { publicContext } from '@/lib/auth/request-context';
import { headerView } from '@/lib/layout/header-view';
import type { Locale } from '@/lib/i18n/config';
import { courseView } from '@/lib/learn/views';

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: Locale; course: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, course } = await params;
  const view = courseView(publicContext(), course, locale);
  return view ? { title: view.course.title, description: view.course.summary } : {};
}

export default async function CachedCoursePage({ params }: Props) {
  const { locale, course } = await params;
  setRequestLocale(locale);
  const view = courseView(publicContext(), course, locale);
  if (!view) notFound();
  return (
    <>
      <Header locale={locale} view={headerView(publicContext())} selectedCommuneId={null} path={`/learn/${view.course.slug}`} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        <CoursePage locale={locale} view={view} signedIn={false} />
      </main>
      <Footer />
    </>
  );
}

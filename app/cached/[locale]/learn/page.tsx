import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Catalogue } from '@/components/learn/catalogue';
import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { publicContext } from '@/lib/auth/request-context';
import type { Locale } from '@/lib/i18n/config';
import { learnCatalogue } from '@/lib/learn/views';

/** Cached until a write to a course or lesson refreshes it (app/actions/learn.ts); at most an hour. */
export const revalidate = 3600;

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Learn' });
  return { title: t('title'), description: t('intro') };
}

export default async function CachedLearnPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { courses } = learnCatalogue(publicContext(), locale);
  return (
    <>
      <Header locale={locale} actor={null} selectedCommuneId={null} path="/learn" />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        <Catalogue locale={locale} courses={courses} signedIn={false} canAuthor={false} />
      </main>
      <Footer />
    </>
  );
}

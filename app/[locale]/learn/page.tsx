import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Catalogue } from '@/components/learn/catalogue';
import { requestContext } from '@/lib/auth/request-context';
import type { Locale } from '@/lib/i18n/config';
import { learnCatalogue } from '@/lib/learn/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Learn');
  return { title: t('title'), description: t('intro') };
}

/** /learn for a signed-in reader (anonymous readers get app/cached/[locale]/learn). */
export default async function LearnPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  const { courses, canAuthor } = learnCatalogue(ctx, locale);
  return <Catalogue locale={locale} courses={courses} signedIn={!!ctx.actor} canAuthor={canAuthor} />;
}

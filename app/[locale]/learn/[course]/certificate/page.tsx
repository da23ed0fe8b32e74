import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { CertificateSheet } from '@/components/learn/certificate';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { myCertificate } from '@/lib/learn/views';
import { absoluteUrl } from '@/lib/site-url';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Certificate');
  return { title: t('heading'), robots: { index: false } };
}

/** The signed-in person's certificate for a course, to print (no JavaScript needed: the browser's Print). */
export default async function CertificatePage({ params }: { params: Promise<{ locale: Locale; course: string }> }) {
  const { locale, course } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const cert = myCertificate(ctx, course);
  if (!cert) notFound();
  const t = await getTranslations('Certificate');
  // Printed: the address anyone can type to check it, on PUBLIC_URL (never this request's Host).
  const verifyUrl = absoluteUrl(localePath(locale, `/certificates/${cert.code}`));
  return (
    <div className="space-y-4">
      <div className="no-print max-w-2xl space-y-2">
        <p>
          <a href={localePath(locale, `/learn/${course}`)}>{t('back')}</a>
        </p>
        <p id="print-hint">{t('printHint')}</p>
      </div>
      <CertificateSheet locale={locale} cert={cert} verifyUrl={verifyUrl} />
    </div>
  );
}

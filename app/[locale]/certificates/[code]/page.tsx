import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { formatCertificateCode } from '@/lib/learn/certificate-code';
import { verifyCertificate } from '@/lib/learn/certificates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Certificate');
  return { title: t('verifyTitle'), robots: { index: false } };
}

const dateFormat = (locale: Locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Africa/Bamako' });

/**
 * A certificate's public page: confirms what is printed on it (name, course, date, space), and nothing else
 * about the person (no link to them, no commune, no other course). Any code that is not a certificate's gets
 * the same answer, whether unknown, mistyped or malformed.
 */
export default async function CertificateCheckPage({ params }: { params: Promise<{ locale: Locale; code: string }> }) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const { db } = await requestContext();
  const cert = verifyCertificate(db, decodeURIComponent(code));
  const t = await getTranslations('Certificate');
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('verifyTitle')}</h1>
      {cert ? (
        <div id="certificate-valid" className="space-y-2">
          <Notice tone="success">{t('valid')}</Notice>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t('name')}</dt>
            <dd id="verified-name">{cert.displayName}</dd>
            <dt className="font-semibold">{t('course')}</dt>
            <dd id="verified-course">{cert.courseTitle}</dd>
            <dt className="font-semibold">{t('date')}</dt>
            <dd>{dateFormat(locale).format(new Date(cert.issuedAt))}</dd>
            <dt className="font-semibold">{t('space')}</dt>
            <dd>{cert.spaceName ?? t('online')}</dd>
            <dt className="font-semibold">{t('codeLabel')}</dt>
            <dd className="font-mono">{formatCertificateCode(cert.code)}</dd>
          </dl>
        </div>
      ) : (
        <Notice tone="error" id="certificate-unknown">{t('unknown')}</Notice>
      )}
      <p>
        <a href={localePath(locale, '/certificates')}>{t('verifyAnother')}</a>
      </p>
    </div>
  );
}

import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { formatCertificateCode } from '@/lib/learn/certificate-code';

const dateFormat = (locale: Locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Africa/Bamako' });

/**
 * A course certificate, made to be printed on one A4 page (the site's header and footer are not printed):
 * the name, the course, the date and the connected space, and the code and address where anyone can check it.
 */
export async function CertificateSheet({
  locale,
  cert,
  verifyUrl,
}: {
  locale: Locale;
  cert: { displayName: string; courseTitle: string; issuedAt: string; spaceName: string | null; code: string };
  verifyUrl: string;
}) {
  const t = await getTranslations('Certificate');
  return (
    <section id="certificate" aria-labelledby="certificate-title" className="certificate mx-auto max-w-2xl rounded border-4 border-double border-teal-800 bg-white p-6 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-teal-900">{t('issuer')}</p>
      <h1 id="certificate-title" className="mt-2 text-3xl font-extrabold">{t('heading')}</h1>
      <p className="mt-4">{t('certifies')}</p>
      <p className="mt-1 text-2xl font-bold" id="certificate-name">{cert.displayName}</p>
      <p className="mt-4">{t('completed')}</p>
      <p className="mt-1 text-xl font-bold" id="certificate-course">{cert.courseTitle}</p>
      <p className="mt-4" id="certificate-date">
        {t('on', { date: dateFormat(locale).format(new Date(cert.issuedAt)) })}
        {' · '}
        {cert.spaceName ? t('atSpace', { space: cert.spaceName }) : t('online')}
      </p>
      <p className="mt-6 text-sm">{t('verify')}</p>
      <p className="mt-1 font-mono text-lg font-bold" id="certificate-code">{formatCertificateCode(cert.code)}</p>
      <p className="mt-1 break-all text-sm" id="certificate-url">{verifyUrl}</p>
    </section>
  );
}

import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AuditTable } from '@/components/ui/audit-table';
import { auditPage } from '@/lib/admin/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin');
  return { title: t('auditTitle'), robots: { index: false } };
}

export default async function AuditPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = auditPage(await signedInContext(locale));
  if ('forbidden' in view) forbidden();
  const t = await getTranslations('Admin');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('auditTitle')}</h1>
      <p>{t('auditIntro')}</p>
      <AuditTable rows={view.rows} caption={t('auditTitle')} />
    </div>
  );
}

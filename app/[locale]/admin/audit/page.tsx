import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/ui/forbidden';
import { AuditTable } from '@/components/ui/audit-table';
import { getDb } from '@/db/client';
import { recentAudit } from '@/db/queries/users';
import { type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { requireAdmin } from '../guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin');
  return { title: t('auditTitle'), robots: { index: false } };
}

export default async function AuditPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireAdmin(locale);
  if (!actor) return <Forbidden />;
  if (!can(actor, 'audit.read', undefined)) return <Forbidden />;
  const t = await getTranslations('Admin');
  const rows = recentAudit(getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('auditTitle')}</h1>
      <p>{t('auditIntro')}</p>
      <AuditTable rows={rows} caption={t('auditTitle')} />
    </div>
  );
}

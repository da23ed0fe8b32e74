import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/ui/forbidden';
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
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b-2 border-stone-400 text-left">
              <th scope="col" className="p-2">{t('when')}</th>
              <th scope="col" className="p-2">{t('actor')}</th>
              <th scope="col" className="p-2">{t('action')}</th>
              <th scope="col" className="p-2">{t('subject')}</th>
              <th scope="col" className="p-2">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-stone-200 align-top">
                <td className="p-2 whitespace-nowrap">{r.createdAt.replace('T', ' ').slice(0, 19)}</td>
                <td className="p-2">{r.actorName ?? t('system')}</td>
                <td className="p-2 font-mono">{r.action}</td>
                <td className="p-2">
                  {r.subjectType} #{r.subjectId}
                </td>
                <td className="p-2 font-mono break-all">{r.details ? JSON.stringify(r.details) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import { getTranslations } from 'next-intl/server';
import type { AuditRowView } from '@/lib/admin/views';

/** The audit log as a table: for admins (everything) and moderators (moderation acts). */
export async function AuditTable({ rows, caption }: { rows: AuditRowView[]; caption: string }) {
  const t = await getTranslations('Admin');
  return (
    // Stacks on a phone (.stack-table, app/globals.css).
    <div>
      <table className="stack-table w-full border-collapse bg-white text-sm">
        <caption id="audit-caption" className="sr-only">
          {caption}
        </caption>
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
              <td className="p-2 whitespace-nowrap" data-label={t('when')}>{r.createdAt.replace('T', ' ').slice(0, 19)}</td>
              <td className="p-2" data-label={t('actor')}>{r.actorName ?? t('system')}</td>
              <td className="p-2 font-mono" data-label={t('action')}>{r.action}</td>
              <td className="p-2" data-label={t('subject')}>
                {r.subjectType} #{r.subjectId}
              </td>
              <td className="p-2 font-mono break-all" data-label={t('details')}>{r.details ? JSON.stringify(r.details) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

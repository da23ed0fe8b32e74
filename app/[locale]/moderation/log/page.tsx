import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireModerator } from '@/components/moderation/guard';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { moderationLog } from '@/db/queries/moderation';
import { type Locale } from '@/lib/i18n/config';
import { isAdmin } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('logTitle'), robots: { index: false } };
}

export default async function ModerationLogPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireModerator(locale);
  if (!actor) return <Forbidden />;
  const t = await getTranslations('Moderation');
  const ta = await getTranslations('Admin');
  const rows = moderationLog(getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('logTitle')}</h1>
      <ModerationNav locale={locale} isAdmin={isAdmin(actor)} />
      <p>{t('logIntro')}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b-2 border-stone-400 text-left">
              <th scope="col" className="p-2">{ta('when')}</th>
              <th scope="col" className="p-2">{ta('actor')}</th>
              <th scope="col" className="p-2">{ta('action')}</th>
              <th scope="col" className="p-2">{ta('subject')}</th>
              <th scope="col" className="p-2">{ta('details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-stone-200 align-top">
                <td className="p-2 whitespace-nowrap">{r.createdAt.replace('T', ' ').slice(0, 19)}</td>
                <td className="p-2">{r.actorName ?? ta('system')}</td>
                <td className="p-2 font-mono">{r.action}</td>
                <td className="p-2">{r.subjectType} #{r.subjectId}</td>
                <td className="p-2 font-mono break-all">{r.details ? JSON.stringify(r.details) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

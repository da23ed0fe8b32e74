import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireModerator } from '@/components/moderation/guard';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Forbidden } from '@/components/ui/forbidden';
import { AuditTable } from '@/components/ui/audit-table';
import { getDb } from '@/db/client';
import { moderationLog } from '@/db/queries/moderation';
import { type Locale } from '@/lib/i18n/config';
import { isAdmin, moderationScope } from '@/lib/permissions';

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
  const rows = moderationLog(getDb(), moderationScope(actor));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('logTitle')}</h1>
      <ModerationNav locale={locale} isAdmin={isAdmin(actor)} />
      <p>{t('logIntro')}</p>
      <AuditTable rows={rows} caption={t('logTitle')} />
    </div>
  );
}

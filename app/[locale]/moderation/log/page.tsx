import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { AuditTable } from '@/components/ui/audit-table';
import { signedInContext } from '@/lib/auth/signed-in';
import { type Locale } from '@/lib/i18n/config';
import { moderationLogPage } from '@/lib/moderation/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('logTitle'), robots: { index: false } };
}

export default async function ModerationLogPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = moderationLogPage(await signedInContext(locale));
  if ('forbidden' in view) forbidden();
  const t = await getTranslations('Moderation');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('logTitle')}</h1>
      <ModerationNav locale={locale} mayConfigure={view.mayConfigure} />
      <p>{t('logIntro')}</p>
      <AuditTable rows={view.rows} caption={t('logTitle')} />
    </div>
  );
}

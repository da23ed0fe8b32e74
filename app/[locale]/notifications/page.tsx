import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { markReadAction } from '@/app/actions/notifications';
import { NotificationEntry } from '@/components/notifications/notification-entry';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { Notice } from '@/components/ui/notice';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { notificationsPage } from '@/lib/notifications/views';
import { PostForm } from '@/components/forms/post-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Notifications');
  return { title: t('title'), robots: { index: false } };
}

export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = notificationsPage(await signedInContext(locale));
  if (!view) redirect(localePath(locale, '/login'));
  const sp = await searchParams;
  const t = await getTranslations('Notifications');

  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {sp.saved ? <Notice tone="success">{t('prefSaved')}</Notice> : null}
      {view.unread > 0 ? (
        <PostForm action={markReadAction}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="notificationId" value="all" />
          <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">
            {t('markAll')}
          </button>
        </PostForm>
      ) : null}
      {view.items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="space-y-2">
        {view.items.map((n) => (
          <NotificationEntry key={n.id} locale={locale} item={n} />
        ))}
      </ul>
      <PreferencesForm locale={locale} preferences={view.preferences} />
    </div>
  );
}

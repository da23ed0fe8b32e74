import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { MinutesForm } from '@/components/meetings/minutes-form';
import { MinutesRecordingForm } from '@/components/meetings/minutes-recording-form';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { minutesPage } from '@/lib/meetings/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Meetings');
  return { title: t('minutesTitle'), robots: { index: false } };
}

/** After the meeting: its minutes and attendance, for those who ran it. */
export default async function MinutesPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = minutesPage(await requestContext(), { id });
  if (!view) notFound();
  if ('refused' in view) {
    if (view.refused === 'signIn') redirect(localePath(locale, '/login'));
    forbidden();
  }
  const t = await getTranslations('Meetings');
  return (
    <div className="max-w-2xl">
      <p className="mb-3">
        <a href={localePath(locale, `/meetings/${view.meetingId}`)}>← {view.title}</a>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t('minutesTitle')}</h1>
      <p className="mb-6">{t('minutesIntro')}</p>
      <MinutesForm locale={locale} meetingId={view.meetingId} minutes={view.minutes} attendance={view.attendance} />
      <MinutesRecordingForm locale={locale} meetingId={view.meetingId} />
    </div>
  );
}

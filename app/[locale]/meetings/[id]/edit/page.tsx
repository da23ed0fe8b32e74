import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { editMeetingPage } from '@/lib/meetings/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('MeetingForm');
  return { title: t('editTitle'), robots: { index: false } };
}

export default async function EditMeetingPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = editMeetingPage(await requestContext(), { id });
  if (!view) notFound();
  if ('refused' in view) {
    if (view.refused === 'signIn') redirect(localePath(locale, '/login'));
    forbidden();
  }
  const t = await getTranslations('MeetingForm');
  return (
    <div className="max-w-2xl">
      <p className="mb-3">
        <a href={localePath(locale, `/meetings/${view.meeting.id}`)}>← {view.meeting.title}</a>
      </p>
      <h1 className="mb-6 text-2xl font-bold">{t('editTitle')}</h1>
      <MeetingForm locale={locale} space={view.space} meeting={view.meeting} subjects={view.subjects} />
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { MinutesForm } from '@/components/meetings/minutes-form';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { attendanceOf } from '@/lib/meetings/queries';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { findMeeting, meetingSubject, meetingTiming } from '@/lib/meetings/load';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Meetings');
  return { title: t('minutesTitle'), robots: { index: false } };
}

/** After the meeting: its minutes and attendance, for those who ran it. */
export default async function MinutesPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const meetingId = idParam.safeParse(id);
  const db = getDb();
  const meeting = meetingId.success ? findMeeting(db, meetingId.data) : undefined;
  if (!meeting) notFound();
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  if (!can(actor, 'meeting.publishMinutes', { ...meetingSubject(meeting), ...meetingTiming(meeting, new Date()) })) return <Forbidden />;
  const t = await getTranslations('Meetings');
  return (
    <div className="max-w-2xl">
      <p className="mb-3">
        <a href={localePath(locale, `/meetings/${meeting.id}`)}>← {meeting.title}</a>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t('minutesTitle')}</h1>
      <p className="mb-6">{t('minutesIntro')}</p>
      <MinutesForm locale={locale} meetingId={meeting.id} minutes={meeting.minutes} attendance={attendanceOf(db, meeting.id)} />
    </div>
  );
}

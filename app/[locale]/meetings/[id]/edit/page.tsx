import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { linkableSubjects } from '@/lib/meetings/queries';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { findMeeting, findSpace, meetingSubject, meetingTiming } from '@/lib/meetings/load';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('MeetingForm');
  return { title: t('editTitle'), robots: { index: false } };
}

export default async function EditMeetingPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const meetingId = idParam.safeParse(id);
  const db = getDb();
  const meeting = meetingId.success ? findMeeting(db, meetingId.data) : undefined;
  const space = meeting ? findSpace(db, meeting.spaceId) : undefined;
  if (!meeting || !space) notFound();
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  if (!can(actor, 'meeting.edit', { ...meetingSubject(meeting), ...meetingTiming(meeting, new Date()) })) return <Forbidden />;
  const t = await getTranslations('MeetingForm');
  return (
    <div className="max-w-2xl">
      <p className="mb-3">
        <a href={localePath(locale, `/meetings/${meeting.id}`)}>← {meeting.title}</a>
      </p>
      <h1 className="mb-6 text-2xl font-bold">{t('editTitle')}</h1>
      <MeetingForm locale={locale} space={space} meeting={meeting} subjects={linkableSubjects(db, space.communeId)} />
    </div>
  );
}

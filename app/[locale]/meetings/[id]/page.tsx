import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { cancelMeetingAction, registerForMeetingAction } from '@/app/actions/meetings';
import { AttendanceTables } from '@/components/meetings/attendance-tables';
import { getDb } from '@/db/client';
import { attendanceOf, getMeetingView, isRegistered } from '@/lib/meetings/queries';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { renderMarkdown } from '@/lib/markdown';
import { publicAttendance } from '@/lib/meetings/attendance';
import { meetingTiming } from '@/lib/meetings/load';
import { can, isPublicTopic } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function load(id: string) {
  const meetingId = idParam.safeParse(id);
  return meetingId.success ? getMeetingView(getDb(), meetingId.data) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const view = load(id);
  return view ? { title: view.meeting.title } : {};
}

const NOTICES = ['scheduled', 'updated', 'cancelled', 'registered', 'unregistered', 'minutes'] as const;

export default async function MeetingPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = load(id);
  if (!view) notFound();
  const { meeting } = view;
  const db = getDb();
  const actor = await getActor();
  const sp = await searchParams;
  const now = new Date();
  const timing = meetingTiming(meeting, now);
  const subject = { spaceId: meeting.spaceId, communeId: view.communeId };
  const t = await getTranslations('Meetings');
  const te = await getTranslations('Errors');
  const format = await getFormatter();
  const href = (p: string) => localePath(locale, p);
  const registered = actor ? isRegistered(db, meeting.id, actor.id) : false;
  const attendance = publicAttendance(attendanceOf(db, meeting.id));
  const mayEdit = can(actor, 'meeting.edit', { ...subject, ...timing });
  const mayPublish = can(actor, 'meeting.publishMinutes', { ...subject, ...timing });
  const topicShown = view.topic && meeting.topicId && isPublicTopic(view.topic) ? view.topic.title : null;
  const projectShown = view.project && meeting.projectId && view.project.status !== 'draft' && view.project.visibility === 'visible' ? view.project.title : null;
  const notice = NOTICES.find((n) => sp[n]);
  const error = sp.error === 'forbidden' ? te('forbidden') : sp.error === 'not_found' ? te('notFound') : sp.error ? te('invalid') : null;

  return (
    <article className="max-w-3xl space-y-6" aria-labelledby="meeting-title">
      <p>
        <a href={href('/meetings')}>← {t('back')}</a>
      </p>
      {notice ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{t(`notice.${notice}`)}</p> : null}
      {error ? <p id="meeting-error" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{error}</p> : null}
      <header className="space-y-2">
        <p className="text-sm font-semibold">
          {timing.cancelled ? (
            <span className="rounded bg-red-100 px-2 py-0.5 text-red-950" id="meeting-status">{t('cancelled')}</span>
          ) : (
            <span className="rounded bg-teal-100 px-2 py-0.5 text-teal-950" id="meeting-status">{timing.started ? t('held') : t('upcomingOne')}</span>
          )}
        </p>
        <h1 id="meeting-title" className="text-3xl font-extrabold break-words">{meeting.title}</h1>
      </header>
      <dl className="rounded border border-stone-300 bg-white p-4">
        <dt className="font-semibold">{t('when')}</dt>
        <dd className="mb-2"><time dateTime={meeting.startsAt}>{format.dateTime(new Date(meeting.startsAt), 'long')}</time></dd>
        <dt className="font-semibold">{t('where')}</dt>
        <dd className="mb-2 break-words">{meeting.place}</dd>
        <dt className="font-semibold">{t('space')}</dt>
        <dd className="mb-2"><a href={href(`/spaces/${view.spaceSlug}`)}>{view.spaceName}</a> ({view.commune})</dd>
        {topicShown || projectShown ? (
          <>
            <dt className="font-semibold">{t('about')}</dt>
            <dd className="mb-2">
              {topicShown ? <a href={href(`/topics/${meeting.topicId}`)}>{topicShown}</a> : <a href={href(`/projects/${meeting.projectId}`)}>{projectShown}</a>}
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t('organiser')}</dt>
        <dd>{view.organiser}</dd>
      </dl>
      {mayEdit || mayPublish ? (
        <p className="flex flex-wrap gap-4">
          {mayEdit ? <a href={href(`/meetings/${meeting.id}/edit`)} className="font-semibold">{t('edit')}</a> : null}
          {mayPublish ? <a href={href(`/meetings/${meeting.id}/minutes`)} className="font-semibold">{meeting.minutesPublishedAt ? t('minutesEdit') : t('minutesWrite')}</a> : null}
        </p>
      ) : null}

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title" className="mb-2 text-xl font-bold">{t('agenda')}</h2>
        <div className="prose-baro max-w-none break-words" dangerouslySetInnerHTML={{ __html: renderMarkdown(meeting.agenda) }} />
      </section>

      <section aria-labelledby="registration-title" id="registration">
        <h2 id="registration-title" className="mb-2 text-xl font-bold">{t('registration')}</h2>
        <p className="mb-2 text-lg font-semibold" id="registration-count">{t('registrations', { count: meeting.registrationCount })}</p>
        {timing.cancelled ? (
          <p>{t('registrationCancelled')}</p>
        ) : timing.started ? (
          <p>{t('registrationClosed')}</p>
        ) : !actor ? (
          <p><a href={href('/login')}>{t('signInToRegister')}</a></p>
        ) : (
          <form action={registerForMeetingAction} id="registration-form">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="meetingId" value={String(meeting.id)} />
            <input type="hidden" name="intent" value={registered ? 'unregister' : 'register'} />
            {registered ? <p className="mb-2">{t('youAreRegistered')}</p> : null}
            <button type="submit" className={registered ? 'min-h-11 rounded border-2 border-teal-800 px-4 font-semibold text-teal-900' : 'min-h-11 rounded bg-teal-800 px-4 font-semibold text-white'}>
              {registered ? t('unregister') : t('register')}
            </button>
          </form>
        )}
      </section>

      {timing.started && !timing.cancelled ? (
        <section aria-labelledby="minutes-title" id="minutes">
          <h2 id="minutes-title" className="mb-2 text-xl font-bold">{t('minutes')}</h2>
          {meeting.minutes && meeting.minutesPublishedAt ? (
            <>
              <p className="mb-2 text-sm text-stone-700">{t('minutesPublishedOn', { date: format.dateTime(new Date(meeting.minutesPublishedAt), 'long') })}</p>
              <div className="prose-baro mb-4 max-w-none break-words" id="minutes-text" dangerouslySetInnerHTML={{ __html: renderMarkdown(meeting.minutes) }} />
              <h3 className="mb-1 font-bold">{t('attendance')}</h3>
              <p className="mb-2" id="attendance-total">{typeof attendance.total !== 'number' ? t('attendanceFew') : t('attendanceTotal', { count: attendance.total })}</p>
              <p className="mb-2 text-sm text-stone-700">{t('attendanceNote')}</p>
              <AttendanceTables attendance={attendance} />
            </>
          ) : (
            <p>{t('minutesPending')}</p>
          )}
        </section>
      ) : null}

      {mayEdit ? (
        <section aria-labelledby="cancel-title" className="rounded border border-red-300 bg-red-50 p-3">
          <h2 id="cancel-title" className="mb-2 text-lg font-bold">{t('cancelTitle')}</h2>
          <p className="mb-2 text-sm">{t('cancelNote')}</p>
          <form action={cancelMeetingAction} id="cancel-meeting-form">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="meetingId" value={String(meeting.id)} />
            <button type="submit" className="min-h-11 rounded border-2 border-red-800 bg-white px-4 font-semibold text-red-900">{t('cancel')}</button>
          </form>
        </section>
      ) : null}
    </article>
  );
}

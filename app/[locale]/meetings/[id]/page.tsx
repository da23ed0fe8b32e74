import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { MeetingCancel } from '@/components/meetings/meeting-cancel';
import { MeetingFacts } from '@/components/meetings/meeting-facts';
import { MeetingMinutes } from '@/components/meetings/meeting-minutes';
import { MeetingRegistration } from '@/components/meetings/meeting-registration';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { renderMarkdown } from '@/lib/markdown';
import { meetingMetadata, meetingPage } from '@/lib/meetings/views';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const meta = meetingMetadata(await requestContext(), { id });
  return meta ? { title: meta.title } : {};
}

export default async function MeetingPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = meetingPage(await requestContext(), { id, sp: await searchParams });
  if (!view) notFound();
  const { meeting } = view;
  const t = await getTranslations('Meetings');
  const te = await getTranslations('Errors');
  const href = (p: string) => localePath(locale, p);

  return (
    <article className="max-w-3xl space-y-6" aria-labelledby="meeting-title">
      <p>
        <a href={href('/meetings')}>← {t('back')}</a>
      </p>
      {view.notice ? <Notice tone="success">{t(`notice.${view.notice}`)}</Notice> : null}
      {view.error ? <Notice tone="error" id="meeting-error">{te(view.error)}</Notice> : null}
      <header className="space-y-2">
        <p className="text-sm font-semibold">
          {view.cancelled ? (
            <span className="rounded bg-red-100 px-2 py-0.5 text-red-950" id="meeting-status">{t('cancelled')}</span>
          ) : (
            <span className="rounded bg-teal-100 px-2 py-0.5 text-teal-950" id="meeting-status">{view.started ? t('held') : t('upcomingOne')}</span>
          )}
        </p>
        <h1 id="meeting-title" className="text-3xl font-extrabold break-words">{meeting.title}</h1>
      </header>
      <MeetingFacts view={view} locale={locale} />
      {view.mayEdit || view.mayPublishMinutes ? (
        <p className="flex flex-wrap gap-4">
          {view.mayEdit ? <a href={href(`/meetings/${meeting.id}/edit`)} className="font-semibold">{t('edit')}</a> : null}
          {view.mayPublishMinutes ? (
            <a href={href(`/meetings/${meeting.id}/minutes`)} className="font-semibold">{meeting.minutesPublishedAt ? t('minutesEdit') : t('minutesWrite')}</a>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title" className="mb-2 text-xl font-bold">{t('agenda')}</h2>
        <div className="prose-baro max-w-none break-words" dangerouslySetInnerHTML={{ __html: renderMarkdown(meeting.agenda) }} />
      </section>

      <MeetingRegistration view={view} locale={locale} />
      {view.started && !view.cancelled ? <MeetingMinutes view={view} /> : null}
      {view.mayEdit ? <MeetingCancel meetingId={meeting.id} locale={locale} /> : null}
    </article>
  );
}

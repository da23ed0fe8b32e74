import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { markReadAction, preferencesAction } from '@/app/actions/notifications';
import { getDb } from '@/db/client';
import { listNotifications, preferencesOf } from '@/db/queries/notifications';
import { getActor } from '@/lib/auth/session';
import { moderatable } from '@/lib/moderation/registry';
import { localePath, type Locale } from '@/lib/i18n/config';

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
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  const db = getDb();
  const items = listNotifications(db, actor.id);
  const prefs = preferencesOf(db, actor.id);
  const sp = await searchParams;
  const t = await getTranslations('Notifications');
  const tm = await getTranslations('Moderation');
  const format = await getFormatter();
  const text = (n: (typeof items)[number]) => {
    const topic = n.topicTitle ?? '';
    const outcome = n.moderationOutcome ? tm(`outcome_${n.moderationOutcome}`) : tm('pending');
    if (n.kind === 'moderation.outcome') return t('moderationOutcome', { outcome });
    if (n.kind === 'moderation.report_outcome') return t('reportOutcome', { outcome });
    if (n.kind === 'moderation.warning') return t('warning');
    if (n.kind === 'moderation.suspension') return t('suspension');
    if (n.kind === 'appeal.decided') return t('appealDecided', { outcome: n.appealState === 'upheld' ? tm('outcome_restored') : tm('rejected') });
    const project = n.projectTitle ?? '';
    if (n.kind === 'project.supports25') return t('projectSupports', { project, percent: 25 });
    if (n.kind === 'project.supports50') return t('projectSupports', { project, percent: 50 });
    if (n.kind === 'project.supports75') return t('projectSupports', { project, percent: 75 });
    if (n.kind === 'project.threshold') return t('projectThreshold', { project });
    if (n.kind === 'project.answered') return t('projectAnswered', { project, name: n.actorName ?? t('someone') });
    if (n.kind === 'project.progress') return t('projectProgress', { project });
    if (n.kind === 'project.invitation') return t('projectInvitation', { project, name: n.actorName ?? t('someone') });
    if (n.kind === 'assisted.vote') return t('assistedVote', { topic, name: n.actorName ?? t('someone') });
    if (n.kind === 'assisted.comment_support') return t('assistedCommentSupport', { topic: topic || project, name: n.actorName ?? t('someone') });
    if (n.kind === 'assisted.project_support') return t('assistedProjectSupport', { project, name: n.actorName ?? t('someone') });
    if (n.kind === 'comment.reply') return t('reply', { name: n.actorName ?? t('someone'), topic: topic || project });
    if (n.kind === 'topic.decided') return t('decided', { topic });
    const meeting = n.meetingTitle ?? '';
    const date = n.meetingStartsAt ? format.dateTime(new Date(n.meetingStartsAt), 'long') : '';
    if (n.kind === 'meeting.changed') return t('meetingChanged', { meeting, date, place: n.meetingPlace ?? '' });
    if (n.kind === 'meeting.cancelled') return t('meetingCancelled', { meeting, date });
    if (n.kind === 'meeting.minutes') return t('meetingMinutes', { meeting });
    if (n.kind === 'account.locked') return t('accountLocked');
    if (n.kind === 'account.recovered') return t('accountRecovered');
    if (n.kind === 'account.reset_in_person') return t('accountResetInPerson');
    return t('newTopic', { topic });
  };
  const target = (n: (typeof items)[number]) => {
    // Moderation notices lead to the content concerned, where its author can also appeal.
    const moderated = n.moderatedType && n.moderatedId ? moderatable(n.moderatedType)?.load(db, n.moderatedId)?.path : undefined;
    if (moderated) return localePath(locale, moderated);
    // What a facilitator entered in one's name is checked, and taken back, from one place.
    if (n.kind.startsWith('assisted.')) return localePath(locale, '/account/assisted');
    if (n.projectId) {
      if (n.kind === 'project.invitation') return localePath(locale, '/projects#invitations');
      const anchor = n.commentId ? `#comment-${n.commentId}` : n.kind === 'project.progress' ? '#progress' : n.kind === 'project.answered' ? '#answer' : '';
      return localePath(locale, `/projects/${n.projectId}${anchor}`);
    }
    if (n.meetingId) return localePath(locale, `/meetings/${n.meetingId}${n.kind === 'meeting.minutes' ? '#minutes' : ''}`);
    if (n.kind.startsWith('account.')) return localePath(locale, '/account#sessions');
    return localePath(locale, n.topicId ? `/topics/${n.topicId}${n.commentId ? `#comment-${n.commentId}` : ''}` : '/notifications');
  };
  const unread = items.filter((n) => !n.readAt).length;

  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {sp.saved ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{t('prefSaved')}</p> : null}
      {unread > 0 ? (
        <form action={markReadAction}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="notificationId" value="all" />
          <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">{t('markAll')}</button>
        </form>
      ) : null}
      {items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="space-y-2">
        {items.map((n) => (
          <li key={n.id} className={`rounded border p-3 ${n.readAt ? 'border-stone-300 bg-white' : 'border-teal-700 bg-teal-50'}`}>
            {!n.readAt ? <span className="mr-2 rounded bg-teal-800 px-2 py-0.5 text-xs font-semibold text-white">{t('unread')}</span> : null}
            <span>{text(n)}</span>
            {/* A <div>, not a <p>: a <form> inside a <p> closes it in the browser's parser, and React's hydration then fails. */}
            <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-stone-700">
              <span>{format.dateTime(new Date(n.createdAt), 'long')}</span>
              {n.readAt ? (
                <a href={target(n)}>{n.topicTitle ?? n.projectTitle ?? n.meetingTitle ?? t('open')}</a>
              ) : (
                // Opening an unread notification marks it read first, then goes to the topic.
                <form action={markReadAction}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="notificationId" value={n.id} />
                  <input type="hidden" name="next" value={target(n)} />
                  <button type="submit" className="min-h-11 font-semibold text-teal-900 underline">{n.topicTitle ?? n.projectTitle ?? n.meetingTitle ?? t('markRead')}</button>
                </form>
              )}
            </div>
          </li>
        ))}
      </ul>
      <section aria-labelledby="prefs" className="rounded border border-stone-300 bg-white p-3">
        <h2 id="prefs" className="mb-2 text-xl font-bold">{t('preferences')}</h2>
        <form action={preferencesAction} className="space-y-2">
          <input type="hidden" name="locale" value={locale} />
          {(
            [
              ['replies', t('prefReplies'), prefs.replies],
              ['decisions', t('prefDecisions'), prefs.decisions],
              ['newTopics', t('prefNewTopics'), prefs.newTopics],
              ['projects', t('prefProjects'), prefs.projects],
            ] as const
          ).map(([name, label, on]) => (
            <label key={name} className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name={name} defaultChecked={on} className="h-5 w-5" />
              {label}
            </label>
          ))}
          <p className="text-sm text-stone-700">{t('prefMeetingsAlways')}</p>
          <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{t('prefSave')}</button>
        </form>
      </section>
    </div>
  );
}

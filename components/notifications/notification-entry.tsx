import { getFormatter, getTranslations } from 'next-intl/server';
import { markReadAction } from '@/app/actions/notifications';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { NotificationItem } from '@/lib/notifications/views';
import { PostForm } from '@/components/forms/post-form';

type Translate = Awaited<ReturnType<typeof getTranslations<'Notifications'>>>;
type TranslateModeration = Awaited<ReturnType<typeof getTranslations<'Moderation'>>>;

/** The sentence of a notification, in the reader's language. */
function sentence(n: NotificationItem, t: Translate, tm: TranslateModeration, date: (iso: string) => string): string {
  const topic = n.topicTitle ?? '';
  const project = n.projectTitle ?? '';
  const name = n.actorName ?? t('someone');
  const outcome = n.moderationOutcome ? tm(`outcome_${n.moderationOutcome}`) : tm('pending');
  const meeting = n.meetingTitle ?? '';
  const when = n.meetingStartsAt ? date(n.meetingStartsAt) : '';
  switch (n.kind) {
    case 'moderation.outcome':
      return t('moderationOutcome', { outcome });
    case 'moderation.report_outcome':
      return t('reportOutcome', { outcome });
    case 'moderation.warning':
      return t('warning');
    case 'moderation.suspension':
      return t('suspension');
    case 'appeal.decided':
      return t('appealDecided', { outcome: n.appealState === 'upheld' ? tm('outcome_restored') : tm('rejected') });
    case 'project.supports25':
      return t('projectSupports', { project, percent: 25 });
    case 'project.supports50':
      return t('projectSupports', { project, percent: 50 });
    case 'project.supports75':
      return t('projectSupports', { project, percent: 75 });
    case 'project.threshold':
      return t('projectThreshold', { project });
    case 'project.answered':
      return t('projectAnswered', { project, name });
    case 'project.progress':
      return t('projectProgress', { project });
    case 'project.invitation':
      return t('projectInvitation', { project, name });
    case 'assisted.vote':
      return t('assistedVote', { topic, name });
    case 'assisted.comment_support':
      return t('assistedCommentSupport', { topic: topic || project, name });
    case 'assisted.project_support':
      return t('assistedProjectSupport', { project, name });
    case 'comment.reply':
      return t('reply', { name, topic: topic || project });
    case 'topic.decided':
      return t('decided', { topic });
    case 'meeting.changed':
      return t('meetingChanged', { meeting, date: when, place: n.meetingPlace ?? '' });
    case 'meeting.cancelled':
      return t('meetingCancelled', { meeting, date: when });
    case 'meeting.minutes':
      return t('meetingMinutes', { meeting });
    case 'account.locked':
      return t('accountLocked');
    case 'account.recovered':
      return t('accountRecovered');
    case 'account.reset_in_person':
      return t('accountResetInPerson');
    case 'topic.new':
      return t('newTopic', { topic });
  }
}

/** One notification: its sentence, its date, and a link (an unread one is marked read on the way). */
export async function NotificationEntry({ locale, item: n }: { locale: Locale; item: NotificationItem }) {
  const t = await getTranslations('Notifications');
  const tm = await getTranslations('Moderation');
  const format = await getFormatter();
  const target = localePath(locale, n.target);
  // A moderation notice names no topic: its link says it leads to the content concerned (issue 17 §8).
  const aboutContent = (n.kind.startsWith('moderation.') || n.kind === 'appeal.decided') && n.target !== '/notifications';
  const title = n.topicTitle ?? n.projectTitle ?? n.meetingTitle ?? (aboutContent ? t('seeContent') : null);
  return (
    <li className={`rounded border p-3 ${n.read ? 'border-stone-300 bg-white' : 'border-teal-700 bg-teal-50'}`}>
      {!n.read ? <span className="mr-2 rounded bg-teal-800 px-2 py-0.5 text-xs font-semibold text-white">{t('unread')}</span> : null}
      <span>{sentence(n, t, tm, (iso) => format.dateTime(new Date(iso), 'long'))}</span>
      {/* A <div>, not a <p>: a <form> inside a <p> closes it in the browser's parser, and React's hydration then fails. */}
      <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-stone-700">
        <span>{format.dateTime(new Date(n.createdAt), 'long')}</span>
        {n.read ? (
          <a href={target}>{title ?? t('open')}</a>
        ) : (
          // Opening an unread notification marks it read first, then goes to the topic.
          <PostForm action={markReadAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="notificationId" value={n.id} />
            <input type="hidden" name="next" value={target} />
            <button type="submit" className="min-h-11 font-semibold text-teal-900 underline">
              {title ?? t('markRead')}
            </button>
          </PostForm>
        )}
      </div>
    </li>
  );
}

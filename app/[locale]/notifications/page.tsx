import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { markReadAction, preferencesAction } from '@/app/actions/notifications';
import { getDb } from '@/db/client';
import { listNotifications, preferencesOf } from '@/db/queries/notifications';
import { getActor } from '@/lib/auth/session';
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
  const format = await getFormatter();
  const text = (n: (typeof items)[number]) => {
    const topic = n.topicTitle ?? '';
    if (n.kind === 'comment.reply') return t('reply', { name: n.actorName ?? t('someone'), topic });
    if (n.kind === 'topic.decided') return t('decided', { topic });
    return t('newTopic', { topic });
  };
  const target = (n: (typeof items)[number]) =>
    localePath(locale, n.topicId ? `/topics/${n.topicId}${n.commentId ? `#comment-${n.commentId}` : ''}` : '/notifications');
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
            <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-stone-700">
              <span>{format.dateTime(new Date(n.createdAt), 'long')}</span>
              {n.readAt ? (
                <a href={target(n)}>{n.topicTitle}</a>
              ) : (
                // Opening an unread notification marks it read first, then goes to the topic.
                <form action={markReadAction}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="notificationId" value={n.id} />
                  <input type="hidden" name="next" value={target(n)} />
                  <button type="submit" className="min-h-11 font-semibold text-teal-900 underline">{n.topicTitle ?? t('markRead')}</button>
                </form>
              )}
            </p>
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
            ] as const
          ).map(([name, label, on]) => (
            <label key={name} className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name={name} defaultChecked={on} className="h-5 w-5" />
              {label}
            </label>
          ))}
          <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{t('prefSave')}</button>
        </form>
      </section>
    </div>
  );
}

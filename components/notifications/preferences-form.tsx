import { getTranslations } from 'next-intl/server';
import { preferencesAction } from '@/app/actions/notifications';
import type { Locale } from '@/lib/i18n/config';
import type { NotificationPreferences } from '@/lib/notifications/views';
import { PostForm } from '@/components/forms/post-form';

/** Which notifications one receives (a plain form: unticked boxes send nothing, and mean "off"). */
export async function PreferencesForm({ locale, preferences: p }: { locale: Locale; preferences: NotificationPreferences }) {
  const t = await getTranslations('Notifications');
  const boxes = [
    ['replies', t('prefReplies'), p.replies],
    ['decisions', t('prefDecisions'), p.decisions],
    ['newTopics', t('prefNewTopics'), p.newTopics],
    ['projects', t('prefProjects'), p.projects],
  ] as const;
  return (
    <section aria-labelledby="prefs" className="rounded border border-stone-300 bg-white p-3">
      <h2 id="prefs" className="mb-2 text-xl font-bold">
        {t('preferences')}
      </h2>
      <PostForm action={preferencesAction} className="space-y-2">
        <input type="hidden" name="locale" value={locale} />
        {boxes.map(([name, label, on]) => (
          <label key={name} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name={name} defaultChecked={on} className="h-5 w-5" />
            {label}
          </label>
        ))}
        <p className="text-sm text-stone-700">{t('prefMeetingsAlways')}</p>
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">
          {t('prefSave')}
        </button>
      </PostForm>
    </section>
  );
}

import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { HeaderView } from '@/lib/layout/header-view';

/** The site's sections, then one's notifications and the areas one may open (moderation, administration, translations). */
export async function MainNav({ locale, view }: { locale: Locale; view: HeaderView }) {
  const t = await getTranslations('Nav');
  const href = (p: string) => localePath(locale, p);
  const sections: [string, string][] = [
    ['/', t('home')],
    ['/topics', t('topics')],
    ['/projects', t('projects')],
    ['/learn', t('learn')],
    ['/spaces', t('spaces')],
    ['/meetings', t('meetings')],
    ['/stats', t('stats')],
    ['/search', t('search')],
  ];
  const unread = view.person?.unread ?? 0;
  return (
    <nav aria-label={t('main')}>
      <ul className="flex flex-wrap gap-4">
        {sections.map(([p, label]) => (
          <li key={p}>
            <a href={href(p)}>{label}</a>
          </li>
        ))}
        {view.person ? (
          <li>
            <a href={href('/notifications')}>{unread > 0 ? t('notificationsUnread', { count: unread }) : t('notifications')}</a>
          </li>
        ) : null}
        {view.links.moderation ? (
          <li>
            <a href={href('/moderation')}>{t('moderation')}</a>
          </li>
        ) : null}
        {view.links.admin ? (
          <li>
            <a href={href('/admin')}>{t('admin')}</a>
          </li>
        ) : null}
        {view.links.translations ? (
          <li>
            <a href={href('/admin/translations')} id="translations-link">
              {t('translations')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

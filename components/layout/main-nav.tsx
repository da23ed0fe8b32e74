import { getTranslations } from 'next-intl/server';
import { Icon, type IconName } from '@/components/ui/icons';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { HeaderView } from '@/lib/layout/header-view';

/** The site's sections, then one's notifications and the areas one may open (moderation, administration, translations): icons with labels. */
export async function MainNav({ locale, view }: { locale: Locale; view: HeaderView }) {
  const t = await getTranslations('Nav');
  const href = (p: string) => localePath(locale, p);
  const unread = view.person?.unread ?? 0;
  const items: [string, IconName, string, string?][] = [
    ['/', 'home', t('home')],
    ['/topics', 'topics', t('topics')],
    ['/projects', 'projects', t('projects')],
    ['/learn', 'learn', t('learn')],
    ['/spaces', 'spaces', t('spaces')],
    ['/meetings', 'meetings', t('meetings')],
    ['/stats', 'stats', t('stats')],
    ['/search', 'search', t('search')],
  ];
  if (view.person) items.push(['/notifications', 'bell', unread > 0 ? t('notificationsUnread', { count: unread }) : t('notifications')]);
  if (view.links.moderation) items.push(['/moderation', 'shield', t('moderation')]);
  if (view.links.admin) items.push(['/admin', 'settings', t('admin')]);
  if (view.links.translations) items.push(['/admin/translations', 'translate', t('translations'), 'translations-link']);
  return (
    <nav aria-label={t('main')}>
      <ul className="grid grid-cols-2 gap-x-3 gap-y-1">
        {items.map(([p, icon, label, id]) => (
          <li key={p}>
            <a href={href(p)} id={id} className="flex min-h-11 items-center gap-2">
              <Icon name={icon} className="h-5 w-5" />
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

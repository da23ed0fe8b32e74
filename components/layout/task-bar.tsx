import { getTranslations } from 'next-intl/server';
import { Icon, type IconName } from '@/components/ui/icons';
import { localePath, type Locale } from '@/lib/i18n/config';

/** The main tasks, always in sight: icons with short labels, for people who read little. */
export async function TaskBar({ locale }: { locale: Locale }) {
  const t = await getTranslations('Nav');
  const tasks: [string, IconName, string][] = [
    ['/topics', 'topics', t('topics')],
    ['/projects', 'projects', t('projectsShort')],
    ['/meetings', 'meetings', t('meetings')],
  ];
  return (
    <nav aria-label={t('tasks')} className="flex-[3]">
      <ul className="grid grid-cols-3 gap-1">
        {tasks.map(([p, icon, label]) => (
          <li key={p}>
            <a href={localePath(locale, p)} className="flex min-h-12 flex-col items-center justify-center rounded px-1 text-center text-xs leading-tight font-semibold text-teal-900 no-underline hover:bg-teal-50">
              <Icon name={icon} />
              <span>{label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

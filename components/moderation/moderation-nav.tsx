import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function ModerationNav({ locale, isAdmin }: { locale: Locale; isAdmin: boolean }) {
  const t = await getTranslations('Moderation');
  const links: [string, string][] = [
    ['/moderation', t('queueTitle')],
    ['/moderation/appeals', t('navAppeals')],
    ['/moderation/log', t('navLog')],
    ['/moderation/terms', t('navTerms')],
    ...(isAdmin ? ([['/moderation/settings', t('navSettings')]] as [string, string][]) : []),
    ['/moderation/stats', t('navStats')],
  ];
  return (
    <nav aria-label={t('nav')} className="mb-6">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {links.map(([p, label]) => (
          <li key={p}>
            <a href={localePath(locale, p)}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';

/** The moderation area's menu; its settings are shown to those who may change them (admins). */
export async function ModerationNav({ locale, mayConfigure }: { locale: Locale; mayConfigure: boolean }) {
  const t = await getTranslations('Moderation');
  const links: [string, string][] = [
    ['/moderation', t('queueTitle')],
    ['/moderation/appeals', t('navAppeals')],
    ['/moderation/log', t('navLog')],
    ['/moderation/terms', t('navTerms')],
    ...(mayConfigure ? ([['/moderation/settings', t('navSettings')]] as [string, string][]) : []),
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

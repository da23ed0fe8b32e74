import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale, localePath } from '@/lib/i18n/config';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  const locale = await getLocale();
  return (
    <div className="max-w-xl">
      <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4">{t('body')}</p>
      <a href={localePath(isLocale(locale) ? locale : 'fr', '/')}>{t('home')}</a>
    </div>
  );
}

import { getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/icons';
import { localePath, type Locale } from '@/lib/i18n/config';

/**
 * Data-saver mode on or off (issue 17 §1), on every page: a plain form to app/api/data-saver, so it works
 * without JavaScript (data-saver pages have none). Both buttons are rendered; the stylesheet shows the one
 * that fits the page, which scripts/server.mjs marks with <html data-saver="on">. One markup for every
 * reader, so the page stays cacheable.
 */
export async function DataSaverToggle({ locale, path }: { locale: Locale; path: string }) {
  const t = await getTranslations('DataSaver');
  const button = 'flex min-h-12 w-full flex-col items-center justify-center rounded px-1 text-center text-xs leading-tight font-semibold';
  return (
    <form method="post" action="/api/data-saver" className="flex-1" id="data-saver-form">
      <input type="hidden" name="back" value={localePath(locale, path)} />
      <button type="submit" name="mode" value="on" className={`saver-off ${button} text-teal-900 hover:bg-teal-50`} title={t('turnOnHint')}>
        <Icon name="saver" />
        <span>{t('label')}</span>
        <span className="sr-only">{t('off')}</span>
      </button>
      <button type="submit" name="mode" value="off" className={`saver-on ${button} bg-teal-800 text-white`} title={t('turnOffHint')}>
        <Icon name="saver" />
        <span>{t('label')}</span>
        <span className="sr-only">{t('on')}</span>
      </button>
    </form>
  );
}

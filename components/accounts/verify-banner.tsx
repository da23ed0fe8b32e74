import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';

/**
 * On every page, for a signed-in account that is not verified yet (the layout asks lib/layout/header-view.ts):
 * it may read, but taking part waits for the code (issue 12 §2).
 */
export async function VerifyBanner({ locale }: { locale: Locale }) {
  const t = await getTranslations('Verify');
  return (
    <p id="verify-banner" className="mb-6 rounded border-l-4 border-amber-700 bg-amber-50 p-3 text-amber-950">
      {t('banner')} <a href={localePath(locale, '/verify')}>{t('bannerLink')}</a>
    </p>
  );
}

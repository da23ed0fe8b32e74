import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { SlipLabels, SlipTexts } from '@/components/facilitator/participant-slip';
import { localePath, locales, type Locale } from '@/lib/i18n/config';
import { absoluteUrl } from '@/lib/site-url';

/**
 * The slip's words in every language Baro serves (the slip is printed in the participant's: approved
 * translations, French key by key where none is), and the page's own words. The site's address is the
 * one the participant will type: PUBLIC_URL (lib/site-url), never this request's Host.
 */
export async function slipTexts(locale: Locale, anotherHref: string, anotherKey: 'another' | 'backToArea'): Promise<SlipTexts> {
  const labels = async (l: Locale): Promise<SlipLabels> => {
    const t = await getTranslations({ locale: l, namespace: 'Slip' });
    return {
      title: t('title'),
      name: t('name'),
      code: t('code'),
      pin: t('pin'),
      space: t('space'),
      address: t('address'),
      hours: t('hours'),
      howTo: t('howTo'),
      steps: [t('step1', { url: absoluteUrl(localePath(l, '/login')) }), t('step2'), t('step3'), t('step4')],
      keep: t('keep'),
    };
  };
  const t = await getTranslations({ locale, namespace: 'Slip' });
  const tf = await getTranslations({ locale, namespace: 'Facilitator' });
  const all = Object.fromEntries(await Promise.all(locales.map(async (l) => [l, await labels(l)] as const))) as Record<Locale, SlipLabels>;
  return { labels: all, print: t('print'), printHint: t('printHint'), another: tf(anotherKey), anotherHref };
}

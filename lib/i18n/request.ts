import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { timeZone } from './config';
import { loadMessages } from './messages';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale, locale: explicit }) => {
  // An explicit locale (getTranslations({ locale })) must not read the request headers: pages served
  // from the cache (app/cached) have none.
  const requested = explicit ?? (await requestLocale);
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone,
    messages: await loadMessages(locale),
    formats: {
      dateTime: {
        short: { day: 'numeric', month: 'short', year: 'numeric' },
        long: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
      },
    },
  };
});

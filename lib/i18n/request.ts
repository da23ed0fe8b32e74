import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { getDb } from '@/db/client';
import { liveMessages } from '@/lib/translations/live';
import { timeZone } from './config';
import { installIntlFallback } from './intl-fallback';
import { routing } from './routing';

// Soninke has no locale data in Node's ICU: plurals, numbers and dates fall back to French (see the file).
installIntlFallback();

export default getRequestConfig(async ({ requestLocale, locale: explicit }) => {
  // An explicit locale (getTranslations({ locale })) must not read the request headers: pages served
  // from the cache (app/cached) have none.
  const requested = explicit ?? (await requestLocale);
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone,
    // The repository's file, what translators approved in the app, French for the rest (cached per process).
    messages: await liveMessages(getDb(), locale),
    formats: {
      dateTime: {
        short: { day: 'numeric', month: 'short', year: 'numeric' },
        long: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
      },
    },
  };
});

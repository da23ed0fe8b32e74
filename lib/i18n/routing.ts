import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './config';

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'as-needed',
  // The URL alone decides the language: a link to "/" must mean French, with or without JavaScript.
  localeDetection: false,
});

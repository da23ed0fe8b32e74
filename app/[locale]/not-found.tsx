import { getLocale } from 'next-intl/server';
import { StatusMessage } from '@/components/ui/status-message';
import { requestContext } from '@/lib/auth/request-context';
import { isLocale } from '@/lib/i18n/config';
import { requestPath } from '@/lib/request-url';

/** A missing topic, project, meeting… (notFound()); as a document, scripts/server.mjs serves app/[locale]/status instead. */
export default async function NotFound() {
  const locale = await getLocale();
  const ctx = await requestContext();
  return <StatusMessage code={404} locale={isLocale(locale) ? locale : 'fr'} path={await requestPath()} signedIn={ctx.actor !== null} />;
}

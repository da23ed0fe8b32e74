import { getLocale } from 'next-intl/server';
import { StatusMessage } from '@/components/ui/status-message';
import { requestContext } from '@/lib/auth/request-context';
import { isLocale } from '@/lib/i18n/config';
import { requestPath } from '@/lib/request-url';

/** A page that is not for this person (forbidden(), status 403); as a document, scripts/server.mjs serves app/[locale]/status instead. */
export default async function Forbidden() {
  const locale = await getLocale();
  const ctx = await requestContext();
  return <StatusMessage code={403} locale={isLocale(locale) ? locale : 'fr'} path={await requestPath()} signedIn={ctx.actor !== null} />;
}

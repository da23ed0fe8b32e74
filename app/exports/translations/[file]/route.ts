import { requestContext } from '@/lib/auth/request-context';
import { isTranslatableLocale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { exportTranslations } from '@/lib/translations/import-export';

/**
 * /exports/translations/bm.json: a language's reviewed texts (its file and what was approved in the app)
 * in next-intl's format, to commit as messages/bm.json. For translators and admins.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const m = /^([a-z]{2,3})\.json$/.exec((await params).file);
  if (!m || !isTranslatableLocale(m[1])) return new Response('Not found', { status: 404 });
  const ctx = await requestContext();
  if (!can(ctx.actor, 'translation.access', undefined)) return new Response('Forbidden', { status: ctx.actor ? 403 : 401 });
  const body = `${JSON.stringify(exportTranslations(ctx, m[1]), null, 2)}\n`;
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${m[1]}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

import { requestContext } from '@/lib/auth/request-context';
import { statsCsv } from '@/lib/stats/views';

/**
 * /exports/stats.csv (?commune=, and for officials ?topic= or ?project=): the inclusion dashboard's
 * figures, the same as /stats shows, with suppressed figures written "<5".
 */
export async function GET(req: Request) {
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  const result = statsCsv(await requestContext(), params);
  if (!result.ok) return new Response(result.status === 403 ? 'Forbidden' : 'Not found', { status: result.status });
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.filename}"`,
      'Cache-Control': result.cacheControl,
    },
  });
}

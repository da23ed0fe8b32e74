import { publicContext } from '@/lib/auth/request-context';
import { topicExport } from '@/lib/open-data/exports';

/** /exports/topics/12-comments.csv, 12-tally.json, …: public topics only. */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = topicExport(publicContext(), (await params).file);
  if (!file) return new Response('Not found', { status: 404 });
  const headers = { 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'public, max-age=60' };
  if (file.format === 'json') return Response.json(file.json, { headers });
  return new Response(file.csv, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
}

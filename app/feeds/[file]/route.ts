import { getDb } from '@/db/client';
import { topicsFeed } from '@/lib/open-data/feeds';

/** /feeds/<commune-slug>.atom, or /feeds/all.atom. */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const m = /^([a-z0-9-]{1,60})\.atom$/.exec((await params).file);
  const body = m ? topicsFeed(getDb(), m[1]!) : null;
  if (body === null) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}

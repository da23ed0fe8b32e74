import { publicContext } from '@/lib/auth/request-context';
import { topicFeedAtom } from '@/lib/open-data/feeds';

/** /feeds/<commune-slug>.atom, or /feeds/all.atom (links on PUBLIC_URL, never on the request's Host). */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const body = topicFeedAtom(publicContext(), (await params).file);
  if (body === null) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}

import { publicContext } from '@/lib/auth/request-context';
import { summaryFeedRss, topicFeedAtom } from '@/lib/open-data/feeds';

/**
 * /feeds/<commune-slug>.atom or /feeds/all.atom: the topics; /feeds/<commune-slug>.rss or /feeds/all.rss:
 * the spoken summaries as an RSS 2.0 podcast (issue 13 §6), for podcast apps and community radio. Links
 * on PUBLIC_URL, never on the request's Host (lib/open-data/feeds.ts).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  if (file.endsWith('.rss')) {
    const podcast = summaryFeedRss(publicContext(), file);
    if (podcast === null) return new Response('Not found', { status: 404 });
    return new Response(podcast, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
  }
  const body = topicFeedAtom(publicContext(), file);
  if (body === null) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}
